import AWSClient
import DriftModel
import Foundation

/// Counts what a running scan has found and forwards it, with the client's request counters, to the
/// caller's progress callback. Collectors report from many tasks at once; a lock keeps the counter
/// synchronous so that reporting never needs a suspension point.
final class ProgressTracker: @unchecked Sendable {
    private let lock = NSLock()
    private var found = 0
    private var phase = "starting"
    private let metrics: RequestMetrics
    private let callback: (@Sendable (ScanProgress) -> Void)?

    init(metrics: RequestMetrics, callback: (@Sendable (ScanProgress) -> Void)?) {
        self.metrics = metrics
        self.callback = callback
    }

    func found(_ count: Int, phase newPhase: String? = nil) {
        let snapshot: (Int, String) = lock.withLock {
            found += count
            if let newPhase { phase = newPhase }
            return (found, phase)
        }
        report(snapshot)
    }

    func phase(_ text: String) {
        let snapshot: (Int, String) = lock.withLock {
            phase = text
            return (found, phase)
        }
        report(snapshot)
    }

    private func report(_ state: (found: Int, phase: String)) {
        guard let callback else { return }
        callback(ScanProgress(
            resourcesFound: state.found, requestsMade: metrics.requests, retries: metrics.retries, phase: state.phase))
    }
}

/// What one collector read: resources and the per-resource failures, never thrown.
struct CollectorResult: Sendable {
    var resources: [LiveResource] = []
    var errors: [ReadError] = []
}
