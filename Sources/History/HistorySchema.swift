import Foundation

/// The history's schema, described once for every engine: the migrations are written in SQLite's
/// dialect (the embedded engine, and what shipped first) and `postgres(_:)` translates the few
/// constructs PostgreSQL spells differently. Never edit a shipped migration: append one.
public enum HistorySchema {
    public static let migrations: [(version: Int, sql: String)] = [
        (1, """
            CREATE TABLE scans (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                target TEXT NOT NULL,
                root TEXT NOT NULL,
                account TEXT,
                region TEXT NOT NULL,
                scanned_at TEXT NOT NULL,
                duration_ms INTEGER NOT NULL,
                exit_code INTEGER NOT NULL,
                summary TEXT NOT NULL,
                baseline TEXT NOT NULL,
                baseline_commit TEXT,
                state_source TEXT,
                resource_count INTEGER NOT NULL,
                new_count INTEGER NOT NULL,
                resolved_count INTEGER NOT NULL,
                snapshot_meta TEXT NOT NULL
            );
            CREATE INDEX scans_by_target ON scans(target, id);
            CREATE INDEX scans_by_time ON scans(scanned_at);

            -- One row per distinct resource description (SHA-256 of its canonical JSON).
            CREATE TABLE contents (
                id INTEGER PRIMARY KEY,
                hash BLOB NOT NULL UNIQUE,
                type TEXT NOT NULL,
                live_id TEXT NOT NULL,
                name TEXT,
                body TEXT NOT NULL
            );
            CREATE INDEX contents_by_name ON contents(name) WHERE name IS NOT NULL;

            -- A resource with one content (and address) in consecutive scans first_scan..last_scan
            -- of one target: an unchanged resource costs nothing per scan but extending its span.
            CREATE TABLE spans (
                id INTEGER PRIMARY KEY,
                target TEXT NOT NULL,
                type TEXT NOT NULL,
                live_id TEXT NOT NULL,
                address TEXT,
                content_id INTEGER NOT NULL REFERENCES contents(id),
                first_scan INTEGER NOT NULL,
                last_scan INTEGER NOT NULL
            );
            CREATE INDEX spans_open ON spans(target, last_scan);
            CREATE INDEX spans_by_resource ON spans(live_id, type, first_scan);
            CREATE INDEX spans_by_address ON spans(address) WHERE address IS NOT NULL;
            CREATE INDEX spans_by_content ON spans(content_id);

            -- Findings in the report's JSON shape, stored once per distinct body; a finding
            -- unchanged since the previous scan of its target extends its span, like a resource.
            CREATE TABLE finding_bodies (
                id INTEGER PRIMARY KEY,
                hash BLOB NOT NULL UNIQUE,
                body TEXT NOT NULL
            );
            CREATE TABLE finding_spans (
                id INTEGER PRIMARY KEY,
                target TEXT NOT NULL,
                identity TEXT NOT NULL,
                body_id INTEGER NOT NULL REFERENCES finding_bodies(id),
                first_scan INTEGER NOT NULL,
                last_scan INTEGER NOT NULL
            );
            CREATE INDEX finding_spans_open ON finding_spans(target, last_scan);
            CREATE INDEX finding_spans_by_body ON finding_spans(body_id);
            -- What a scan listed as resolved: an event of that scan only.
            CREATE TABLE resolved_findings (
                scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                body_id INTEGER NOT NULL REFERENCES finding_bodies(id),
                PRIMARY KEY (scan_id, position)
            ) WITHOUT ROWID;
            CREATE INDEX resolved_by_body ON resolved_findings(body_id);
            """),
        // A timeline asks for one resource's findings at a scan, not all of them.
        (2, "CREATE INDEX finding_spans_by_identity ON finding_spans(identity, target, first_scan);"),
        // A span still present in its target's latest scan is open: its last_scan is `openSpan`
        // instead of that scan's id, so a scan that changes nothing writes nothing but its own
        // row (before, every unchanged resource and finding had its span rewritten each scan:
        // 1,000 row updates an hour for 1,000 servers, and in PostgreSQL as many dead tuples).
        (3, """
            UPDATE spans SET last_scan = 9223372036854775807
            WHERE last_scan = (SELECT MAX(id) FROM scans WHERE scans.target = spans.target);
            UPDATE finding_spans SET last_scan = 9223372036854775807
            WHERE last_scan = (SELECT MAX(id) FROM scans WHERE scans.target = finding_spans.target);
            """),
    ]

