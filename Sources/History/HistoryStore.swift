import DriftCore
import DriftModel

/// A scan history: what each scan saw and found, for `new`/`ongoing`/`resolved`, timelines,
/// snapshot diffs and the report. Every engine (SQLite today, PostgreSQL next) implements this
/// protocol and passes the same `HistoryStoreSuite`; everything computed from the stored data
/// (statuses, timelines, rankings, diffs) is pure code above it, shared by all engines.
public protocol HistoryStore: Sendable {
    /// Records one scan in one transaction: reads the previous scan of the same target, computes
    /// every finding's status and the resolved list (`FindingStatus.annotate`), and writes the
    /// scan, its snapshot and its findings. Either all of it is stored or nothing is.
    func record(_ scan: ScanEntry) throws(HistoryError) -> RecordedScan

    /// Every scan, oldest first; only `target`'s when given.
    func scans(target: ScanTarget?) throws(HistoryError) -> [ScanRow]
    func scan(id: Int64) throws(HistoryError) -> ScanRow?
    /// The findings a scan recorded (annotated), and the ones it listed as resolved.
    func findings(scanID: Int64) throws(HistoryError) -> (findings: [Finding], resolved: [Finding])
    /// The findings of a scan with one identity (`FindingStatus.identity`): what a timeline
    /// needs, without reading every finding of the scan.
    func findings(scanID: Int64, identity: String) throws(HistoryError) -> [Finding]
    /// The snapshot a scan compared, rebuilt from the stored descriptions.
    func snapshot(scanID: Int64) throws(HistoryError) -> Snapshot
    /// Every stored version of the resources a query names: a Terraform address, a live id or a
    /// `Name` tag. Versions are runs of consecutive scans of one target with the same content.
    func versions(matching query: String) throws(HistoryError) -> [ResourceVersion]
    /// Every stored version of every resource of `type`.
    func versions(type: String) throws(HistoryError) -> [ResourceVersion]
    /// Removes the scans before `cutoff` (an ISO 8601 UTC timestamp) and what only they used.
    /// Returns how many scans were removed.
    func prune(before cutoff: String) throws(HistoryError) -> Int
}

/// What a finished scan hands the history.
public struct ScanEntry: Sendable {
    public var target: ScanTarget
    public var report: Report
    public var snapshot: Snapshot
    /// `type` + NUL + `id` → Terraform address, for the live resources a declaration matched.
    public var addresses: [String: String]
    public var durationMilliseconds: Int
    /// `--fail-on`: the recorded exit code is computed from the annotated report (0 or 2; a scan
    /// that could not run is never recorded).
    public var failPolicy: FailPolicy
    public var baselineCommit: String?

    public init(
        target: ScanTarget, report: Report, snapshot: Snapshot, addresses: [String: String] = [:],
        durationMilliseconds: Int, failPolicy: FailPolicy, baselineCommit: String?
    ) {
        self.target = target
        self.report = report
        self.snapshot = snapshot
        self.addresses = addresses
        self.durationMilliseconds = durationMilliseconds
        self.failPolicy = failPolicy
        self.baselineCommit = baselineCommit
    }
}

/// The outcome of `record`: the scan's id and its report with statuses and `resolved`.
public struct RecordedScan: Sendable {
    public var id: Int64
    public var report: Report

    public init(id: Int64, report: Report) {
        self.id = id
        self.report = report
    }
}

/// One stored scan as `drift history list` shows it.
public struct ScanRow: Sendable, Hashable {
    public var id: Int64
    public var target: ScanTarget
    public var scannedAt: String
    public var durationMilliseconds: Int
    public var exitCode: Int32
    public var summary: Report.Summary
    /// The baseline directory as the user named it.
    public var baseline: String
    public var baselineCommit: String?
    public var resourceCount: Int
    public var newFindings: Int
    public var resolvedFindings: Int

    public init(
        id: Int64, target: ScanTarget, scannedAt: String, durationMilliseconds: Int, exitCode: Int32,
        summary: Report.Summary, baseline: String, baselineCommit: String?, resourceCount: Int, newFindings: Int,
        resolvedFindings: Int
    ) {
        self.id = id
        self.target = target
        self.scannedAt = scannedAt
        self.durationMilliseconds = durationMilliseconds
        self.exitCode = exitCode
        self.summary = summary
        self.baseline = baseline
        self.baselineCommit = baselineCommit
        self.resourceCount = resourceCount
        self.newFindings = newFindings
        self.resolvedFindings = resolvedFindings
    }
}

/// One resource's content during a run of consecutive scans of one target.
public struct ResourceVersion: Sendable, Hashable {
    public var target: ScanTarget
    public var resource: LiveResource
    /// The Terraform address that declared it during these scans, if any.
    public var address: String?
    public var firstScan: Int64
    public var lastScan: Int64
    /// `scannedAt` of the first and last scan of the run.
    public var firstSeen: String
    public var lastSeen: String

    public init(
        target: ScanTarget, resource: LiveResource, address: String?, firstScan: Int64, lastScan: Int64,
        firstSeen: String, lastSeen: String
    ) {
        self.target = target
        self.resource = resource
        self.address = address
        self.firstScan = firstScan
        self.lastScan = lastScan
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }

    /// `type` + NUL + `id`: one live resource within a target.
    public var key: String { resource.type + "\u{0}" + resource.id }
}
