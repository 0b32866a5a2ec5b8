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

    /// Runs one of PostgreSQL's programs (as the unprivileged user when the tests run as root),
    /// its output into a file. Through posix_spawn, not `Process`: Foundation learns that a child
    /// ended when every copy of a socket it hands the child is closed, and `pg_ctl start` leaves
    /// the server holding its copy, so `waitUntilExit` never returned. The child gets only
    /// stdin (/dev/null), stdout and stderr, so the server keeps nothing of the test process open.
    func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let executable = binaries.appendingPathComponent(program).path
        guard FileManager.default.isExecutableFile(atPath: executable) else { throw StartError.notInstalled("no \(executable)") }
        var argv = [executable] + arguments
        if let runAs { argv = ["/usr/bin/setpriv", "--reuid=\(runAs.uid)", "--regid=\(runAs.gid)", "--clear-groups", "--"] + argv }
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        environment["PGPASSWORD"] = password
        let outputPath = directory.appendingPathComponent("\(program).out").path
        let status = try Self.spawnAndWait(argv, environment: environment, directory: directory.path, output: outputPath)
        return (status, (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")
    }

    static func spawnAndWait(_ argv: [String], environment: [String: String], directory: String, output: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // glibc 2.29 and 2.34 have these two, but Swift's Glibc module does not import them.
        typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
        typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        let handle = dlopen(nil, RTLD_NOW)
        guard let chdirSymbol = dlsym(handle, "posix_spawn_file_actions_addchdir_np"),
            let closefromSymbol = dlsym(handle, "posix_spawn_file_actions_addclosefrom_np")
        else { throw StartError.failed("this C library lacks posix_spawn_file_actions_addclosefrom_np (glibc 2.34+)") }
        _ = unsafeBitCast(chdirSymbol, to: AddChdir.self)(&actions, directory)
        _ = unsafeBitCast(closefromSymbol, to: AddClosefrom.self)(&actions, 3)
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArgs, cEnv)
        guard spawned == 0 else { throw StartError.failed("cannot run \(argv[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw StartError.failed("waitpid: \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
