import Foundation

/// A TCP server on 127.0.0.1 that reads each request and resets the connection (RST, not FIN):
/// the "connection reset by peer" a proxy or a load balancer produces, which moto cannot.
/// It counts the connections it accepted, so tests can assert how many attempts reached it.
public final class ResetServer: @unchecked Sendable {
    public let endpoint: String
    private let process: Process
    private let countFile: URL

    public init() throws {
        let port = try MotoServer.freePort()
        endpoint = "http://127.0.0.1:\(port)"
        countFile = FileManager.default.temporaryDirectory.appendingPathComponent("drift-reset-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: countFile.path, contents: Data())
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            """
            import socket, struct, sys
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", \(port))); s.listen(64)
            print("ready", flush=True)
            while True:
                c, _ = s.accept()
                with open(sys.argv[1], "a") as f: f.write("c\\n")
                try: c.recv(65536)
                except OSError: pass
                c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)); c.close()
            """,
            countFile.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        _ = pipe.fileHandleForReading.availableData  // "ready": the socket listens
    }

    /// Connections accepted so far.
    public var connections: Int {
        ((try? String(contentsOf: countFile, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    public func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: countFile)
    }
}
