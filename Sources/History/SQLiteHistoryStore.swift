import Crypto
import DriftCore
import DriftModel
import Foundation
import GRDB

/// The embedded engine: one SQLite file through GRDB, in WAL mode (readers never wait for the
/// writer), with a busy timeout so that concurrent scans queue instead of failing, and one
/// IMMEDIATE transaction per recorded scan, so a failed or killed scan leaves nothing behind.
public final class SQLiteHistoryStore: HistoryStore {
    public let path: String
    let pool: DatabasePool
    /// A pause inside the recording transaction, after the scan row is written: lets a test kill
    /// the process mid-write. `DRIFT_TEST_HOLD_HISTORY_WRITE` (seconds) sets it; nothing else does.
    let holdBeforeCommit: Double

    public init(path: String, busyTimeout: TimeInterval = 60, holdBeforeCommit: Double = 0) throws(HistoryError) {
        self.path = path
        self.holdBeforeCommit = holdBeforeCommit
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "drift-history"
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
                throw HistoryError.cannotOpen(path: path, reason: "the directory \(directory) does not exist")
            }
            pool = try DatabasePool(path: path, configuration: config)
        } catch let error as HistoryError {
            throw error
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
        try Self.migrate(pool, path: path)
    }

    static func reason(_ error: any Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        return "\(error)"
    }

    func read<T>(_ doing: String, _ body: (Database) throws -> T) throws(HistoryError) -> T {
        do { return try pool.read(body) } catch let error as HistoryError { throw error } catch {
            throw .database(doing: doing, reason: Self.reason(error))
        }
    }

    // MARK: Recording

    public func record(_ entry: ScanEntry) throws(HistoryError) -> RecordedScan {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: RecordedScan?
                try db.inTransaction(.immediate) {
                    result = try self.insert(entry, db)
                    if self.holdBeforeCommit > 0 {
                        FileHandle.standardError.write(Data("drift: test hold inside the history transaction\n".utf8))
                        Thread.sleep(forTimeInterval: self.holdBeforeCommit)
                    }
                    return .commit
                }
                guard let result else { throw HistoryError.database(doing: "recording the scan", reason: "no result") }
                return result
            }
        } catch let error as HistoryError {
            throw error
        } catch {
            throw .database(doing: "recording the scan", reason: Self.reason(error))
        }
    }

    private func insert(_ entry: ScanEntry, _ db: Database) throws -> RecordedScan {
        let key = entry.target.key
        let previousID = try Int64.fetchOne(
            db, sql: "SELECT id FROM scans WHERE target = ? ORDER BY id DESC LIMIT 1", arguments: [key])
        let previous = try previousID.map { try Self.loadFindings(db, scanID: $0).findings }
        let report = FindingStatus.annotate(entry.report, previous: previous)
        let snapshot = entry.snapshot.normalized()
        let meta: Value = .object([
            "takenAt": .string(snapshot.takenAt),
            "errors": .array(snapshot.errors.map(\.jsonValue)),
            "omitted": .object(snapshot.omitted.mapValues { .array($0.map(Value.string)) }),
        ])
        try db.execute(
            sql: """
                INSERT INTO scans (target, root, account, region, scanned_at, duration_ms, exit_code, summary, baseline,
                    baseline_commit, state_source, resource_count, new_count, resolved_count, snapshot_meta)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                key, entry.target.root, entry.target.account, entry.target.region, report.scannedAt,
                entry.durationMilliseconds, Int(entry.failPolicy.exitCode(for: report)), report.summary.jsonValue.canonicalJSON(), report.baseline,
                entry.baselineCommit, report.stateSource, snapshot.resources.count,
                report.findings.filter { $0.status == .new }.count, report.resolved?.count ?? 0, meta.canonicalJSON(),
            ])
        let scanID = db.lastInsertedRowID
        try writeSpans(db, key: key, scanID: scanID, previousID: previousID, snapshot: snapshot, addresses: entry.addresses)
        try writeFindings(db, key: key, scanID: scanID, previousID: previousID, findings: report.findings)
        for (position, finding) in (report.resolved ?? []).enumerated() {
            try db.cachedStatement(sql: "INSERT INTO resolved_findings (scan_id, position, body_id) VALUES (?, ?, ?)")
                .execute(arguments: [scanID, position, try Self.findingBodyID(db, finding)])
        }
        return RecordedScan(id: scanID, report: report)
    }

    private func writeSpans(
        _ db: Database, key: String, scanID: Int64, previousID: Int64?, snapshot: Snapshot, addresses: [String: String]
    ) throws {
        var open: [String: (span: Int64, hash: Data, address: String?)] = [:]
        if let previousID {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.type, s.live_id, s.address, c.hash FROM spans s JOIN contents c ON c.id = s.content_id
                    WHERE s.target = ? AND s.last_scan = ?
                    """, arguments: [key, previousID])
            for row in rows {
                let type: String = row["type"], id: String = row["live_id"]
                open[type + "\u{0}" + id] = (row["id"], row["hash"], row["address"])
            }
        }
        let extend = try db.cachedStatement(sql: "UPDATE spans SET last_scan = ? WHERE id = ?")
        let insertSpan = try db.cachedStatement(
            sql: "INSERT INTO spans (target, type, live_id, address, content_id, first_scan, last_scan) VALUES (?, ?, ?, ?, ?, ?, ?)")
        var seen: Set<String> = []
        for resource in snapshot.resources {
            let resourceKey = resource.type + "\u{0}" + resource.id
            guard seen.insert(resourceKey).inserted else { continue }
            let body = resource.jsonValue.canonicalJSON()
            let hash = Data(SHA256.hash(data: Data(body.utf8)))
            let address = addresses[resourceKey]
            if let span = open[resourceKey], span.hash == hash, span.address == address {
                try extend.execute(arguments: [scanID, span.span])
                continue
            }
            let contentID = try Self.contentID(
                db, hash: hash, body: body, type: resource.type, id: resource.id,
                name: resource.attributes["tags"]?["Name"]?.stringValue)
            try insertSpan.execute(arguments: [key, resource.type, resource.id, address, contentID, scanID, scanID])
        }
    }

    static func contentID(_ db: Database, hash: Data, body: String, type: String, id: String, name: String?) throws -> Int64 {
        if let existing = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM contents WHERE hash = ?"), arguments: [hash]) {
            return existing
        }
        try db.cachedStatement(sql: "INSERT INTO contents (hash, type, live_id, name, body) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [hash, type, id, name, body])
        return db.lastInsertedRowID
    }

    private func writeFindings(_ db: Database, key: String, scanID: Int64, previousID: Int64?, findings: [Finding]) throws {
        var open: [Int64: Int64] = [:]  // body id -> span id, for the previous scan's findings
        if let previousID {
            for row in try Row.fetchAll(
                db, sql: "SELECT id, body_id FROM finding_spans WHERE target = ? AND last_scan = ?",
                arguments: [key, previousID])
            {
                open[row["body_id"]] = row["id"]
            }
        }
        for finding in findings {
            let bodyID = try Self.findingBodyID(db, finding)
            if let span = open.removeValue(forKey: bodyID) {
                try db.cachedStatement(sql: "UPDATE finding_spans SET last_scan = ? WHERE id = ?").execute(arguments: [scanID, span])
            } else {
                try db.cachedStatement(
                    sql: "INSERT INTO finding_spans (target, identity, body_id, first_scan, last_scan) VALUES (?, ?, ?, ?, ?)"
                ).execute(arguments: [key, FindingStatus.identity(finding), bodyID, scanID, scanID])
            }
        }
    }

    static func findingBodyID(_ db: Database, _ finding: Finding) throws -> Int64 {
        let body = finding.jsonValue.canonicalJSON()
        let hash = Data(SHA256.hash(data: Data(body.utf8)))
        if let existing = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM finding_bodies WHERE hash = ?"), arguments: [hash]) {
            return existing
        }
        try db.cachedStatement(sql: "INSERT INTO finding_bodies (hash, body) VALUES (?, ?)").execute(arguments: [hash, body])
        return db.lastInsertedRowID
    }

    // MARK: Pruning

    public func prune(before cutoff: String) throws(HistoryError) -> Int {
        do {
            return try pool.writeWithoutTransaction { db in
                var removed = 0
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "DELETE FROM scans WHERE scanned_at < ?", arguments: [cutoff])
                    removed = db.changesCount
                    guard removed > 0 else { return .commit }
                    try db.execute(sql: HistorySchema.pruneAfterDelete)
                    return .commit
                }
                return removed
            }
        } catch {
            throw .database(doing: "pruning", reason: Self.reason(error))
        }
    }
}
