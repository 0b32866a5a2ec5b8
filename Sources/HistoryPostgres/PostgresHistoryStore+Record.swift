#if PostgreSQL
import Crypto
import DriftCore
import DriftModel
import Foundation
import History
import PostgresNIO

/// Recording and pruning: the SQLite engine's algorithm (spans of unchanged content, bodies stored
/// once by hash) in PostgreSQL's SQL, one transaction per scan under its target's advisory lock.
///
/// A scan is written in a fixed number of statements whatever its size: the rows of each table
/// go in one statement as one JSON parameter (`json_to_recordset`), bodies already stored are
/// skipped by `ON CONFLICT (hash) DO NOTHING`, and new rows find their body's id by joining on
/// the hash, in hash order, so that two targets recording at once take the bodies' row locks in
/// one order and never deadlock. Each statement is a round trip to the server while the lock is
/// held: one statement per row (what this did first) made a 1,000-instance estate scan thousands
/// of round trips long, and shards writing one history waited on each other for all of them.
extension PostgresHistoryStore {
    public func record(_ entry: ScanEntry) throws(HistoryError) -> RecordedScan {
        // Everything that needs no database (canonical JSON, hashes) is done before the lock.
        let snapshot = entry.snapshot.normalized()
        let resources = StoredResource.rows(of: snapshot, addresses: entry.addresses)
        return try transaction("recording the scan", .record(target: entry.target.key)) {
            let result = try insert(entry, snapshot: snapshot, resources: resources)
            if holdBeforeCommit > 0 {
                FileHandle.standardError.write(Data("drift: test hold inside the history transaction\n".utf8))
                Thread.sleep(forTimeInterval: holdBeforeCommit)
            }
            return result
        }
    }

    private func insert(_ entry: ScanEntry, snapshot: Snapshot, resources: [StoredResource]) throws -> RecordedScan {
        let key = entry.target.key
        let previousID = try run("SELECT id FROM scans WHERE target = \(key) ORDER BY id DESC LIMIT 1").first
            .map { try $0.decode(Int64.self) }
        let previous = try previousID.map { try loadFindings(scanID: $0).findings }
        let report = FindingStatus.annotate(entry.report, previous: previous)
        let meta: Value = .object([
            "takenAt": .string(snapshot.takenAt),
            "errors": .array(snapshot.errors.map(\.jsonValue)),
            "omitted": .object(snapshot.omitted.mapValues { .array($0.map(Value.string)) }),
        ])
        let exitCode = Int(entry.failPolicy.exitCode(for: report))
        let newCount = report.findings.filter { $0.status == .new }.count
        let resolvedCount = report.resolved?.count ?? 0
        let row = try run("""
            INSERT INTO scans (target, root, account, region, scanned_at, duration_ms, exit_code, summary, baseline,
                baseline_commit, state_source, resource_count, new_count, resolved_count, snapshot_meta)
            VALUES (\(key), \(entry.target.root), \(entry.target.account), \(entry.target.region), \(report.scannedAt),
                \(entry.durationMilliseconds), \(exitCode), \(report.summary.jsonValue.canonicalJSON()), \(report.baseline),
                \(entry.baselineCommit), \(report.stateSource), \(snapshot.resources.count), \(newCount), \(resolvedCount),
                \(meta.canonicalJSON()))
            RETURNING id
            """).first
        guard let scanID = try row?.decode(Int64.self) else { throw HistoryError.database(doing: "recording the scan", reason: "no id") }
        try writeSpans(key: key, scanID: scanID, previousID: previousID, resources: resources)
        try writeFindings(key: key, scanID: scanID, previousID: previousID, findings: report.findings, resolved: report.resolved ?? [])
        return RecordedScan(id: scanID, report: report)
    }

    /// Opens a span for each resource new or changed since the target's previous scan, and closes
    /// (at that scan) the open spans of the resources changed or gone. An unchanged resource's span
    /// stays open (`HistorySchema.openSpan`): nothing is written for it.
    private func writeSpans(key: String, scanID: Int64, previousID: Int64?, resources: [StoredResource]) throws {
        let openSpan = HistorySchema.openSpan
        var open: [String: (span: Int64, hash: String, address: String?)] = [:]
        var duplicates: [Int64] = []  // never written by drift; closed if found
        if previousID != nil {
            let rows = try run("""
                SELECT s.id, s.type, s.live_id, s.address, encode(c.hash, 'hex') FROM spans s JOIN contents c ON c.id = s.content_id
                WHERE s.target = \(key) AND s.last_scan = \(openSpan)
                """)
            for row in rows {
                let (id, type, liveID, address, hash) = try row.decode((Int64, String, String, String?, String).self)
                if let other = open.updateValue((id, hash, address), forKey: type + "\u{0}" + liveID) { duplicates.append(other.span) }
            }
        }
        var started: [StoredResource] = []
        for resource in resources {
            if let span = open[resource.key], span.hash == resource.hexHash, span.address == resource.address {
                open[resource.key] = nil
            } else {
                started.append(resource)
            }
        }
        // What changed or went ends at the previous scan: one statement for all of them.
        let closed = open.values.map(\.span) + duplicates
        if let previousID, !closed.isEmpty {
            try run("UPDATE spans SET last_scan = \(previousID) WHERE id = ANY(\(closed))")
        }
        guard !started.isEmpty else { return }
        var contents: [Value] = []
        var stored: Set<String> = []
        var spans: [Value] = []
        for resource in started {
            let hash = resource.hexHash
            if stored.insert(hash).inserted {
                contents.append(.object([
                    "h": .string(hash), "t": .string(resource.type), "i": .string(resource.id),
                    "n": resource.name.map(Value.string) ?? .null, "b": .string(resource.body),
                ]))
            }
            spans.append(.object([
                "h": .string(hash), "t": .string(resource.type), "i": .string(resource.id),
                "a": resource.address.map(Value.string) ?? .null,
            ]))
        }
        try run("""
            INSERT INTO contents (hash, type, live_id, name, body)
            SELECT decode(r.h, 'hex'), r.t, r.i, r.n, r.b FROM json_to_recordset(\(Value.array(contents).canonicalJSON())::json)
                AS r(h text, t text, i text, n text, b text)
            ORDER BY r.h
            ON CONFLICT (hash) DO NOTHING
            """)
        let inserted = try run("""
            INSERT INTO spans (target, type, live_id, address, content_id, first_scan, last_scan)
            SELECT \(key), r.t, r.i, r.a, c.id, \(scanID), \(openSpan)
            FROM json_to_recordset(\(Value.array(spans).canonicalJSON())::json) AS r(h text, t text, i text, a text)
            JOIN contents c ON c.hash = decode(r.h, 'hex')
            """).metadata.rows ?? 0
        guard inserted == spans.count else {
            throw HistoryError.database(doing: "recording the scan", reason: "\(inserted) of \(spans.count) resources stored")
        }
    }

