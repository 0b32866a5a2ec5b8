/// How many tries and which retry mode, resolved as the AWS CLI resolves them:
/// `AWS_MAX_ATTEMPTS` / `AWS_RETRY_MODE`, then the profile's `max_attempts` / `retry_mode` in
/// `~/.aws/config`, then drift's defaults (5 attempts, `standard`: a scan is thousands of calls,
/// and one call lost to a glitch makes a resource unreadable).
public struct RetrySettings: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// Exponential backoff with full jitter on transient, throttling and 5xx errors.
        case standard
        /// `standard` plus client-side rate limiting that slows down after throttling (`ClientRateLimiter`).
        case adaptive
        /// The CLI's old mode; drift treats it as `standard`.
        case legacy
    }

    public var maxAttempts: Int
    public var mode: Mode

    public init(maxAttempts: Int = 5, mode: Mode = .standard) {
        self.maxAttempts = maxAttempts
        self.mode = mode
    }

    /// Environment first, then the profile; a value that is not a positive integer or a known mode
    /// is an error naming where it came from (as the CLI refuses it), never silently replaced.
    public static func resolve(environment: [String: String], profile: [String: String]?, defaults: RetrySettings = RetrySettings())
        throws(AWSError) -> RetrySettings
    {
        var settings = defaults
        if let (text, source) = pick(environment["AWS_MAX_ATTEMPTS"], "AWS_MAX_ATTEMPTS", profile?["max_attempts"], "max_attempts") {
            guard let value = Int(text), value >= 1 else {
                throw AWSError(
                    service: "config", operation: "retries", code: "InvalidConfiguration",
                    message: "\(source) must be a whole number of at least 1, not \"\(text)\"")
            }
            settings.maxAttempts = value
        }
        if let (text, source) = pick(environment["AWS_RETRY_MODE"], "AWS_RETRY_MODE", profile?["retry_mode"], "retry_mode") {
            guard let mode = Mode(rawValue: text.lowercased()) else {
                throw AWSError(
                    service: "config", operation: "retries", code: "InvalidConfiguration",
                    message: "\(source) must be standard, adaptive or legacy, not \"\(text)\"")
            }
            settings.mode = mode
        }
        return settings
    }

    private static func pick(_ first: String?, _ firstName: String, _ second: String?, _ secondName: String) -> (String, String)? {
        if let first, !first.trimmingWhitespaceForSettings.isEmpty { return (first.trimmingWhitespaceForSettings, firstName) }
        if let second, !second.trimmingWhitespaceForSettings.isEmpty {
            return (second.trimmingWhitespaceForSettings, "\(secondName) in ~/.aws/config")
        }
        return nil
    }
}

extension String {
    fileprivate var trimmingWhitespaceForSettings: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
