import AWSClient
import DriftModel
import Foundation

/// POSTs a message to webhook URLs, each retried with exponential backoff and full jitter on
/// transport errors, 429 and 5xx. A URL is a secret (it carries the token): it is never printed,
/// and an error names it only as `WebhookURL.masked`.
public struct WebhookSender: Sendable {
    public var transport: any HTTPTransport
    public var maxAttempts: Int
    public var baseDelay: Double
    /// Injected so tests do not wait: seconds to sleep.
    public var sleep: @Sendable (Double) async -> Void
    public var random: @Sendable () -> Double

    public init(
        transport: any HTTPTransport = URLSessionTransport(), maxAttempts: Int = 4, baseDelay: Double = 0.5,
        sleep: @escaping @Sendable (Double) async -> Void = { try? await Task.sleep(nanoseconds: UInt64($0 * 1e9)) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0.5..<1) }
    ) {
        self.transport = transport
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.sleep = sleep
        self.random = random
    }

    /// Sends to every URL; returns one warning per URL that did not take the message.
    public func send(_ body: Value, to urls: [String]) async -> [String] {
        var warnings: [String] = []
        let bytes = Array(body.canonicalJSON().utf8)
        for url in urls {
            if let problem = await deliver(bytes, to: url) {
                warnings.append("notification to \(WebhookURL.masked(url)) failed: \(problem)")
            }
        }
        return warnings
    }

    /// `nil` on success, else why the last attempt failed (never containing the URL).
    func deliver(_ body: [UInt8], to url: String) async -> String? {
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? "") else {
            return "not an http(s) URL"
        }
        let request = HTTPRequest(
            method: "POST", url: url, headers: ["Content-Type": "application/json", "User-Agent": "drift"], body: body,
            timeout: 10)
        var problem = ""
        for attempt in 1...maxAttempts {
            do {
                let response = try await transport.send(request)
                if (200..<300).contains(response.status) { return nil }
                problem = "HTTP \(response.status)"
                // A 4xx other than 429 will not change by asking again.
                if response.status < 500 && response.status != 429 { return problem + " (not retried)" }
            } catch let error as TransportError {
                switch error.kind {
                case .unreachable: problem = "cannot connect"
                case .timedOut: problem = "no answer in time"
                case .connectionLost: problem = "the connection was lost"
                case .other: problem = "the request failed"
                }
            } catch {
                problem = "the request failed"
            }
            if attempt < maxAttempts {
                await sleep(random() * baseDelay * pow(2, Double(attempt - 1)))
            }
        }
        return problem + " after \(maxAttempts) attempts"
    }
}

/// How a webhook URL may appear in messages: scheme, host and port, the path masked.
public enum WebhookURL {
    public static func masked(_ url: String) -> String {
        guard let parsed = URLComponents(string: url), let host = parsed.host else { return "(a webhook URL)" }
        let port = parsed.port.map { ":\($0)" } ?? ""
        return "\(parsed.scheme ?? "https")://\(host)\(port)/***"
    }
}
