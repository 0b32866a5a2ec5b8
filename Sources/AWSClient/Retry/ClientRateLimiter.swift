import Foundation

/// The `adaptive` retry mode's client-side rate limiter, after the AWS SDKs' design: a token
/// bucket whose fill rate follows CUBIC congestion control. A throttling answer cuts the rate to
/// 70% of what was being sent; successes grow it back along a cubic curve. Until the first
/// throttle the bucket is off and requests go out unhindered.
///
/// Shared by a client and its `withRegion` copies and updated from many tasks, hence a lock
/// (fenced here) rather than an actor: the math is short and never suspends. The clock is
/// injected so the curve can be tested without waiting.
public final class ClientRateLimiter: @unchecked Sendable {
    private let lock = NSLock()
    private let clock: @Sendable () -> Double
    private static let minFillRate = 0.5
    private static let minCapacity = 1.0
    private static let smooth = 0.8
    private static let beta = 0.7
    private static let scaleConstant = 0.4

    private var enabled = false
    private var fillRate = 0.0
    private var maxCapacity = 0.0
    private var currentCapacity = 0.0
    private var lastRefill: Double?
    private var lastMaxRate = 0.0
    private var lastThrottle = 0.0
    private var measuredRate = 0.0
    private var requestCount = 0
    private var lastTxBucket = 0.0
    private var timeWindow = 0.0

    public init(clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        self.clock = clock
        lastTxBucket = floor(clock())
        lastThrottle = clock()
    }

    /// Requests per second the bucket allows now; `nil` while no throttle was seen.
    public var rate: Double? { lock.withLock { enabled ? fillRate : nil } }

    /// Seconds to wait before sending one request (0 when a token is available); takes the token.
    public func delayForToken() -> Double {
        lock.withLock {
            guard enabled else { return 0 }
            refill()
            if currentCapacity >= 1 {
                currentCapacity -= 1
                return 0
            }
            let wait = (1 - currentCapacity) / fillRate
            currentCapacity -= 1  // the token is promised to this caller; the next one waits longer
            return wait
        }
    }

    /// Called with every answer: `throttled` when it was a throttling error.
    public func update(throttled: Bool) {
        lock.withLock {
            let now = clock()
            updateMeasuredRate(now)
            let calculated: Double
            if throttled {
                let rateToUse = enabled ? min(measuredRate, fillRate) : measuredRate
                lastMaxRate = rateToUse
                timeWindow = cbrt(lastMaxRate * (1 - Self.beta) / Self.scaleConstant)
                lastThrottle = now
                calculated = rateToUse * Self.beta
                enabled = true
            } else {
                timeWindow = cbrt(lastMaxRate * (1 - Self.beta) / Self.scaleConstant)
                calculated = Self.scaleConstant * pow(now - lastThrottle - timeWindow, 3) + lastMaxRate
            }
            let newRate = min(calculated, 2 * measuredRate)
            refill()
            fillRate = max(newRate, Self.minFillRate)
            maxCapacity = max(newRate, Self.minCapacity)
            currentCapacity = min(currentCapacity, maxCapacity)
        }
    }

    private func refill() {
        let now = clock()
        if let last = lastRefill {
            currentCapacity = min(maxCapacity, currentCapacity + (now - last) * fillRate)
        }
        lastRefill = now
    }

    private func updateMeasuredRate(_ now: Double) {
        let bucket = floor(now * 2) / 2
        requestCount += 1
        if bucket > lastTxBucket {
            let current = Double(requestCount) / (bucket - lastTxBucket)
            measuredRate = current * Self.smooth + measuredRate * (1 - Self.smooth)
            requestCount = 0
            lastTxBucket = bucket
        }
    }
}
