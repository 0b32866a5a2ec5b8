import Foundation
import TestSupport

/// The history engines the end-to-end stories run on: a SQLite file, and (with the `PostgreSQL`
/// trait, as scripts/test builds) a new database on the test process's PostgreSQL server, named
/// by `DRIFT_HISTORY` without its password and `PGPASSWORD`, as a deployment would.
enum HistoryBackend: String, CaseIterable, CustomStringConvertible {
    case sqlite
    #if PostgreSQL
    case postgres
    #endif

    var description: String { rawValue }

    /// The environment that points drift at a new, empty history of this engine.
    func environment(scratch: URL) throws -> [String: String] {
        switch self {
        case .sqlite: return ["DRIFT_HISTORY": scratch.appendingPathComponent("history.db").path]
        #if PostgreSQL
        case .postgres:
            let server = try PostgresServer.shared()
            let database = try server.createDatabase()
            return ["DRIFT_HISTORY": server.url(database: database, withPassword: false), "PGPASSWORD": server.password]
        #endif
        }
    }
}
