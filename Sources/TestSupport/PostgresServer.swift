import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A real PostgreSQL 15 server (Debian's package) for one test process: `initdb` into a
/// temporary directory and `pg_ctl start` on a free 127.0.0.1 port, password authentication
/// (SCRAM) over TCP, stopped by `stop()` (or when the process exits, for `shared`).
///
/// PostgreSQL refuses to run as root, and CI runs the tests as root: then the server's files
/// belong to, and its programs run as, the unprivileged `nobody` (through `setpriv`).
public final class PostgresServer: @unchecked Sendable {
    public let port: Int
    public let user = "drift"
    /// The superuser's password (random per server): tests pass it in a URL or `PGPASSWORD`.
    public let password: String
    public let directory: URL
    let binaries: URL
    let runAs: (uid: UInt32, gid: UInt32)?
    private let lock = NSLock()
    private var stopped = false
    private var databases = 0

    public enum StartError: Error, CustomStringConvertible {
        case notInstalled(String)
        case failed(String)
        public var description: String {
            switch self {
            case .notInstalled(let why): return "PostgreSQL is not installed (\(why)): run scripts/bootstrap"
            case .failed(let why): return "PostgreSQL did not start: \(why)"
            }
        }
    }

    /// The directory with `initdb` and `pg_ctl`: `$DRIFT_PG_BIN`, else Debian's
    /// /usr/lib/postgresql/15/bin (the newest version there if 15 is absent).
    public static func binaryDirectory() throws -> URL {
        if let env = ProcessInfo.processInfo.environment["DRIFT_PG_BIN"], !env.isEmpty { return URL(fileURLWithPath: env) }
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        guard let version = versions.contains(15) ? 15 : versions.last else { throw StartError.notInstalled("no \(root)/15/bin") }
        return URL(fileURLWithPath: "\(root)/\(version)/bin")
    }

    public init() throws {
        binaries = try Self.binaryDirectory()
        port = try MotoServer.freePort()
        password = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        runAs = geteuid() == 0 ? (65534, 65534) : nil  // nobody:nogroup
        // Under /tmp, not $TMPDIR: the unprivileged user must be able to reach it.
        let base = runAs == nil ? FileManager.default.temporaryDirectory : URL(fileURLWithPath: "/tmp")
        directory = base.appendingPathComponent("drift-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let passwordFile = directory.appendingPathComponent("pwfile")
        try Data((password + "\n").utf8).write(to: passwordFile)
        if let runAs {
            for path in [directory.path, passwordFile.path] {
                guard chown(path, runAs.uid, runAs.gid) == 0 else { throw StartError.failed("chown \(path) failed") }
            }
        }
        let data = directory.appendingPathComponent("data").path
        let initdb = try run("initdb", [
            "-D", data, "-U", user, "--pwfile", passwordFile.path, "--auth-host=scram-sha-256", "--auth-local=trust",
            "--encoding=UTF8", "--locale=C", "--no-sync",
        ])
        guard initdb.status == 0 else { throw StartError.failed("initdb: \(initdb.output)") }
        let options = "-p \(port) -c listen_addresses=127.0.0.1 -k \(directory.path) -c fsync=off -c max_connections=60"
        let start = try run("pg_ctl", ["-D", data, "-l", directory.appendingPathComponent("server.log").path, "-o", options, "-w", "-t", "60", "start"])
        guard start.status == 0 else {
            let log = (try? String(contentsOf: directory.appendingPathComponent("server.log"), encoding: .utf8)) ?? ""
            throw StartError.failed("pg_ctl start: \(start.output) \(log)")
        }
    }

    deinit { stop() }

    /// One server for the whole test process, stopped when the process exits.
    public static func shared() throws -> PostgresServer {
        try sharedLock.withLock {
            if let server = sharedServer { return server }
            let server = try PostgresServer()
            sharedServer = server
            atexit { PostgresServer.sharedServer?.stop() }
            return server
        }
    }

    nonisolated(unsafe) static var sharedServer: PostgresServer?
    static let sharedLock = NSLock()

    /// Stops the server (fast shutdown) and removes its files.
    public func stop() {
        let first = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        _ = try? run("pg_ctl", ["-D", directory.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// A new, empty database; its name.
    public func createDatabase() throws -> String {
        let name = lock.withLock { () -> String in
            databases += 1
            return "drift_test_\(databases)"
        }
        let result = try run("createdb", ["-h", directory.path, "-p", String(port), "-U", user, name])
        guard result.status == 0 else { throw StartError.failed("createdb: \(result.output)") }
        return name
    }

    /// `postgres://drift[:password]@127.0.0.1:PORT/database`.
    public func url(database: String, withPassword: Bool = true) -> String {
        "postgres://\(user)\(withPassword ? ":" + password : "")@127.0.0.1:\(port)/\(database)"
    }

    /// Runs one of PostgreSQL's programs (as the unprivileged user when the tests run as root).
    func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        let executable = binaries.appendingPathComponent(program).path
        guard FileManager.default.isExecutableFile(atPath: executable) else { throw StartError.notInstalled("no \(executable)") }
        if let runAs {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(runAs.uid)", "--regid=\(runAs.gid)", "--clear-groups", "--", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        environment["PGPASSWORD"] = password
        process.environment = environment
        process.currentDirectoryURL = directory
        // Into a file, not a pipe: pg_ctl's server keeps the pipe open: read what the program wrote once it exits.
        let file = directory.appendingPathComponent("\(program).out")
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else { throw StartError.failed("cannot write \(file.path)") }
        let handle = try FileHandle(forWritingTo: file)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try? handle.close()
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return (process.terminationStatus, text)
    }
}