    private func writeFindings(key: String, scanID: Int64, previousID: Int64?, findings: [Finding], resolved: [Finding]) throws {
        func stored(_ finding: Finding) -> (hash: String, body: String) {
            let body = finding.jsonValue.canonicalJSON()
            return (Self.hex(SHA256.hash(data: Data(body.utf8))), body)
        }
        let current = findings.map { (finding: $0, stored: stored($0)) }
        let gone = resolved.map(stored)
        let openSpan = HistorySchema.openSpan
        var open: [String: [Int64]] = [:]  // body hash -> span ids, for the previous scan's findings
        if previousID != nil {
            for row in try run("""
                SELECT f.id, encode(b.hash, 'hex') FROM finding_spans f JOIN finding_bodies b ON b.id = f.body_id
                WHERE f.target = \(key) AND f.last_scan = \(openSpan)
                """)
            {
                let (id, hash) = try row.decode((Int64, String).self)
                open[hash, default: []].append(id)
            }
        }
        var spans: [Value] = []
        // The bodies the new spans and the resolved list point at (an open span's is stored).
        var bodies: [Value] = []
        var seen: Set<String> = []
        func store(_ body: (hash: String, body: String)) {
            if seen.insert(body.hash).inserted { bodies.append(.object(["h": .string(body.hash), "b": .string(body.body)])) }
        }
        for (finding, body) in current {
            // The same finding as in the previous scan keeps its open span.
            if open[body.hash]?.popLast() == nil {
                spans.append(.object(["h": .string(body.hash), "d": .string(FindingStatus.identity(finding))]))
                store(body)
            }
        }
        gone.forEach(store)
        let closed = open.values.flatMap { $0 }
        if let previousID, !closed.isEmpty {
            try run("UPDATE finding_spans SET last_scan = \(previousID) WHERE id = ANY(\(closed))")
        }
        guard !spans.isEmpty || !gone.isEmpty else { return }
        try run("""
            INSERT INTO finding_bodies (hash, body)
            SELECT decode(r.h, 'hex'), r.b FROM json_to_recordset(\(Value.array(bodies).canonicalJSON())::json) AS r(h text, b text)
            ORDER BY r.h
            ON CONFLICT (hash) DO NOTHING
            """)
        if !spans.isEmpty {
            let inserted = try run("""
                INSERT INTO finding_spans (target, identity, body_id, first_scan, last_scan)
                SELECT \(key), r.d, b.id, \(scanID), \(openSpan)
                FROM json_to_recordset(\(Value.array(spans).canonicalJSON())::json) AS r(h text, d text)
                JOIN finding_bodies b ON b.hash = decode(r.h, 'hex')
                """).metadata.rows ?? 0
            guard inserted == spans.count else {
                throw HistoryError.database(doing: "recording the scan", reason: "\(inserted) of \(spans.count) findings stored")
            }
        }
        if !gone.isEmpty {
            let rows: [Value] = gone.enumerated().map { .object(["p": .number(Double($0.offset)), "h": .string($0.element.hash)]) }
            let inserted = try run("""
                INSERT INTO resolved_findings (scan_id, position, body_id)
                SELECT \(scanID), r.p, b.id FROM json_to_recordset(\(Value.array(rows).canonicalJSON())::json) AS r(p bigint, h text)
                JOIN finding_bodies b ON b.hash = decode(r.h, 'hex')
                """).metadata.rows ?? 0
            guard inserted == rows.count else {
                throw HistoryError.database(doing: "recording the scan", reason: "\(inserted) of \(rows.count) resolved findings stored")
            }
        }
    }

    static func hex(_ digest: SHA256.Digest) -> String { StoredResource.hex(digest) }

    // MARK: Pruning

    public func prune(before cutoff: String) throws(HistoryError) -> Int {
        try transaction("pruning", .exclusive) {
            let removed = try run("DELETE FROM scans WHERE scanned_at < \(cutoff)").metadata.rows ?? 0
            guard removed > 0 else { return 0 }
            for statement in HistorySchema.statements(HistorySchema.pruneAfterDelete) {
                try run(PostgresQuery(unsafeSQL: statement))
            }
            return removed
        }
    }
}
#endif