    /// The `last_scan` of an open span (migration 3): the resource or finding is in its target's
    /// latest scan, whichever that is. Range tests (`first_scan <= id AND last_scan >= id`) need no
    /// change; what reports a span's last scan reads the target's latest (`lastScanSQL`).
    public static let openSpan: Int64 = Int64.max

    /// The id of the last scan a span (table alias `alias`) was seen in.
    public static func lastScanSQL(_ alias: String) -> String {
        "(CASE WHEN \(alias).last_scan = \(openSpan) THEN (SELECT MAX(m.id) FROM scans m WHERE m.target = \(alias).target) "
            + "ELSE \(alias).last_scan END)"
    }

    /// A resource version's columns, for both engines: its first and last scan (an open span's
    /// last is its target's latest scan), address, body, times and target.
    public static let versionColumnsSQL = """
        SELECT s.first_scan, l.id AS last_scan, s.address, c.body, f.scanned_at AS first_at, l.scanned_at AS last_at,
            f.root, f.account, f.region
        FROM spans s JOIN contents c ON c.id = s.content_id
        JOIN scans f ON f.id = s.first_scan JOIN scans l ON l.id = \(lastScanSQL("s"))
        """

    public static var latestVersion: Int { migrations.last?.version ?? 0 }

    /// A migration in PostgreSQL's dialect. Identifiers stay 64-bit (`BIGINT` and identity
    /// columns, as SQLite's INTEGER is), hashes are `BYTEA`, and `WITHOUT ROWID` (a SQLite storage
    /// hint) goes. Anything else is the same SQL.
    public static func postgres(_ sql: String) -> String {
        let rules: [(pattern: String, replacement: String)] = [
            (#"\bINTEGER PRIMARY KEY( AUTOINCREMENT)?\b"#, "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
            (#"\bINTEGER\b"#, "BIGINT"),
            (#"\bBLOB\b"#, "BYTEA"),
            (#"\s+WITHOUT ROWID\b"#, ""),
        ]
        var text = sql
        for rule in rules {
            text = text.replacingOccurrences(of: rule.pattern, with: rule.replacement, options: .regularExpression)
        }
        return text
    }

    /// The statements of a migration or script one by one (PostgreSQL's extended protocol runs one
    /// statement per query). The schema's SQL has no `;` inside literals, so a split is exact.
    public static func statements(_ sql: String) -> [String] {
        let code = sql.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
            .joined(separator: "\n")
        return code.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// What `prune` runs after deleting the old scans (in the same transaction): drops the spans no
    /// kept scan falls in, pulls the others' ends onto kept scans, and removes the contents and
    /// finding bodies nothing uses any more. The same SQL on every engine.
    public static let pruneAfterDelete: String = trimSpans("spans") + trimSpans("finding_spans") + """
        DELETE FROM contents WHERE NOT EXISTS (SELECT 1 FROM spans WHERE spans.content_id = contents.id);
        DELETE FROM finding_bodies WHERE NOT EXISTS (SELECT 1 FROM finding_spans WHERE finding_spans.body_id = finding_bodies.id)
            AND NOT EXISTS (SELECT 1 FROM resolved_findings WHERE resolved_findings.body_id = finding_bodies.id);
        """

    static func trimSpans(_ table: String) -> String {
        """
        DELETE FROM \(table) WHERE NOT EXISTS (
            SELECT 1 FROM scans WHERE scans.target = \(table).target AND scans.id BETWEEN \(table).first_scan AND \(table).last_scan);
        UPDATE \(table) SET first_scan = (
            SELECT MIN(id) FROM scans WHERE scans.target = \(table).target AND scans.id >= \(table).first_scan)
        WHERE NOT EXISTS (SELECT 1 FROM scans WHERE scans.id = \(table).first_scan);
        UPDATE \(table) SET last_scan = (
            SELECT MAX(id) FROM scans WHERE scans.target = \(table).target AND scans.id <= \(table).last_scan)
        WHERE last_scan <> \(openSpan) AND NOT EXISTS (SELECT 1 FROM scans WHERE scans.id = \(table).last_scan);

        """
    }
}
