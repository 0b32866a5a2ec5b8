import GRDB

/// The SQLite schema, versioned with `PRAGMA user_version`. Migrations run in order inside one
/// IMMEDIATE transaction, so two processes opening a new database at once migrate it once.
/// Never edit a shipped migration: append one.
extension SQLiteHistoryStore {
    static let migrations: [(version: Int, sql: String)] = [
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
    ]

    static var latestVersion: Int { migrations.last?.version ?? 0 }

    static func migrate(_ writer: DatabasePool, path: String) throws(HistoryError) {
        do {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                    if version > latestVersion {
                        throw HistoryError.newerSchema(path: path, version: version, known: latestVersion)
                    }
                    for migration in migrations where migration.version > version {
                        try db.execute(sql: migration.sql)
                        try db.execute(sql: "PRAGMA user_version = \(migration.version)")
                    }
                    return .commit
                }
            }
        } catch let error as HistoryError {
            throw error
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }
}
