import DriftCore
import DriftModel
import Foundation

/// What `drift scan --history` does once the scan is done: builds the entry (target, baseline
/// commit, duration) and records it. The returned report carries statuses and `resolved`.
public enum ScanRecorder {
    public static func record(
        _ outcome: ScanSession.Outcome, in store: any HistoryStore, baselineDirectory: String, policy: FailPolicy,
        duration: Duration
    ) throws(HistoryError) -> RecordedScan {
        let milliseconds = Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
        if !outcome.parts.isEmpty {
            return try recordParts(outcome, in: store, policy: policy, milliseconds: milliseconds)
        }
        let target = ScanTarget(
            root: ScanTarget.canonicalRoot(baselineDirectory), account: outcome.snapshot.account,
            region: outcome.report.region)
        let entry = ScanEntry(
            target: target, report: outcome.report, snapshot: outcome.snapshot, addresses: outcome.addresses,
            durationMilliseconds: milliseconds, failPolicy: policy, baselineCommit: GitCommit.of(directory: baselineDirectory))
        return try store.record(entry)
    }
}
