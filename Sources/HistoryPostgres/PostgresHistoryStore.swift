#if PostgreSQL
import DriftCore
import DriftModel
import Foundation
import History
import PostgresNIO

/// The shared engine: one PostgreSQL database that many scanners (one per shard, on as many
/// machines) write into and every view reads from. The same schema as SQLite (`HistorySchema`),
/// the same `HistoryStore` contract and test suite.
///
/// `HistoryStore` is synchronous (the commands and the SQLite engine are), and postgres-nio is
/// asynchronous: this class is the one place that bridges them. It owns one connection, and each
/// call takes `lock` and waits (`EventLoopFuture.wait()`) for its queries on NIO's own threads, so
/// it never blocks a Swift concurrency thread that NIO would need. Writers of one target queue on
/// a PostgreSQL advisory lock of that target held for the recording transaction ("the previous
/// scan" must be the one committed last); shards recording different targets write at once, and
/// `prune` waits for all of them. Readers never wait for writers.
public final class PostgresHistoryStore: HistoryStore, @unchecked Sendable {
    public let url: PostgresURL
    let connection: PostgresConnection
    let logger: Logger
    /// One query at a time on the connection (a store may be shared by several tasks).
    let lock = NSLock()
    /// A pause inside the recording transaction, as SQLiteHistoryStore's (`DRIFT_TEST_HOLD_HISTORY_WRITE`).
    let holdBeforeCommit: Double

    /// Advisory lock keys (`pg_advisory_xact_lock(key1, key2)`): "drft" and the lock's job.
    static let lockNamespace: Int32 = 0x6472_6674
    static let migrationLock: Int32 = 1
    /// Taken shared by every recording and exclusively by `prune`.
    static let writerLock: Int32 = 2
    /// "drtg" and `hashtext(target)`: one recording per target at a time (a hash collision only
    /// makes two targets queue, never mix).
    static let targetNamespace: Int32 = 0x6472_7467

    /// What a transaction may do, and so which advisory locks it takes first.
    enum Access {
        /// One read-only snapshot; no lock.
        case read
        /// Recording a scan of the target with this key.
        case record(target: String)
        /// Changing any target's scans (`prune`).
        case exclusive
    }

    /// Connects (no TLS; see `PostgresURL.supportedSSLModes`), then migrates the schema.
    public init(url: PostgresURL, password: String?, holdBeforeCommit: Double = 0) throws(HistoryError) {
        self.url = url
        self.holdBeforeCommit = holdBeforeCommit
        var logger = Logger(label: "drift.history.postgres")
        logger.logLevel = .critical
        self.logger = logger
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: password, database: url.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(15)
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            throw .cannotOpen(path: url.redacted, reason: Self.reason(error))
        }
        try migrate()
    }

    /// Closes the connection (postgres-nio requires it before the connection goes away). Waiting
    /// is safe here: a store is never released on one of NIO's event loop threads.
    deinit {
        let closing: EventLoopFuture<Void> = connection.close()
        if !connection.eventLoop.inEventLoop { try? closing.wait() }
    }

    /// Why a query failed, in words a person can act on, never with a password in them: the
    /// server's own message, or the connection's error (postgres-nio's `description` hides both).
    static func reason(_ error: any Error) -> String {
        if let error = error as? HistoryError { return error.description }
        if let error = error as? PSQLError {
            if let info = error.serverInfo, let message = info[.message] {
                return message + (info[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
            }
            if let underlying = error.underlying { return "\(error.code): \(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }

    // MARK: Queries

    /// Runs one statement and collects its rows. Callers hold `lock`.
    @discardableResult
    func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try connection.query(query, logger: logger).wait()
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// A writer first takes its advisory locks (`Access`); reads see one snapshot.
    func transaction<T>(_ doing: String, _ access: Access, _ body: () throws -> T) throws(HistoryError) -> T {
        lock.lock()
        defer { lock.unlock() }
        do {
            let namespace = "\(Self.lockNamespace)", writers = "\(Self.writerLock)"
            switch access {
            case .read:
                try run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            case .record(let target):
                try run("BEGIN")
                try run("""
                    SELECT pg_advisory_xact_lock_shared(\(unescaped: namespace), \(unescaped: writers)),
                        pg_advisory_xact_lock(\(unescaped: "\(Self.targetNamespace)"), hashtext(\(target)))
                    """)
            case .exclusive:
                try run("BEGIN")
                try run("SELECT pg_advisory_xact_lock(\(unescaped: namespace), \(unescaped: writers))")
            }
            do {
                let result = try body()
                try run("COMMIT")
                return result
            } catch {
                _ = try? run("ROLLBACK")
                throw error
            }
        } catch let error as HistoryError {
            throw error
        } catch {
            throw .database(doing: doing, reason: Self.reason(error))
        }
    }

    func read<T>(_ doing: String, _ body: () throws -> T) throws(HistoryError) -> T {
        try transaction(doing, .read, body)
    }

    // MARK: Schema

    /// Applies the migrations this database lacks, in one transaction under an advisory lock, so
    /// eight scanners starting at once against a new database migrate it once. A database
    /// migrated by a newer drift is refused, never rewritten.
    func migrate() throws(HistoryError) {
        lock.lock()
        defer { lock.unlock() }
        do {
            try run("BEGIN")
            do {
                try run("SELECT pg_advisory_xact_lock(\(unescaped: "\(Self.lockNamespace)"), \(unescaped: "\(Self.migrationLock)"))")
                try run("""
                    CREATE TABLE IF NOT EXISTS drift_schema_version (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)
                    """)
                let current = try run("SELECT COALESCE(MAX(version), 0) FROM drift_schema_version").first
                    .map { try $0.decode(Int64.self) } ?? 0
                if current > HistorySchema.latestVersion {
                    throw HistoryError.newerSchema(path: url.redacted, version: Int(current), known: HistorySchema.latestVersion)
                }
                for migration in HistorySchema.migrations where migration.version > current {
                    for statement in HistorySchema.statements(HistorySchema.postgres(migration.sql)) {
                        try run(PostgresQuery(unsafeSQL: statement))
                    }
                    let version = Int64(migration.version)
                    try run("INSERT INTO drift_schema_version (version, applied_at) VALUES (\(version), \(Self.now()))")
                }
                try run("COMMIT")
            } catch {
                _ = try? run("ROLLBACK")
                throw error
            }
        } catch let error as HistoryError {
            throw error
        } catch {
            throw .cannotOpen(path: url.redacted, reason: "migrating the schema: " + Self.reason(error))
        }
    }

    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }

    /// The schema version the database is at (for tests and `history list`'s engine line).
    public func schemaVersion() throws(HistoryError) -> Int {
        try read("reading the schema version") {
            Int(try run("SELECT COALESCE(MAX(version), 0) FROM drift_schema_version").first.map { try $0.decode(Int64.self) } ?? 0)
        }
    }
}
#endif
