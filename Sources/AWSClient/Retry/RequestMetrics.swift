import Foundation

/// Counters for progress lines: how many HTTP requests went out and how many were retries.
///
/// Shared by a client and every `withRegion` copy of it, updated from many tasks at once, hence a
/// lock rather than an actor: reading it from a synchronous progress printer must not need `await`.
public final class RequestMetrics: @unchecked Sendable {
    private let lock = NSLock()
    private var _requests = 0
    private var _retries = 0
    private var _throttled = 0
    private var _byService: [String: Int] = [:]

    public init() {}

    /// HTTP requests sent, retries included.
    public var requests: Int { lock.withLock { _requests } }
    /// Requests that repeated an earlier failed one.
    public var retries: Int { lock.withLock { _retries } }
    /// Answers that were throttling errors.
    public var throttled: Int { lock.withLock { _throttled } }

    /// HTTP requests per service (`ec2`, `s3`, …), retries included.
    public var requestsByService: [String: Int] { lock.withLock { _byService } }

    func recordRequest(service: String, isRetry: Bool) {
        lock.withLock {
            _requests += 1
            _byService[service, default: 0] += 1
            if isRetry { _retries += 1 }
        }
    }

    func recordThrottle() { lock.withLock { _throttled += 1 } }
}
