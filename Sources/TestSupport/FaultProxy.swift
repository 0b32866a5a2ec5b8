import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real HTTP proxy on 127.0.0.1 in front of a real `moto_server`, for the failures moto cannot
/// make: moto assumes every role and serves every region. It answers
/// - STS `AssumeRole` of a denied role ARN with STS's `AccessDenied` (HTTP 403, `ErrorResponse`);
/// - any request signed for a disabled region as AWS answers for an opt-in region that the account
///   has not enabled (the credentials are unknown there): EC2 `AuthFailure` (401), S3
///   `InvalidAccessKeyId` (403), DynamoDB `UnrecognizedClientException` (400), STS and the other
///   Query services `InvalidClientTokenId` (403);
///
/// and forwards everything else to moto unchanged. The region and service come from the SigV4
/// credential scope, as AWS routes them. Every request is logged (`requests`) with its service,
/// region, action, the AssumeRole parameters and the access key it was signed with, so tests can
/// check which credentials each call used. Faults can be changed while it runs (`configure`), so
/// one proxy serves a suite.
public final class FaultProxy: @unchecked Sendable {
    public let port: Int
    public let endpoint: String
    private let process: Process
    private let log: URL

    /// One request as the proxy saw it, and the status it answered.
    public struct Request: Sendable, Hashable {
        public var method: String
        public var service: String?
        public var region: String?
        /// `Action` (Query protocols) or the `X-Amz-Target` operation (JSON protocols).
        public var action: String?
        /// The access key id of the SigV4 credential scope.
        public var accessKeyID: String?
        public var roleARN: String?
        public var externalID: String?
        public var sessionName: String?
        public var durationSeconds: String?
        public var status: Int
        /// True when the proxy answered itself instead of forwarding to moto.
        public var injected: Bool
    }

    /// Starts the proxy in front of `upstream` (`http://127.0.0.1:PORT`, moto's endpoint).
    /// `deniedActions`: API actions (`DescribeSecurityGroups`) answered 403 UnauthorizedOperation,
    /// as EC2 answers a caller whose policy leaves them out.
    public init(
        upstream: String, deniedRoles: Set<String> = [], disabledRegions: Set<String> = [], deniedActions: Set<String> = []
    ) throws {
        guard let url = URL(string: upstream), let host = url.host, let upstreamPort = url.port else {
            throw MotoServer.StartError.didNotStart("the fault proxy needs an http://host:port upstream, not \(upstream)")
        }
        port = try MotoServer.freePort()
        endpoint = "http://127.0.0.1:\(port)"
        log = FileManager.default.temporaryDirectory.appendingPathComponent("fault-proxy-\(UUID().uuidString).jsonl")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let config = FaultProxy.configJSON(
            deniedRoles: deniedRoles, disabledRegions: disabledRegions, deniedActions: deniedActions)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", FaultProxy.script, String(port), host, String(upstreamPort), log.path, config]
        process.environment = ProjectEnvironment.environment()
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let ready = pipe.fileHandleForReading.availableData  // "ready": the socket listens
        guard String(decoding: ready, as: UTF8.self).hasPrefix("ready") else {
            stop()
            throw MotoServer.StartError.didNotStart("the fault proxy did not start on port \(port)")
        }
    }

    deinit { stop() }

    public func stop() {
        if process.isRunning {
            // SIGKILL, as for moto: a child of the test runner does not see SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: log)
    }

    /// Replaces the faults (and clears nothing else): later requests see the new ones.
    public func configure(
        deniedRoles: Set<String> = [], disabledRegions: Set<String> = [], deniedActions: Set<String> = []
    ) throws {
        guard let url = URL(string: endpoint + "/__fault-proxy/config") else { return }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data(FaultProxy.configJSON(
            deniedRoles: deniedRoles, disabledRegions: disabledRegions, deniedActions: deniedActions).utf8)
        _ = try MotoServer.syncRequest(request)
    }

    /// Forgets the requests logged so far.
    public func clearLog() {
        try? Data().write(to: log)
    }

    /// Every request so far, in the order they were answered.
    public var requests: [Request] {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard let doc = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let method = doc["method"] as? String, let status = doc["status"] as? Int
            else { return nil }
            return Request(
                method: method, service: doc["service"] as? String, region: doc["region"] as? String,
                action: doc["action"] as? String, accessKeyID: doc["accessKeyId"] as? String,
                roleARN: doc["roleArn"] as? String, externalID: doc["externalId"] as? String,
                sessionName: doc["sessionName"] as? String, durationSeconds: doc["durationSeconds"] as? String,
                status: status, injected: doc["injected"] as? Bool ?? false)
        }
    }

