import ArgumentParser
import DriftCore
import DriftModel
import Foundation

/// `drift scan`: compare a Terraform baseline with the live account and report what drifted,
/// what is missing and what no file declares. Arguments only; the work is `DriftCore.ScanSession`.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Compare a Terraform baseline with live AWS: drifted, missing and unmanaged resources.",
        discussion: """
            Exit codes (as terraform plan -detailed-exitcode): 0 the scan is complete and found nothing \
            of a --fail-on kind; 2 it found something of a --fail-on kind, or some resources could not be \
            read; 1 the scan could not be done (bad configuration, no credentials, unreadable state).
            """)

    @Option(help: "The Terraform root module to compare.")
    var baseline: String

    @OptionGroup var common: DriftSessionOptions

    @Option(help: "Output format: text, json, markdown, junit or sarif.")
    var format: String = "text"

    @Option(help: "Write the report to this file instead of stdout.")
    var out: String?

    @Option(name: .customLong("fail-on"), help: "Finding kinds that make the exit code 2 (comma-separated).")
    var failOn: String = "drifted,missing,unmanaged"

    @Option(name: .customLong("ignore"), help: "Silence findings matching this pattern (as in .driftignore; repeatable).")
    var ignore: [String] = []

    @Option(help: "Per-bucket and per-table calls in flight at once.")
    var concurrency: Int = 16

    func run() async throws {
        let kinds = try ReportOutput.failOnKinds(failOn)
        guard let format = ReportFormat(rawValue: format) else {
            throw ReportOutput.fail("--format: unknown format \"\(format)\" (use text, json, markdown, junit, sarif)")
        }
        guard concurrency > 0 else { throw ReportOutput.fail("--concurrency must be at least 1") }
        // A place the report cannot go is found before the scan, not after it.
        let destination: OutputFile?
        do { destination = try out.map(OutputFile.prepare) } catch { throw ReportOutput.fail(error.description) }
        var settings = common.settings(baseline: baseline)
        settings.concurrency = concurrency
        settings.ignorePatterns = ignore
        let progress = ReportOutput.progressLine()
        let session = ScanSession(settings: settings, notice: ReportOutput.stderr, progress: progress?.update)
        let report: Report
        do { report = try await session.run() } catch {
            progress?.finish()
            throw ReportOutput.fail(error.description)
        }
        progress?.finish()
        let text = format.render(report, colour: format == .text && out == nil && ReportOutput.colourOnStdout)
        if let out, let destination {
            do { try destination.write(text) } catch { throw ReportOutput.fail(error.description) }
            ReportOutput.stderr("drift: \(report.summary.line) (report in \(out))")
        } else {
            ReportOutput.stdout(text)
        }
        let code = report.exitCode(failOn: kinds)
        if code != 0 { throw ExitCode(code) }
    }
}
