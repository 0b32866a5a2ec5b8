import AWSClient
import DriftModel
import Foundation

/// Counts what a running scan has found and forwards it, with the client's request counters, to the
/// caller's progress callback. Collectors report from many tasks at once; a lock keeps the counter
/// synchronous so that reporting never needs a suspension point.
final class ProgressTracker: @unchecked Sendable {
    private let lock = NSLock()
    private var found = 0
    private var planned = 0
    private var done = 0
    private var phase = "starting"
    private let metrics: RequestMetrics
    private let callback: (@Sendable (ScanProgress) -> Void)?

    init(metrics: RequestMetrics, callback: (@Sendable (ScanProgress) -> Void)?) {
        self.metrics = metrics
        self.callback = callback
    }

    func found(_ count: Int, phase newPhase: String? = nil) {
        update {
            $0.found += count
            if let newPhase { $0.phase = newPhase }
        }
    }

    func phase(_ text: String) { update { $0.phase = text } }

    /// `count` more per-resource calls are about to be made.
    func plan(_ count: Int) { update { $0.planned += count } }

    /// One planned call finished.
    func step() { update { $0.done += 1 } }

    private func update(_ change: (ProgressTracker) -> Void) {
        let progress: ScanProgress = lock.withLock {
            change(self)
            return ScanProgress(
                resourcesFound: found, requestsMade: metrics.requests, retries: metrics.retries, phase: phase,
                callsDone: done, callsPlanned: planned, requestsByService: metrics.requestsByService)
        }
        callback?(progress)
    }
}

/// What one collector read: resources and the per-resource failures, never thrown.
struct CollectorResult: Sendable {
    var resources: [LiveResource] = []
    var errors: [ReadError] = []
}
