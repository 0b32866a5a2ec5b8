#if PostgreSQL
import DriftCore
import DriftModel
import Foundation
import History
import PostgresNIO

/// The reads of `HistoryStore`, each in one read-only snapshot: the SQLite engine's queries with
/// PostgreSQL's placeholders.
extension PostgresHistoryStore {
    static let scanColumns = """
        id, root, account, region, scanned_at, duration_ms, exit_code, summary, baseline, baseline_commit,
        resource_count, new_count, resolved_count
        """

    public func scans(target: History.ScanTarget?) throws(HistoryError) -> [ScanRow] {
        try read("listing scans") {
            let rows: PostgresQueryResult
            if let target {
                rows = try run("SELECT \(unescaped: Self.scanColumns) FROM scans WHERE target = \(target.key) ORDER BY id")
            } else {
                rows = try run("SELECT \(unescaped: Self.scanColumns) FROM scans ORDER BY id")
            }
            return try rows.map(Self.scanRow)
        }
    }

    public func scan(id: Int64) throws(HistoryError) -> ScanRow? {
        try read("reading scan \(id)") {
            try run("SELECT \(unescaped: Self.scanColumns) FROM scans WHERE id = \(id)").first.map(Self.scanRow)
        }
    }

    static func scanRow(_ row: PostgresRow) throws -> ScanRow {
        let (id, root, account, region, scannedAt, duration, exitCode, summary, baseline, commit, resources, new, resolved) =
            try row.decode((Int64, String, String?, String, String, Int, Int, String, String, String?, Int, Int, Int).self)
        return ScanRow(
            id: id, target: History.ScanTarget(root: root, account: account, region: region), scannedAt: scannedAt,
            durationMilliseconds: duration, exitCode: Int32(exitCode), summary: try Report.Summary(json: JSONParser.parse(summary)),
            baseline: baseline, baselineCommit: commit, resourceCount: resources, newFindings: new, resolvedFindings: resolved)
    }

    public func findings(scanID: Int64) throws(HistoryError) -> (findings: [Finding], resolved: [Finding]) {
        try read("reading the findings of scan \(scanID)") { try loadFindings(scanID: scanID) }
    }

    public func findings(scanID: Int64, identity: String) throws(HistoryError) -> [Finding] {
        try read("reading the findings of scan \(scanID)") {
            let rows = try run("""
                SELECT b.body FROM finding_spans f JOIN finding_bodies b ON b.id = f.body_id
                WHERE f.identity = \(identity) AND f.target = (SELECT target FROM scans WHERE id = \(scanID))
                    AND f.first_scan <= \(scanID) AND f.last_scan >= \(scanID)
                """)
            return try Self.parseFindings(rows)
        }
    }

    /// A scan's findings and resolved list; callers hold the lock inside a transaction.
    func loadFindings(scanID: Int64) throws -> (findings: [Finding], resolved: [Finding]) {
        guard let target = try run("SELECT target FROM scans WHERE id = \(scanID)").first.map({ try $0.decode(String.self) }) else {
            throw HistoryError.notFound("no scan \(scanID) in the history")
        }
        let open = try run("""
            SELECT b.body FROM finding_spans f JOIN finding_bodies b ON b.id = f.body_id
            WHERE f.target = \(target) AND f.last_scan >= \(scanID) AND f.first_scan <= \(scanID)
            """)
        let resolved = try run("""
            SELECT b.body FROM resolved_findings r JOIN finding_bodies b ON b.id = r.body_id
            WHERE r.scan_id = \(scanID) ORDER BY r.position
            """)
        return (Finding.sortedByContract(try Self.parseFindings(open)), try Self.parseFindings(resolved))
    }

    /// A kind this build does not know (written by a newer drift) is skipped, not fatal.
    static func parseFindings(_ rows: PostgresQueryResult) throws -> [Finding] {
        try rows.compactMap { Finding(json: try JSONParser.parse(try $0.decode(String.self))) }
    }

    public func snapshot(scanID: Int64) throws(HistoryError) -> Snapshot {
        try read("reading the snapshot of scan \(scanID)") {
            guard let scan = try run("SELECT target, region, account, snapshot_meta FROM scans WHERE id = \(scanID)").first else {
                throw HistoryError.notFound("no scan \(scanID) in the history")
            }
            let (target, region, account, metaText) = try scan.decode((String, String, String?, String).self)
            let meta = try JSONParser.parse(metaText)
            let rows = try run("""
                SELECT c.body FROM spans s JOIN contents c ON c.id = s.content_id
                WHERE s.target = \(target) AND s.last_scan >= \(scanID) AND s.first_scan <= \(scanID)
                """)
            var resources: [LiveResource] = []
            resources.reserveCapacity(rows.count)
            for row in rows {
                guard let resource = LiveResource(json: try JSONParser.parse(try row.decode(String.self))) else {
                    throw HistoryError.corrupt("a resource of scan \(scanID)")
                }
                resources.append(resource)
            }
            return Snapshot(
                takenAt: meta["takenAt"]?.stringValue ?? "", region: region, account: account, resources: resources,
                errors: (meta["errors"]?.arrayValue ?? []).compactMap(ReadError.init(json:)),
                omitted: (meta["omitted"]?.objectValue ?? [:]).mapValues { ($0.arrayValue ?? []).compactMap(\.stringValue) }
            ).normalized()
        }
    }

    public func versions(matching query: String) throws(HistoryError) -> [ResourceVersion] {
        try read("looking up \(query)") {
            let rows = try run("""
                \(unescaped: HistorySchema.versionColumnsSQL)
                WHERE (s.target, s.type, s.live_id) IN (
                    SELECT target, type, live_id FROM spans WHERE address = \(query)
                    UNION SELECT target, type, live_id FROM spans WHERE live_id = \(query)
                    UNION SELECT sp.target, sp.type, sp.live_id FROM contents n JOIN spans sp ON sp.content_id = n.id
                        WHERE n.name = \(query))
                ORDER BY s.target, s.type, s.live_id, s.first_scan
                """)
            return try rows.map(Self.version)
        }
    }

    public func versions(type: String) throws(HistoryError) -> [ResourceVersion] {
        try read("reading \(type) resources") {
            let rows = try run("""
                \(unescaped: HistorySchema.versionColumnsSQL) WHERE s.type = \(type) ORDER BY s.target, s.live_id, s.first_scan
                """)
            return try rows.map(Self.version)
        }
    }

    static func version(_ row: PostgresRow) throws -> ResourceVersion {
        let (firstScan, lastScan, address, body, firstAt, lastAt, root, account, region) =
            try row.decode((Int64, Int64, String?, String, String, String, String, String?, String).self)
        guard let resource = LiveResource(json: try JSONParser.parse(body)) else {
            throw HistoryError.corrupt("a stored resource description")
        }
        return ResourceVersion(
            target: History.ScanTarget(root: root, account: account, region: region), resource: resource, address: address,
            firstScan: firstScan, lastScan: lastScan, firstSeen: firstAt, lastSeen: lastAt)
    }
}
#endif