    static func configJSON(deniedRoles: Set<String>, disabledRegions: Set<String>, deniedActions: Set<String> = []) -> String {
        let doc: [String: [String]] = [
            "deniedRoles": deniedRoles.sorted(), "disabledRegions": disabledRegions.sorted(),
            "deniedActions": deniedActions.sorted(),
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The proxy: a threading HTTP/1.1 server; argv = port, upstream host, upstream port, log, config.
    static let script = #"""
        import http.client, http.server, json, re, sys, threading, urllib.parse, uuid
        port, up_host, up_port, log_path = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
        config = json.loads(sys.argv[5])
        lock = threading.Lock()
        SCOPE = re.compile(r"Credential=([^/,\s]+)/\d{8}/([^/]+)/([^/]+)/aws4_request")
        STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/"

        def sts_error(code, message):
            return ("<ErrorResponse xmlns=\"%s\"><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message>"
                    "</Error><RequestId>%s</RequestId></ErrorResponse>" % (STS_NS, code, message, uuid.uuid4()))

        def not_enabled(service, key):
            # The region's IAM does not know the account's credentials: each service's own answer.
            rid = str(uuid.uuid4())
            if service == "ec2":
                return 401, "text/xml;charset=UTF-8", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error>"
                    "<Code>AuthFailure</Code><Message>AWS was not able to validate the provided access credentials</Message>"
                    "</Error></Errors><RequestID>%s</RequestID></Response>" % rid)
            if service == "s3":
                return 403, "application/xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InvalidAccessKeyId</Code>"
                    "<Message>The AWS Access Key Id you provided does not exist in our records.</Message>"
                    "<AWSAccessKeyId>%s</AWSAccessKeyId><RequestId>%s</RequestId><HostId>%s</HostId></Error>"
                    % (key or "", rid[:16].upper(), rid))
            if service == "dynamodb":
                return 400, "application/x-amz-json-1.0", json.dumps({
                    "__type": "com.amazon.coral.service#UnrecognizedClientException",
                    "message": "The security token included in the request is invalid."})
            return 403, "text/xml", sts_error("InvalidClientTokenId", "The security token included in the request is invalid.")

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def read_body(self):
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    chunks = b""
                    while True:
                        size = int(self.rfile.readline().strip().split(b";")[0], 16)
                        if size == 0:
                            self.rfile.readline()
                            return chunks
                        chunks += self.rfile.read(size)
                        self.rfile.readline()
                length = int(self.headers.get("Content-Length") or 0)
                return self.rfile.read(length) if length else b""

            def answer(self, status, headers, body):
                self.send_response_only(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def handle_any(self):
                global config
                body = self.read_body()
                if self.path == "/__fault-proxy/config":
                    with lock:
                        config = json.loads(body.decode())
                    return self.answer(200, [], b"ok")
                match = SCOPE.search(self.headers.get("Authorization", ""))
                key, region, service = match.groups() if match else (None, None, None)
                params = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
                if "x-www-form-urlencoded" in self.headers.get("Content-Type", ""):
                    params.update(urllib.parse.parse_qsl(body.decode("utf-8", "replace")))
                target = self.headers.get("X-Amz-Target")
                action = params.get("Action") or (target.split(".")[-1] if target else None)
                entry = {"method": self.command, "service": service, "region": region, "action": action,
                         "accessKeyId": key}
                if action == "AssumeRole":
                    for field, name in [("roleArn", "RoleArn"), ("externalId", "ExternalId"),
                                        ("sessionName", "RoleSessionName"), ("durationSeconds", "DurationSeconds")]:
                        if name in params:
                            entry[field] = params[name]
                with lock:
                    denied, disabled = set(config.get("deniedRoles", [])), set(config.get("disabledRegions", []))
                    denied_actions = set(config.get("deniedActions", []))
                if action in denied_actions:
                    entry.update(status=403, injected=True)
                    self.record(entry)
                    text = ("<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized "
                            "to perform this operation.</Message></Error></Errors><RequestID>%s</RequestID></Response>"
                            % uuid.uuid4())
                    return self.answer(403, [("Content-Type", "text/xml")], text.encode())
                if region in disabled:
                    status, ctype, text = not_enabled(service, key)
                    entry.update(status=status, injected=True)
                    self.record(entry)
                    return self.answer(status, [("Content-Type", ctype)], text.encode())
                if service == "sts" and action == "AssumeRole" and params.get("RoleArn") in denied:
                    message = ("User: arn:aws:iam::123456789012:user/drift-scanner is not authorized to perform: "
                               "sts:AssumeRole on resource: %s" % params["RoleArn"])
                    entry.update(status=403, injected=True)
                    self.record(entry)
                    return self.answer(403, [("Content-Type", "text/xml")], sts_error("AccessDenied", message).encode())
                upstream = http.client.HTTPConnection(up_host, up_port, timeout=120)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "transfer-encoding", "content-length")}
                if body or self.command in ("POST", "PUT"):
                    headers["Content-Length"] = str(len(body))
                upstream.request(self.command, self.path, body=body, headers=headers)
                response = upstream.getresponse()
                data = response.read()
                upstream.close()
                entry.update(status=response.status, injected=False)
                self.record(entry)
                passed = [(k, v) for k, v in response.getheaders()
                          if k.lower() not in ("connection", "transfer-encoding", "content-length", "date", "server")]
                if self.command == "HEAD":
                    length = response.getheader("Content-Length")
                    self.send_response_only(response.status)
                    for name, value in passed:
                        self.send_header(name, value)
                    self.send_header("Content-Length", length or "0")
                    return self.end_headers()
                self.answer(response.status, passed, data)

            def record(self, entry):
                with lock:
                    with open(log_path, "a") as f:
                        f.write(json.dumps(entry) + "\n")

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = handle_any

        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        server.daemon_threads = True
        print("ready", flush=True)
        server.serve_forever()
        """#
}
