import ArgumentParser
import DriftCore
import DriftModel
import Foundation
import History

/// `drift report`: the history as one self-contained HTML page.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the scan history as one self-contained HTML page.",
        discussion: """
            Summary, trend chart, open findings with drifting-since and file:line, the snowflake \\
            ranking and each drifted resource's timeline, for the target of the latest scan (or \\
            --root; with several targets and no --root, every target side by side). No external scripts, fonts or styles: it works as a CI artifact or an attachment.
            """)

    @OptionGroup var history: HistoryOptions
    @Option(help: ArgumentHelp("Write the page here (default: stdout).", valueName: "file")) var out: String?
    @Option(help: ArgumentHelp("The baseline directory whose scans to show (default: the latest scan's).", valueName: "dir"))
    var root: String?

    func run() throws {
        let destination: OutputFile?
        do { destination = try out.map(OutputFile.prepare) } catch { throw ReportOutput.fail(error.description) }
        guard let store = try history.open(required: true) else { return }
        let page: String
        do {
            page = try HistoryQueries.reportPage(store: store, root: root, now: SinceText.timestamp(Date()))
        } catch { throw ReportOutput.fail(error.description) }
        guard let out, let destination else { return ReportOutput.stdout(page) }
        do { try destination.write(page) } catch { throw ReportOutput.fail(error.description) }
        ReportOutput.stderr("drift: report written to \(out)")
    }
}
