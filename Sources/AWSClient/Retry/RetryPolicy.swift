/// When to try a failed request again, and after how long.
///
/// A pure function of the error and the attempt number, so every branch is unit-testable without a
/// clock: the caller supplies the random number for full jitter and does the sleeping itself.
/// Backoff: `random * min(maxDelay, baseDelay * 2^(attempt-1))` ("full jitter", see
/// https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
public struct RetryPolicy: Sendable, Hashable {
    /// Total tries including the first; 1 disables retries.
    public var maxAttempts: Int
    /// Seconds; the ceiling of the first backoff.
    public var baseDelay: Double
    /// Seconds; no backoff ever exceeds this.
    public var maxDelay: Double
    /// Throttling waits start from this instead of `baseDelay`, so a throttled account backs off harder.
    public var throttlingBaseDelay: Double

    public init(maxAttempts: Int = 5, baseDelay: Double = 0.1, maxDelay: Double = 20, throttlingBaseDelay: Double = 0.5) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.throttlingBaseDelay = throttlingBaseDelay
    }

    public static let standard = RetryPolicy()
    public static let none = RetryPolicy(maxAttempts: 1)

    public enum Decision: Sendable, Hashable {
        case retry(after: Double)
        case stop
    }

    /// `attempt` is the 1-based number of the try that just failed; `random` is in `0..<1`;
    /// `retryAfter` is the server's `Retry-After` in seconds, a floor for the wait (still capped).
    public func decide(_ error: AWSError, attempt: Int, random: Double, retryAfter: Double? = nil) -> Decision {
        guard attempt < maxAttempts else { return .stop }
        let base: Double
        switch error.retryClass {
        case .client: return .stop
        case .throttling: base = throttlingBaseDelay
        case .server, .transient: base = baseDelay
        }
        let exponent = Double(min(attempt - 1, 30))
        let ceiling = min(maxDelay, base * pow2(exponent))
        let jittered = min(max(random, 0), 1) * ceiling
        return .retry(after: min(maxDelay, max(jittered, retryAfter ?? 0)))
    }

    /// Error codes AWS uses for "slow down", across EC2, S3, DynamoDB and STS.
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "RequestThrottled",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    /// Codes that mean "try again" although the HTTP status may be 4xx.
    public static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
        "IDPCommunicationError",
    ]

    /// The retry class for an error decoded from an HTTP answer.
    public static func retryClass(code: String, httpStatus: Int) -> AWSError.RetryClass {
        if throttlingCodes.contains(code) || httpStatus == 429 { return .throttling }
        if httpStatus >= 500 { return .server }
        if transientCodes.contains(code) { return .transient }
        return .client
    }

    private func pow2(_ e: Double) -> Double {
        var v = 1.0
        var i = 0.0
        while i < e { v *= 2; i += 1 }
        return v
    }
}
