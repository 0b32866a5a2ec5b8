import Foundation

/// The difference between AWS's clock and ours, learnt from a "request time too skewed" answer.
///
/// SigV4 signatures are valid for 5 minutes around AWS's time, so a machine whose clock drifted
/// (a CI runner after suspend, a container without NTP) fails every request. As botocore does, the
/// client reads the server's `Date` header once, signs with the corrected time from then on, and
/// retries the refused request. Shared by a client and its `withRegion` copies.
public final class ClockCorrection: @unchecked Sendable {
    private let lock = NSLock()
    private var _offset: Double = 0

    public init() {}

    /// Seconds to add to the local clock.
    public var offset: Double { lock.withLock { _offset } }

    func set(_ offset: Double) { lock.withLock { _offset = offset } }

    /// Codes AWS answers with when the signing time is out of its window.
    public static let skewCodes: Set<String> = [
        "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture", "InvalidSignatureException",
        "SignatureDoesNotMatch", "AuthFailure",
    ]

    /// Skew smaller than this is not the reason for a refusal.
    public static let threshold: Double = 240

    /// The new offset when `response` refused a request because of our clock, else `nil`.
    /// `now` is the uncorrected local time.
    public static func correction(for error: AWSError, response: AWSResponse, now: Double, current: Double) -> Double? {
        guard skewCodes.contains(error.code), let header = response.headers["date"], let server = parseHTTPDate(header)
        else { return nil }
        let skew = server - (now + current)
        return abs(skew) > threshold ? server - now : nil
    }

    /// RFC 7231 IMF-fixdate, e.g. `Thu, 26 Nov 2026 01:36:15 GMT`.
    public static func parseHTTPDate(_ text: String) -> Double? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)?.timeIntervalSince1970
    }
}
