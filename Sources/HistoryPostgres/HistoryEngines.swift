import Foundation
import History

/// Opens the history a `--history` text names, on the engine it names. The one place that knows
/// which engines this build has: PostgreSQL only with the `PostgreSQL` package trait
/// (`swift build --traits PostgreSQL`; scripts/test and scripts/release turn it on).
public enum HistoryEngines {
    /// Whether this build can open `postgres://` histories.
    public static var hasPostgreSQL: Bool {
        #if PostgreSQL
        return true
        #else
        return false
        #endif
    }

    /// A store for `location`. `environment` gives `PGPASSWORD` when the URL has no password;
    /// `holdBeforeCommit` is the tests' pause inside the recording transaction.
    public static func open(
        _ location: HistoryLocation, environment: [String: String] = ProcessInfo.processInfo.environment,
        holdBeforeCommit: Double = 0
    ) throws(HistoryError) -> any HistoryStore {
        switch location {
        case .sqlite(let path):
            return try SQLiteHistoryStore(path: path, holdBeforeCommit: holdBeforeCommit)
        case .postgres(let url):
            #if PostgreSQL
            return try PostgresHistoryStore(
                url: url, password: url.resolvedPassword(environment: environment), holdBeforeCommit: holdBeforeCommit)
            #else
            throw .cannotOpen(
                path: url.redacted,
                reason: "this drift was built without PostgreSQL support (build with `swift build --traits PostgreSQL`, "
                    + "or use a release from scripts/release)")
            #endif
        }
    }
}
