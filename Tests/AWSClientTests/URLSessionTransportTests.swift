import AWSClient
import Foundation
import TestSupport
import Testing

/// The real transport against a tiny local HTTP server that answers like S3 does for a bucket in
/// another region: a 307 with a `Location` header. URLSession must hand it back, not follow it.
@Suite("URLSession transport")
struct URLSessionTransportTests {
    @Test("redirects are returned to the client, not followed")
    func noRedirects() async throws {
        let port = try MotoServer.freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = [
            "python3", "-c",
            """
            import http.server
            class H(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    if self.path.startswith("/moved"):
                        self.send_response(307)
                        self.send_header("Location", "http://127.0.0.1:\(port)/elsewhere")
                        self.send_header("x-amz-bucket-region", "eu-west-1")
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                    else:
                        body = b"<Ok/>"
                        self.send_response(200)
                        self.send_header("Content-Length", str(len(body)))
                        self.end_headers()
                        self.wfile.write(body)
                def log_message(self, *args): pass
            http.server.HTTPServer(("127.0.0.1", \(port)), H).serve_forever()
            """,
        ]
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        let transport = URLSessionTransport()
        var ready: AWSResponse?
        for _ in 0..<50 where ready == nil {
            ready = try? await transport.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port)/ping", timeout: 1))
            if ready == nil { try await Task.sleep(nanoseconds: 100_000_000) }
        }
        #expect(ready?.status == 200)
        let moved = try await transport.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port)/moved", timeout: 5))
        #expect(moved.status == 307)
        #expect(moved.headers["x-amz-bucket-region"] == "eu-west-1")
        #expect(moved.headers["location"] == "http://127.0.0.1:\(port)/elsewhere")
    }
}
