import DriftCore
import DriftModel
import Foundation

/// Questions asked of a history that are not one store call.
public enum HistoryQueries {
    /// `drift check`: the report with `status`/`firstSeen` from the latest scan of the same root
    /// and region (any account: a check does not ask STS). Nothing is recorded and nothing is
    /// listed as resolved: a check sees one instance, not the account.
    public static func sinceLastScan(_ report: Report, root: String, store: any HistoryStore) throws(HistoryError) -> Report {
        let last = try store.scans(target: nil).last { $0.target.root == root && $0.target.region == report.region }
        let previous = try last.map { row throws(HistoryError) in try store.findings(scanID: row.id).findings }
        var annotated = FindingStatus.annotate(report, previous: previous ?? [])
        annotated.resolved = nil
        return annotated
    }

    /// A scan named the way `drift diff` and `drift history` accept it: `@last`, `@-1`, `@-2`…
    /// (counted back from the latest), a scan id, a date (`2026-12-01`: the last scan before that
    /// day began) or a timestamp (the last scan at or before it).
    ///
    /// In a history of several targets (an estate, shards), names other than a scan id count
    /// only the scans of one target: the latest scan's, or the latest one of `root`'s. So
    /// `@-1 @last` always compares a target with itself, never two parts of one estate run.
    public static func resolveScan(_ text: String, store: any HistoryStore, root: String? = nil) throws(HistoryError) -> ScanRow {
        let all = try store.scans(target: nil)
        guard !all.isEmpty else { throw .notFound("the history holds no scan yet") }
        if let id = Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text) {
            guard let row = all.first(where: { $0.id == id }) else { throw .notFound("no scan \(id) in the history") }
            return row
        }
        let scans = try scansOfOneTarget(all, root: root)
        if text == "@last" || text == "@-0" { return scans[scans.count - 1] }
        if text.hasPrefix("@-"), let back = Int(text.dropFirst(2)), back >= 0 {
            guard back < scans.count else {
                throw .notFound("\(text): the history holds \(scans.count) scan\(scans.count == 1 ? "" : "s")")
            }
            return scans[scans.count - 1 - back]
        }
        let row: ScanRow?
        if text.count == 10, let day = SinceText.date(text + "T00:00:00Z") {
            let start = SinceText.timestamp(day)
            row = scans.last { $0.scannedAt < start }
        } else if let instant = SinceText.date(text) {
            let bound = SinceText.timestamp(instant)
            row = scans.last { $0.scannedAt <= bound }
        } else {
            throw .invalidArgument("\(text) is not a scan (use @last, @-1, a scan id, a date YYYY-MM-DD or a timestamp)")
        }
        guard let row else {
            throw .notFound("no scan at or before \(text) in the history")
        }
        return row
    }
}

extension HistoryQueries {
    /// The scans of the target relative scan names count in: with `root`, its latest target's;
    /// else the latest scan's target (every scan when the history holds one target).
    static func scansOfOneTarget(_ all: [ScanRow], root: String?) throws(HistoryError) -> [ScanRow] {
        let target: ScanTarget?
        if let root {
            let canonical = ScanTarget.canonicalRoot(root)
            target = all.last { $0.target.root == canonical }?.target
            if target == nil { throw .notFound("the history holds no scan of \(canonical)") }
        } else {
            target = all.last?.target
        }
        return all.filter { $0.target == target }
    }

    /// `drift history show QUERY`: the timelines of the resources an address, id or Name names.
    public static func timelines(matching query: String, store: any HistoryStore) throws(HistoryError) -> [ResourceTimeline] {
        let versions = try store.versions(matching: query)
        guard !versions.isEmpty else { throw .notFound("no resource \(query) in the history (by address, id or Name tag)") }
        return try timelines(versions, store: store)
    }

    static func timelines(
        _ versions: [ResourceVersion], store: any HistoryStore, classify: Bool = true
    ) throws(HistoryError) -> [ResourceTimeline] {
        let scans = try store.scans(target: nil)
        guard classify else { return try ResourceTimeline.build(versions, scans: scans, drifted: nil) }
        return try ResourceTimeline.build(versions, scans: scans) { scan, address throws(HistoryError) in
            try store.findings(scanID: scan, identity: FindingStatus.identity(kind: .drifted, address: address)).first
        }
    }

    /// `drift history snowflakes`: every instance, most edited first.
    public static func snowflakes(store: any HistoryStore) throws(HistoryError) -> [SnowflakeRank] {
        let versions = try store.versions(type: "aws_instance")
        return SnowflakeRank.rank(try timelines(versions, store: store, classify: false), versions: versions)
    }
}

extension HistoryQueries {
    /// Everything `drift report` shows, for the target of the latest scan (or of `root`).
    public static func htmlReport(store: any HistoryStore, root: String?, now: String) throws(HistoryError) -> HTMLReport {
        let all = try store.scans(target: nil)
        let chosen: ScanRow?
        if let root {
            let canonical = ScanTarget.canonicalRoot(root)
            chosen = all.last { $0.target.root == canonical }
            if chosen == nil { throw .notFound("the history holds no scan of \(canonical)") }
        } else {
            chosen = all.last
        }
        guard let latest = chosen else { throw .notFound("the history holds no scan yet") }
        let target = latest.target
        let scans = all.filter { $0.target == target }
        let (findings, resolved) = try store.findings(scanID: latest.id)
        var versions: [ResourceVersion] = []
        var seen: Set<String> = []
        for f in findings where f.kind == .drifted {
            guard let address = f.address, seen.insert(address).inserted else { continue }
            versions += try store.versions(matching: address).filter { $0.target == target && $0.address == address }
        }
        let drifted = try timelines(versions, store: store)
        let instances = try store.versions(type: "aws_instance").filter { $0.target == target }
        let ranks = SnowflakeRank.rank(try timelines(instances, store: store, classify: false), versions: instances)
        let others = Set(all.map(\.target)).subtracting([target]).sorted()
        return HTMLReport(
            target: target, scans: scans, findings: findings, resolved: resolved, snowflakes: ranks, timelines: drifted,
            otherTargets: others, generatedAt: now)
    }
}
