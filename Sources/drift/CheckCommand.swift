import ArgumentParser
import DriftCore
import Foundation
import History

/// `drift check <instance>`: one instance against its declaration, with only that instance's
/// API calls. Arguments only; the work is `DriftCore.InstanceCheck`.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check one EC2 instance against the baseline: managed, drifted or a snowflake.",
        discussion: """
            The instance is an id (i-…), a Terraform address (aws_instance.web[0]) or a Name tag. \
            Exit codes as for scan: 0 managed and in sync, 2 drifted, missing, orphaned (in the state, \
            declared by no file), a snowflake or not \
            readable, 1 the check could not be done.
            """)

    @Argument(help: "Instance id, Terraform address or Name tag.")
    var instance: String

    @Option(help: "The Terraform root module.")
    var baseline: String = "."

    @OptionGroup var common: DriftSessionOptions

    @Option(help: "Output format: text or json (the scan report, for this instance only).")
    var format: String = "text"

    @Option(name: .customLong("ignore"), help: "Silence findings matching this pattern (repeatable).")
    var ignore: [String] = []

    @OptionGroup var history: HistoryOptions

    enum CheckFormat: String { case text, json }

    func run() async throws {
        guard let format = CheckFormat(rawValue: format) else {
            throw ReportOutput.fail("--format: unknown format \"\(format)\" (use text or json)")
        }
        var settings = common.settings(baseline: baseline)
        settings.ignorePatterns = ignore
        settings.noticesShownInReport = format == .text
        let store = try history.open(required: false, readOnly: true)
        var result: CheckResult
        do { result = try await InstanceCheck(target: instance, settings: settings, notice: ReportOutput.stderr).run() } catch {
            throw ReportOutput.fail(error.description)
        }
        if let store {
            // Since when: the last scan of this root and region says; a check records nothing.
            do {
                result.report = try HistoryQueries.sinceLastScan(
                    result.report, root: ScanTarget.canonicalRoot(baseline), store: store)
            } catch { throw ReportOutput.fail(error.description) }
        }
        switch format {
        case .text: ReportOutput.stdout(CheckRenderer(colour: ReportOutput.colourOnStdout).render(result))
        case .json: ReportOutput.stdout(JSONRenderer().render(result.report))
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
