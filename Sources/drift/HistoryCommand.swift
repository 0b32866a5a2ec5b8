import ArgumentParser
import DriftCore
import Foundation
import History

/// `drift history`: what the scheduled scans remembered.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show what the recorded scans saw: scans, one resource's timeline, the snowflakes.",
        discussion: "Every subcommand finds the database through --history PATH or DRIFT_HISTORY.",
        subcommands: [
            HistoryListCommand.self, HistoryShowCommand.self, HistorySnowflakesCommand.self, HistoryPruneCommand.self,
            HistorySynthesizeCommand.self,
        ])
}

enum HistoryFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

struct HistoryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the recorded scans with their summaries.")

    @OptionGroup var history: HistoryOptions
    @Option(help: "text or json.") var format: HistoryFormat = .text

    func run() throws {
        guard let store = try history.open(required: true) else { return }
        let scans: [ScanRow]
        do { scans = try store.scans(target: nil).sorted { ($0.target, $0.id) < ($1.target, $1.id) } } catch {
            throw ReportOutput.fail(error.description)
        }
        ReportOutput.stdout(format == .json ? ScanListRenderer.json(scans) : ScanListRenderer.text(scans))
    }
}

struct HistoryShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "One resource's timeline: every attribute change between consecutive scans.",
        discussion: """
            Each change says whether the .tf declared the old value (drift), the change went back \
            to the declared value (reverted), or nothing declares it (snowflake).
            """)

    @Argument(help: "A Terraform address, a live id or a Name tag.") var resource: String
    @OptionGroup var history: HistoryOptions
    @Option(help: "text or json.") var format: HistoryFormat = .text

    func run() throws {
        guard let store = try history.open(required: true) else { return }
        do {
            let timelines = try HistoryQueries.timelines(matching: resource, store: store)
            ReportOutput.stdout(format == .json ? TimelineRenderer.json(timelines) : TimelineRenderer.text(timelines))
        } catch { throw ReportOutput.fail(error.description) }
    }
}

struct HistorySnowflakesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snowflakes",
        abstract: "Rank servers by in-place changes since launch, with age and last change.")

    @OptionGroup var history: HistoryOptions
    @Option(help: "text or json.") var format: HistoryFormat = .text

    func run() throws {
        guard let store = try history.open(required: true) else { return }
        do {
            let ranks = try HistoryQueries.snowflakes(store: store)
            let now = SinceText.timestamp(Date())
            ReportOutput.stdout(format == .json ? TimelineRenderer.snowflakesJSON(ranks) : TimelineRenderer.snowflakesText(ranks, now: now))
        } catch { throw ReportOutput.fail(error.description) }
    }
}

struct HistoryPruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune", abstract: "Remove scans older than a period, and what only they used.")

    @OptionGroup var history: HistoryOptions
    @Option(help: ArgumentHelp("How much history to keep: 90d, 12w, 48h.", valueName: "period")) var keep: String

    func run() throws {
        let period: RetentionPeriod
        do { period = try RetentionPeriod(keep) } catch { throw ReportOutput.fail(error.description) }
        guard let store = try history.open(required: true) else { return }
        do {
            let removed = try store.prune(before: period.cutoff(now: Date()))
            ReportOutput.stderr("drift: removed \(removed) scan\(removed == 1 ? "" : "s") older than \(period)")
        } catch { throw ReportOutput.fail(error.description) }
    }
}

/// Hidden: fills a history with a synthetic account scanned over time, through the same
/// recording path as `drift scan --history` (`scripts/bench-history`, the store's tests).
struct HistorySynthesizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthesize", abstract: "Record synthetic scans (benchmarks and tests).", shouldDisplay: false)

    @OptionGroup var history: HistoryOptions
    @Option var resources = 1000
    @Option var scans = 24
    @Option(name: .customLong("change-rate")) var changeRate = 0.01
    @Option(help: "Seconds between scans.") var interval = 3600.0
    @Option(help: "First scan's time (ISO 8601); default: scans * interval ago.") var start: String?
    @Option var root = "/synthetic/infra"
    @Option var seed: UInt64 = 1

    func run() throws {
        guard let store = try history.open(required: false) else {
            throw ReportOutput.fail("no history: pass --history PATH or set DRIFT_HISTORY")
        }
        let first = start.flatMap(SinceText.date) ?? Date().addingTimeInterval(-interval * Double(scans))
        let synthetic = SyntheticHistory(
            resources: resources, changeRate: changeRate, start: first, interval: interval, root: root, seed: seed)
        do {
            try synthetic.record(scans: scans, into: store) { n in
                ReportOutput.stderr("drift: recording scan \(n + 1) of \(scans)")
            }
        } catch { throw ReportOutput.fail(error.description) }
    }
}
