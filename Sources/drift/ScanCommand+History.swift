import DriftCore
import Foundation
import History
import Notify

/// The scan's history step, kept out of `ScanCommand.run`: record, and on failure say why
/// (exit 1: the user asked for a memory and did not get one).
enum ScanRecording {
    static func record(
        _ outcome: ScanSession.Outcome, in store: any HistoryStore, baselineDirectory: String, policy: FailPolicy,
        started: ContinuousClock.Instant
    ) throws -> Report {
        do {
            return try ScanRecorder.record(
                outcome, in: store, baselineDirectory: baselineDirectory, policy: policy,
                duration: ContinuousClock.now - started
            ).report
        } catch {
            throw ReportOutput.fail(error.description)
        }
    }

    /// One message per scan with new or resolved findings; the warnings of URLs that failed.
    static func notify(_ report: Report, account: String?, urls: [String]) async -> [String] {
        guard !urls.isEmpty, let body = WebhookMessage.body(for: report, account: account) else { return [] }
        return await WebhookSender().send(body, to: urls)
    }
}
