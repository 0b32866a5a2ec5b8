import Foundation
import TestSupport
import Testing

/// Each way `drift snapshot` cannot run ends in one clear line on stderr and exit 1, never a trace.
@Suite("drift snapshot refuses bad input in one line")
struct SnapshotBadInputTests {
    let home = FileManager.default.temporaryDirectory.path

    func expectOneLineFailure(_ result: DriftBinary.Result, containing text: String) {
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("drift: error: "))
        #expect(result.stderr.contains(text), "stderr: \(result.stderr)")
    }

    @Test("an unknown --services value")
    func unknownService() throws {
        let result = try DriftBinary.run(
            ["snapshot", "--services", "ec2,lambda"],
            environment: DriftBinary.motoEnvironment(endpoint: "http://127.0.0.1:9", home: home))
        expectOneLineFailure(result, containing: "unknown service 'lambda'")
    }

    @Test("an endpoint nobody listens on")
    func unreachable() throws {
        let port = try MotoServer.freePort()
        let result = try DriftBinary.run(
            ["snapshot", "--services", "dynamodb"],
            environment: DriftBinary.motoEnvironment(endpoint: "http://127.0.0.1:\(port)", home: home))
        expectOneLineFailure(result, containing: "could not list DynamoDB tables")
    }

    @Test("no credentials at all")
    func noCredentials() throws {
        var env = DriftBinary.motoEnvironment(endpoint: "http://127.0.0.1:9", home: home)
        env["AWS_ACCESS_KEY_ID"] = nil
        env["AWS_SECRET_ACCESS_KEY"] = nil
        env["AWS_SHARED_CREDENTIALS_FILE"] = home + "/no-such-credentials"
        env["AWS_CONFIG_FILE"] = home + "/no-such-config"
        let result = try DriftBinary.run(["snapshot", "--services", "s3"], environment: env)
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)")
    }

    @Test("credentials the service rejects (moto with authentication on)")
    func rejectedCredentials() throws {
        let moto = try MotoServer(environment: ["INITIAL_NO_AUTH_ACTION_COUNT": "0"])
        defer { moto.stop() }
        let result = try DriftBinary.run(
            ["snapshot", "--services", "ec2"], environment: DriftBinary.motoEnvironment(endpoint: moto.endpoint, home: home))
        expectOneLineFailure(result, containing: "could not list EC2 instances")
    }

    @Test("a listing answered with something that is not S3 XML")
    func malformedListing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("drift-http-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let port = try MotoServer.freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-m", "http.server", "--bind", "127.0.0.1", String(port), "--directory", dir]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        // SIGKILL: children of the test runner inherit a signal mask that blocks SIGTERM.
        defer { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() }
        for _ in 0..<50 where (try? Data(contentsOf: URL(string: "http://127.0.0.1:\(port)/")!)) == nil {
            Thread.sleep(forTimeInterval: 0.1)
        }
        let result = try DriftBinary.run(
            ["snapshot", "--services", "s3"],
            environment: DriftBinary.motoEnvironment(endpoint: "http://127.0.0.1:\(port)", home: home))
        expectOneLineFailure(result, containing: "could not list S3 buckets")
    }

    @Test("--help reads well and names every option")
    func help() throws {
        let result = try DriftBinary.run(["snapshot", "--help"])
        #expect(result.status == 0)
        for option in ["--services", "--region", "--profile", "--endpoint-url", "--concurrency", "--instance-attributes",
                       "--all-regions", "--out", "--quiet"] {
            #expect(result.stdout.contains(option), "\(option) missing from help")
        }
    }
}
