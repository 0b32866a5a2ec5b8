import ArgumentParser
import DriftCore
import DriftModel
import Foundation
import History

/// `drift scan`: compare a Terraform baseline with the live account and report what drifted,
/// what is missing and what no file declares. Arguments only; the work is `DriftCore.ScanSession`.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Compare a Terraform baseline with live AWS: drifted, missing, orphaned and unmanaged resources.",
        discussion: """
            Exit codes (as terraform plan -detailed-exitcode): 0 the scan is complete and found nothing \
            of a --fail-on kind; 2 it found something of a --fail-on kind, or some resources could not be \
            read; 1 the scan could not be done (bad configuration, no credentials, unreadable state).
            """)

    @Option(help: ArgumentHelp(
        "A Terraform root module to compare (repeatable; a quoted glob such as 'infra/prod/*' adds every directory it matches).",
        valueName: "dir"))
    var baseline: [String] = []

    @Option(help: ArgumentHelp(
        "The estate configuration: roots, accounts, regions (default: ./drift.hcl when no --baseline is given).",
        valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp(
        "Scan share I of N (0-based: 0/4 ... 3/4) of the (account, region) targets, with all their roots.",
        valueName: "I/N"))
    var shard: String?

    @OptionGroup var common: DriftSessionOptions

    @Option(help: "Output format: text, json, markdown, junit or sarif.")
    var format: String = "text"

    @Option(help: "Write the report to this file instead of stdout.")
    var out: String?

    @Option(name: .customLong("fail-on"), help: "Finding kinds that make the exit code 2 (comma-separated); with --history, new or new,KIND: only new findings.")
    var failOn: String = "drifted,missing,orphaned,unmanaged"

    @Option(name: .customLong("ignore"), help: "Silence findings matching this pattern (as in .driftignore; repeatable).")
    var ignore: [String] = []

    @Option(help: "Per-bucket and per-table calls in flight at once.")
    var concurrency: Int = 16

    @OptionGroup var history: HistoryOptions

    @Option(name: .customLong("notify"), help: ArgumentHelp(
        "POST new and resolved findings to this webhook (Slack-compatible; repeatable; needs --history).",
        valueName: "url"))
    var notify: [String] = []

    func run() async throws {
        let policy = try ReportOutput.failPolicy(failOn)
        guard let format = ReportFormat(rawValue: format) else {
            throw ReportOutput.fail("--format: unknown format \"\(format)\" (use text, json, markdown, junit, sarif)")
        }
        guard concurrency > 0 else { throw ReportOutput.fail("--concurrency must be at least 1") }
        // A place the report cannot go is found before the scan, not after it.
        let destination: OutputFile?
        do { destination = try out.map(OutputFile.prepare) } catch { throw ReportOutput.fail(error.description) }
        let estate = try ScanScope.config(baselines: baseline, configFile: config, statePath: common.state)
        let select = try ScanScope.selection(shard)
        var history = self.history
        if history.resolvedPath == nil, let url = estate.historyURL { history.path = url }
        let notify = self.notify + estate.notifyURLs
        let store = try history.open(required: false)
        if policy.onlyNew && store == nil {
            throw ReportOutput.fail("--fail-on new needs a history (--history PATH or DRIFT_HISTORY) to tell new from known")
        }
        if !notify.isEmpty && store == nil {
            throw ReportOutput.fail("--notify needs a history (--history PATH or DRIFT_HISTORY) to tell new from known")
        }
        let started = ContinuousClock.now
        let baselineDirectory = estate.roots.count == 1 ? estate.roots[0].path : estate.roots.map(\.name).joined(separator: ", ")
        var settings = common.settings(baseline: baselineDirectory)
        settings.concurrency = concurrency
        settings.ignorePatterns = ignore
        settings.noticesShownInReport = format == .text && out == nil
        let progress = ReportOutput.progressLine()
        let session = EstateScan(config: estate, settings: settings, select: select, notice: ReportOutput.stderr, progress: progress?.update)
        var report: Report
        let outcome: ScanSession.Outcome
        do { outcome = try await session.run() } catch {
            progress?.finish()
            throw ReportOutput.fail(error.description)
        }
        progress?.finish()
        report = outcome.report
        if let store {
            report = try ScanRecording.record(
                outcome, in: store, baselineDirectory: outcome.parts.isEmpty ? outcome.report.baseline : baselineDirectory,
                policy: policy, started: started)
        }
        let toTerminal = format == .text && out == nil
        let text = format.render(
            report, colour: toTerminal && ReportOutput.colourOnStdout, width: toTerminal ? ReportOutput.terminalWidth : nil,
            failOn: policy.kinds)
        if let out, let destination {
            do { try destination.write(text) } catch { throw ReportOutput.fail(error.description) }
            ReportOutput.stderr("drift: \(report.summary.line) (report in \(out))")
        } else {
            ReportOutput.stdout(text)
        }
        // A notification that fails is a warning: it never changes the scan's exit code.
        for warning in await ScanRecording.notify(report, account: outcome.snapshot.account, urls: notify) {
            ReportOutput.stderr("drift: warning: \(warning)")
        }
        let code = policy.exitCode(for: report)
        if code != 0 { throw ExitCode(code) }
    }
}
