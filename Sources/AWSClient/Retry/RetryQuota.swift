import Foundation

/// The `standard` and `adaptive` retry modes' retry quota, as the AWS SDKs share it per client:
/// 500 tokens; a retry costs 5 (10 after a timeout); a request that succeeds gives back what its
/// retry took, or 1 when it needed none. When the quota cannot pay for a retry, the error is
/// returned at once: an endpoint that fails everything is not asked five times per call for as
/// long as a scan of thousands of resources lasts.
///
/// Shared by a client and its `withRegion` copies and updated from many tasks, hence a lock
/// (fenced here, like `ClientRateLimiter`): the arithmetic is short and never suspends.
public final class RetryQuota: @unchecked Sendable {
    public static let initialTokens = 500
    public static let retryCost = 5
    public static let timeoutRetryCost = 10
    public static let noRetryIncrement = 1

    private let lock = NSLock()
    private var tokens: Int
    private let maximum: Int

    public init(tokens: Int = RetryQuota.initialTokens) {
        self.tokens = tokens
        self.maximum = tokens
    }

    /// Tokens left now.
    public var available: Int { lock.withLock { tokens } }

    /// What a retry after `error` costs: a timeout costs more, as the SDKs charge it.
    public static func cost(of error: AWSError) -> Int {
        error.code == "RequestTimeout" && error.httpStatus == 0 ? timeoutRetryCost : retryCost
    }

    /// Takes the cost of one retry after `error`; `nil` (nothing taken) when the quota cannot pay.
    public func acquire(after error: AWSError) -> Int? {
        let cost = Self.cost(of: error)
        return lock.withLock {
            guard tokens >= cost else { return nil }
            tokens -= cost
            return cost
        }
    }

    /// A request succeeded: give back what its last retry took (`acquired`), else one token.
    public func release(acquired: Int?) {
        lock.withLock { tokens = min(maximum, tokens + (acquired ?? Self.noRetryIncrement)) }
    }
}
