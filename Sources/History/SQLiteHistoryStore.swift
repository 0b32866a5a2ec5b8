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
        // Canonical JSON and hashes need no database: computed before the write lock is taken, so
        // concurrent scans queue only for the writes themselves.
        let snapshot = entry.snapshot.normalized()
        let resources = StoredResource.rows(of: snapshot, addresses: entry.addresses)
        do {
            return try pool.writeWithoutTransaction { db in
                var result: RecordedScan?
                try db.inTransaction(.immediate) {
                    result = try self.insert(entry, snapshot: snapshot, resources: resources, db)
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

    private func insert(
        _ entry: ScanEntry, snapshot: Snapshot, resources: [StoredResource], _ db: Database
    ) throws -> RecordedScan {
        let key = entry.target.key
        let previousID = try Int64.fetchOne(
            db, sql: "SELECT id FROM scans WHERE target = ? ORDER BY id DESC LIMIT 1", arguments: [key])
        let previous = try previousID.map { try Self.loadFindings(db, scanID: $0).findings }
        let report = FindingStatus.annotate(entry.report, previous: previous)
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
        try writeSpans(db, key: key, scanID: scanID, previousID: previousID, resources: resources)
        try writeFindings(db, key: key, scanID: scanID, previousID: previousID, findings: report.findings)
        for (position, finding) in (report.resolved ?? []).enumerated() {
            try db.cachedStatement(sql: "INSERT INTO resolved_findings (scan_id, position, body_id) VALUES (?, ?, ?)")
                .execute(arguments: [scanID, position, try Self.findingBodyID(db, finding)])
        }
        return RecordedScan(id: scanID, report: report)
    }

    /// Opens a span for each resource new or changed since the target's previous scan, and closes
    /// (at that scan) the open spans of the resources changed or gone. An unchanged resource's span
    /// stays open: nothing is written for it.
    private func writeSpans(_ db: Database, key: String, scanID: Int64, previousID: Int64?, resources: [StoredResource]) throws {
        var open: [String: (span: Int64, hash: Data, address: String?)] = [:]
        var duplicates: [Int64] = []  // never written by drift; closed if found
        if previousID != nil {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.type, s.live_id, s.address, c.hash FROM spans s JOIN contents c ON c.id = s.content_id
                    WHERE s.target = ? AND s.last_scan = ?
                    """, arguments: [key, HistorySchema.openSpan])
            for row in rows {
                let type: String = row["type"], id: String = row["live_id"]
                if let other = open.updateValue((row["id"], row["hash"], row["address"]), forKey: type + "\u{0}" + id) {
                    duplicates.append(other.span)
                }
            }
        }
        let insertSpan = try db.cachedStatement(
            sql: "INSERT INTO spans (target, type, live_id, address, content_id, first_scan, last_scan) VALUES (?, ?, ?, ?, ?, ?, ?)")
        for resource in resources {
            if let span = open[resource.key], span.hash == resource.hash, span.address == resource.address {
                open[resource.key] = nil
                continue
            }
            let contentID = try Self.contentID(
                db, hash: resource.hash, body: resource.body, type: resource.type, id: resource.id, name: resource.name)
            try insertSpan.execute(
                arguments: [key, resource.type, resource.id, resource.address, contentID, scanID, HistorySchema.openSpan])
        }
        if let previousID {
            let close = try db.cachedStatement(sql: "UPDATE spans SET last_scan = ? WHERE id = ?")
            for span in open.values.map(\.span) + duplicates { try close.execute(arguments: [previousID, span]) }
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

    /// As `writeSpans`, for findings: a finding with the same body as in the previous scan keeps
    /// its open span.
    private func writeFindings(_ db: Database, key: String, scanID: Int64, previousID: Int64?, findings: [Finding]) throws {
        var open: [Int64: [Int64]] = [:]  // body id -> span ids, for the previous scan's findings
        if previousID != nil {
            for row in try Row.fetchAll(
                db, sql: "SELECT id, body_id FROM finding_spans WHERE target = ? AND last_scan = ?",
                arguments: [key, HistorySchema.openSpan])
            {
                open[row["body_id"], default: []].append(row["id"])
            }
        }
        for finding in findings {
            let bodyID = try Self.findingBodyID(db, finding)
            if open[bodyID]?.popLast() == nil {
                try db.cachedStatement(
                    sql: "INSERT INTO finding_spans (target, identity, body_id, first_scan, last_scan) VALUES (?, ?, ?, ?, ?)"
                ).execute(arguments: [key, FindingStatus.identity(finding), bodyID, scanID, HistorySchema.openSpan])
            }
        }
        if let previousID {
            let close = try db.cachedStatement(sql: "UPDATE finding_spans SET last_scan = ? WHERE id = ?")
            for span in open.values.flatMap({ $0 }) { try close.execute(arguments: [previousID, span]) }
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
