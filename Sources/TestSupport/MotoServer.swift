import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real `moto_server` on a free 127.0.0.1 port, owned by one test (or suite) and stopped with it.
///
/// Tests talk to AWS APIs through this, never through a hand-written fake of an API moto serves.
public final class MotoServer: @unchecked Sendable {
    public let port: Int
    public let endpoint: String
    private let process: Process

    public enum StartError: Error, CustomStringConvertible {
        case notInstalled
        case didNotStart(String)
        public var description: String {
            switch self {
            case .notInstalled: return "moto_server is not in .venv/bin nor on PATH: run scripts/bootstrap"
            case .didNotStart(let why): return "moto_server did not start: \(why)"
            }
        }
    }

    /// Starts moto; `environment` adds variables such as `INITIAL_NO_AUTH_ACTION_COUNT`.
    public init(environment: [String: String] = [:]) throws {
        let port = try MotoServer.freePort()
        self.port = port
        self.endpoint = "http://127.0.0.1:\(port)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [ProjectEnvironment.tool("moto_server"), "-H", "127.0.0.1", "-p", String(port)]
        process.environment = ProjectEnvironment.environment(adding: environment)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw StartError.notInstalled }
        self.process = process
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if !process.isRunning { throw StartError.didNotStart("exited with \(process.terminationStatus)") }
            if MotoServer.isUp(port: port) { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        kill(process.processIdentifier, SIGKILL)
        throw StartError.didNotStart("no answer on port \(port) within 30 s")
    }

    deinit { stop() }

    public func stop() {
        if process.isRunning {
            // SIGKILL, not terminate(): the test runner's threads block SIGTERM and a spawned child
            // inherits that mask, so moto never saw SIGTERM and waitUntilExit() hung forever.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Wipes every resource (moto's reset API) so that one server can serve several tests.
    public func reset() throws {
        guard let url = URL(string: endpoint + "/moto-api/reset") else { throw StartError.didNotStart("bad endpoint \(endpoint)") }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        _ = try MotoServer.syncRequest(request)
    }

    static func isUp(port: Int) -> Bool {
        guard let url = URL(string: "http://127.0.0.1:\(port)/moto-api/") else { return false }
        var request = URLRequest(url: url)
        request.timeoutInterval = 1
        return (try? syncRequest(request)) != nil
    }

    static func syncRequest(_ request: URLRequest) throws -> Data {
        final class Box: @unchecked Sendable { var result: Result<Data, Error> = .failure(URLError(.unknown)) }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, _, error in
            if let error { box.result = .failure(error) } else { box.result = .success(data ?? Data()) }
            done.signal()
        }.resume()
        done.wait()
        return try box.result.get()
    }

    /// A port the kernel says is free right now.
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw StartError.didNotStart("socket() failed") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) }
        }
        guard bound == 0 else { throw StartError.didNotStart("bind() failed") }
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
