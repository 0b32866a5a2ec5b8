import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A local HTTP server on 127.0.0.1 that answers POSTs with the given statuses in turn (the last
/// one repeated) and keeps every request body, for notification tests. Started and stopped by
/// the test, like `MotoServer`.
public final class WebhookServer: @unchecked Sendable {
    public let port: Int
    private let process: Process
    private let log: URL

    public init(statuses: [Int] = [200]) throws {
        port = try MotoServer.freePort()
        log = FileManager.default.temporaryDirectory.appendingPathComponent("webhook-\(UUID().uuidString).jsonl")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let script = """
            import http.server, json, sys
            statuses = \(statuses)
            log = sys.argv[2]
            count = [0]
            class H(http.server.BaseHTTPRequestHandler):
                def do_POST(self):
                    body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
                    status = statuses[min(count[0], len(statuses) - 1)]
                    count[0] += 1
                    with open(log, "a") as f:
                        f.write(json.dumps({"path": self.path, "status": status, "body": body}) + "\\n")
                    self.send_response(status)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"ok")
                def log_message(self, *args):
                    pass
            http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
            """
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, String(port), log.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let url = URL(string: "http://127.0.0.1:\(port)/ready") {
                var request = URLRequest(url: url)
                request.timeoutInterval = 1
                if (try? MotoServer.syncRequest(request)) != nil { return }  // any HTTP answer (501 to GET)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw MotoServer.StartError.didNotStart("the webhook server did not answer on port \(port)")
    }

    deinit { stop() }

    public func stop() {
        if process.isRunning {
            // SIGKILL, as for moto: a child of the test runner does not see SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Every request received so far: path, the status answered, the body.
    public var requests: [(path: String, status: Int, body: String)] {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard let data = line.data(using: .utf8),
                let doc = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let path = doc["path"] as? String, let status = doc["status"] as? Int, let body = doc["body"] as? String
            else { return nil }
            return (path, status, body)
        }
    }
}
