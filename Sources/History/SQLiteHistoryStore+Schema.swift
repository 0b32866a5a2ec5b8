import GRDB

/// The SQLite schema (`HistorySchema`), versioned with `PRAGMA user_version`. Migrations run in
/// order inside one IMMEDIATE transaction, so two processes opening a new database at once migrate
/// it once.
extension SQLiteHistoryStore {
    static var migrations: [(version: Int, sql: String)] { HistorySchema.migrations }

    static var latestVersion: Int { HistorySchema.latestVersion }

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
