import ArgumentParser
import DriftModel
import Foundation
import History

/// `drift diff A B`: what changed in the account between two snapshots.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed in the account between two snapshots: added, removed, changed.",
        discussion: """
            A and B are each a snapshot file (drift snapshot --out) or a scan from the history: @last \\
            (the latest), @-1 (the one before), @-2…, a scan id, a date YYYY-MM-DD (the last scan \\
            before that day) or a timestamp (the last scan at or before it). Exit 0 when nothing \\
            changed, 2 when something did, 1 when a side cannot be read.
            """)

    @Argument(help: "The older snapshot.") var from: String
    @Argument(help: "The newer snapshot.") var to: String
    @OptionGroup var history: HistoryOptions
    @Option(help: "text or json.") var format: HistoryFormat = .text
    @Option(help: ArgumentHelp(
        "With several roots in the history: whose scans @last, @-1 and dates count (default: the latest scan's).",
        valueName: "dir"))
    var root: String?

    func run() throws {
        var store: (any HistoryStore)?
        func load(_ name: String) throws -> (Snapshot, String) {
            if !name.hasPrefix("@"), FileManager.default.fileExists(atPath: name) {
                guard let data = FileManager.default.contents(atPath: name) else {
                    throw ReportOutput.fail("cannot read \(name)")
                }
                do { return (try Snapshot(json: JSONParser.parse(bytes: Array(data))), name) } catch {
                    throw ReportOutput.fail("\(name): not a drift snapshot: \(error)")
                }
            }
            if store == nil {
                guard history.resolvedPath != nil else {
                    throw ReportOutput.fail("\(name) is neither a snapshot file nor, without --history or DRIFT_HISTORY, a scan")
                }
                store = try history.open(required: true)
            }
            guard let store else { throw ExitCode(1) }
            do {
                let row = try HistoryQueries.resolveScan(name, store: store, root: root)
                return (try store.snapshot(scanID: row.id), "scan #\(row.id)")
            } catch { throw ReportOutput.fail(error.description) }
        }
        let (a, aLabel) = try load(from)
        let (b, bLabel) = try load(to)
        let diff = SnapshotDiff(from: a, label: aLabel, to: b, label: bLabel)
        ReportOutput.stdout(format == .json ? diff.jsonValue.canonicalJSON(pretty: true) + "\n" : diff.text)
        if !diff.isEmpty { throw ExitCode(2) }
    }
}
