import DriftCore
import DriftModel
import Foundation
import GRDB

extension SQLiteHistoryStore {
    public func scans(target: ScanTarget?) throws(HistoryError) -> [ScanRow] {
        try read("listing scans") { db in
            let rows: [Row]
            if let target {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM scans WHERE target = ? ORDER BY id", arguments: [target.key])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM scans ORDER BY id")
            }
            return try rows.map(Self.scanRow)
        }
    }

    public func scan(id: Int64) throws(HistoryError) -> ScanRow? {
        try read("reading scan \(id)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM scans WHERE id = ?", arguments: [id]).map(Self.scanRow)
        }
    }

    static func scanRow(_ row: Row) throws -> ScanRow {
        let summaryText: String = row["summary"]
        let summary = try Report.Summary(json: JSONParser.parse(summaryText))
        let exitCode: Int = row["exit_code"]
        return ScanRow(
            id: row["id"], target: ScanTarget(root: row["root"], account: row["account"], region: row["region"]),
            scannedAt: row["scanned_at"], durationMilliseconds: row["duration_ms"], exitCode: Int32(exitCode),
            summary: summary, baseline: row["baseline"], baselineCommit: row["baseline_commit"],
            resourceCount: row["resource_count"], newFindings: row["new_count"], resolvedFindings: row["resolved_count"])
    }

    public func findings(scanID: Int64) throws(HistoryError) -> (findings: [Finding], resolved: [Finding]) {
        try read("reading the findings of scan \(scanID)") { db in try Self.loadFindings(db, scanID: scanID) }
    }

    public func findings(scanID: Int64, identity: String) throws(HistoryError) -> [Finding] {
        try read("reading the findings of scan \(scanID)") { db in
            let bodies = try String.fetchAll(
                db,
                sql: """
                    SELECT b.body FROM finding_spans f JOIN finding_bodies b ON b.id = f.body_id
                    WHERE f.identity = ? AND f.target = (SELECT target FROM scans WHERE id = ?)
                        AND f.first_scan <= ? AND f.last_scan >= ?
                    """, arguments: [identity, scanID, scanID, scanID])
            return try bodies.compactMap { Finding(json: try JSONParser.parse($0)) }
        }
    }

    static func loadFindings(_ db: Database, scanID: Int64) throws -> (findings: [Finding], resolved: [Finding]) {
        guard let target = try String.fetchOne(db, sql: "SELECT target FROM scans WHERE id = ?", arguments: [scanID]) else {
            throw HistoryError.notFound("no scan \(scanID) in the history")
        }
        let open = try String.fetchAll(
            db,
            sql: """
                SELECT b.body FROM finding_spans f JOIN finding_bodies b ON b.id = f.body_id
                WHERE f.target = ? AND f.last_scan >= ? AND f.first_scan <= ?
                """, arguments: [target, scanID, scanID])
        let resolved = try String.fetchAll(
            db,
            sql: """
                SELECT b.body FROM resolved_findings r JOIN finding_bodies b ON b.id = r.body_id
                WHERE r.scan_id = ? ORDER BY r.position
                """, arguments: [scanID])
        // A kind this build does not know (written by a newer drift) is skipped, not fatal.
        func parse(_ bodies: [String]) throws -> [Finding] { try bodies.compactMap { Finding(json: try JSONParser.parse($0)) } }
        return (Finding.sortedByContract(try parse(open)), try parse(resolved))
    }

    public func snapshot(scanID: Int64) throws(HistoryError) -> Snapshot {
        try read("reading the snapshot of scan \(scanID)") { db in
            guard let scan = try Row.fetchOne(
                db, sql: "SELECT target, region, account, snapshot_meta FROM scans WHERE id = ?", arguments: [scanID])
            else { throw HistoryError.notFound("no scan \(scanID) in the history") }
            let metaText: String = scan["snapshot_meta"]
            let meta = try JSONParser.parse(metaText)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.body FROM spans s JOIN contents c ON c.id = s.content_id
                    WHERE s.target = ? AND s.last_scan >= ? AND s.first_scan <= ?
                    """, arguments: [scan["target"] as String, scanID, scanID])
            var resources: [LiveResource] = []
            resources.reserveCapacity(rows.count)
            for row in rows {
                let body: String = row["body"]
                guard let resource = LiveResource(json: try JSONParser.parse(body)) else {
                    throw HistoryError.corrupt("a resource of scan \(scanID)")
                }
                resources.append(resource)
            }
            return Snapshot(
                takenAt: meta["takenAt"]?.stringValue ?? "", region: scan["region"], account: scan["account"],
                resources: resources, errors: (meta["errors"]?.arrayValue ?? []).compactMap(ReadError.init(json:)),
                omitted: (meta["omitted"]?.objectValue ?? [:]).mapValues { ($0.arrayValue ?? []).compactMap(\.stringValue) }
            ).normalized()
        }
    }

    public func versions(matching query: String) throws(HistoryError) -> [ResourceVersion] {
        try read("looking up \(query)") { db in
            let rows = try Row.fetchAll(
                db,
                sql: HistorySchema.versionColumnsSQL + """
                     WHERE (s.target, s.type, s.live_id) IN (
                        SELECT target, type, live_id FROM spans WHERE address = ?1
                        UNION SELECT target, type, live_id FROM spans WHERE live_id = ?1
                        UNION SELECT sp.target, sp.type, sp.live_id FROM contents n JOIN spans sp ON sp.content_id = n.id
                            WHERE n.name = ?1)
                    ORDER BY s.target, s.type, s.live_id, s.first_scan
                    """, arguments: [query])
            return try rows.map(Self.version)
        }
    }

    public func versions(type: String) throws(HistoryError) -> [ResourceVersion] {
        try read("reading \(type) resources") { db in
            let rows = try Row.fetchAll(
                db, sql: HistorySchema.versionColumnsSQL + " WHERE s.type = ? ORDER BY s.target, s.live_id, s.first_scan",
                arguments: [type])
            return try rows.map(Self.version)
        }
    }

    static func version(_ row: Row) throws -> ResourceVersion {
        let body: String = row["body"]
        guard let resource = LiveResource(json: try JSONParser.parse(body)) else {
            throw HistoryError.corrupt("a stored resource description")
        }
        return ResourceVersion(
            target: ScanTarget(root: row["root"], account: row["account"], region: row["region"]), resource: resource,
            address: row["address"], firstScan: row["first_scan"], lastScan: row["last_scan"], firstSeen: row["first_at"],
            lastSeen: row["last_at"])
    }
}
