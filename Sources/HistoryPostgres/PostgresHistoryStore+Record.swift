#if PostgreSQL
import Crypto
import DriftCore
import DriftModel
import Foundation
import History
import PostgresNIO

/// Recording and pruning: the SQLite engine's algorithm (spans of unchanged content, bodies stored
/// once by hash) in PostgreSQL's SQL, one transaction per scan under the writers' advisory lock.
extension PostgresHistoryStore {
    public func record(_ entry: ScanEntry) throws(HistoryError) -> RecordedScan {
        try transaction("recording the scan", writer: true) {
            let result = try insert(entry)
            if holdBeforeCommit > 0 {
                FileHandle.standardError.write(Data("drift: test hold inside the history transaction\n".utf8))
                Thread.sleep(forTimeInterval: holdBeforeCommit)
            }
            return result
        }
    }

    private func insert(_ entry: ScanEntry) throws -> RecordedScan {
        let key = entry.target.key
        let previousID = try run("SELECT id FROM scans WHERE target = \(key) ORDER BY id DESC LIMIT 1").first
            .map { try $0.decode(Int64.self) }
        let previous = try previousID.map { try loadFindings(scanID: $0).findings }
        let report = FindingStatus.annotate(entry.report, previous: previous)
        let snapshot = entry.snapshot.normalized()
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
        try writeSpans(key: key, scanID: scanID, previousID: previousID, snapshot: snapshot, addresses: entry.addresses)
        try writeFindings(key: key, scanID: scanID, previousID: previousID, findings: report.findings)
        for (position, finding) in (report.resolved ?? []).enumerated() {
            let bodyID = try findingBodyID(finding)
            try run("INSERT INTO resolved_findings (scan_id, position, body_id) VALUES (\(scanID), \(position), \(bodyID))")
        }
        return RecordedScan(id: scanID, report: report)
    }

    private func writeSpans(key: String, scanID: Int64, previousID: Int64?, snapshot: Snapshot, addresses: [String: String]) throws {
        var open: [String: (span: Int64, hash: String, address: String?)] = [:]
        if let previousID {
            let rows = try run("""
                SELECT s.id, s.type, s.live_id, s.address, encode(c.hash, 'hex') FROM spans s JOIN contents c ON c.id = s.content_id
                WHERE s.target = \(key) AND s.last_scan = \(previousID)
                """)
            for row in rows {
                let (id, type, liveID, address, hash) = try row.decode((Int64, String, String, String?, String).self)
                open[type + "\u{0}" + liveID] = (id, hash, address)
            }
        }
        var extended: [Int64] = []
        var seen: Set<String> = []
        for resource in snapshot.resources {
            let resourceKey = resource.type + "\u{0}" + resource.id
            guard seen.insert(resourceKey).inserted else { continue }
            let body = resource.jsonValue.canonicalJSON()
            let hash = Self.hex(SHA256.hash(data: Data(body.utf8)))
            let address = addresses[resourceKey]
            if let span = open[resourceKey], span.hash == hash, span.address == address {
                extended.append(span.span)
                continue
            }
            let contentID = try contentID(
                hash: hash, body: body, type: resource.type, id: resource.id, name: resource.attributes["tags"]?["Name"]?.stringValue)
            try run("""
                INSERT INTO spans (target, type, live_id, address, content_id, first_scan, last_scan)
                VALUES (\(key), \(resource.type), \(resource.id), \(address), \(contentID), \(scanID), \(scanID))
                """)
        }
        // An unchanged resource only moves its span's end: one statement for all of them.
        if !extended.isEmpty { try run("UPDATE spans SET last_scan = \(scanID) WHERE id = ANY(\(extended))") }
    }

    private func contentID(hash: String, body: String, type: String, id: String, name: String?) throws -> Int64 {
        if let existing = try run("SELECT id FROM contents WHERE hash = decode(\(hash), 'hex')").first {
            return try existing.decode(Int64.self)
        }
        let row = try run("""
            INSERT INTO contents (hash, type, live_id, name, body) VALUES (decode(\(hash), 'hex'), \(type), \(id), \(name), \(body))
            RETURNING id
            """).first
        guard let id = try row?.decode(Int64.self) else { throw HistoryError.database(doing: "storing a resource", reason: "no id") }
        return id
    }

    private func writeFindings(key: String, scanID: Int64, previousID: Int64?, findings: [Finding]) throws {
        var open: [Int64: Int64] = [:]  // body id -> span id, for the previous scan's findings
        if let previousID {
            for row in try run("SELECT id, body_id FROM finding_spans WHERE target = \(key) AND last_scan = \(previousID)") {
                let (id, bodyID) = try row.decode((Int64, Int64).self)
                open[bodyID] = id
            }
        }
        var extended: [Int64] = []
        for finding in findings {
            let bodyID = try findingBodyID(finding)
            if let span = open.removeValue(forKey: bodyID) {
                extended.append(span)
            } else {
                try run("""
                    INSERT INTO finding_spans (target, identity, body_id, first_scan, last_scan)
                    VALUES (\(key), \(FindingStatus.identity(finding)), \(bodyID), \(scanID), \(scanID))
                    """)
            }
        }
        if !extended.isEmpty { try run("UPDATE finding_spans SET last_scan = \(scanID) WHERE id = ANY(\(extended))") }
    }

    private func findingBodyID(_ finding: Finding) throws -> Int64 {
        let body = finding.jsonValue.canonicalJSON()
        let hash = Self.hex(SHA256.hash(data: Data(body.utf8)))
        if let existing = try run("SELECT id FROM finding_bodies WHERE hash = decode(\(hash), 'hex')").first {
            return try existing.decode(Int64.self)
        }
        let row = try run("INSERT INTO finding_bodies (hash, body) VALUES (decode(\(hash), 'hex'), \(body)) RETURNING id").first
        guard let id = try row?.decode(Int64.self) else { throw HistoryError.database(doing: "storing a finding", reason: "no id") }
        return id
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    // MARK: Pruning

    public func prune(before cutoff: String) throws(HistoryError) -> Int {
        try transaction("pruning", writer: true) {
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
