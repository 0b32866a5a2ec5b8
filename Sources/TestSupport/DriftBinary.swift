import Foundation

/// Runs the built `drift` executable the way a user or CI would, capturing stdout, stderr and the
/// exit code. End-to-end tests assert on these, not on internals.
public enum DriftBinary {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// The `drift` binary next to the test bundle (`.build/<config>/drift`), or `$DRIFT_BIN`.
    public static var path: String {
        if let env = ProcessInfo.processInfo.environment["DRIFT_BIN"] { return env }
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("drift").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return ".build/debug/drift"
    }

    /// Runs drift with `arguments`; `environment` replaces AWS_* variables of the test process, so
    /// the developer's own credentials never reach a test.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], currentDirectory: String? = nil,
        stdin: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes concurrently so a large stdout cannot deadlock against stderr.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    /// Environment for a scan against moto with throwaway credentials and a scratch HOME.
    public static func motoEnvironment(endpoint: String, home: String, region: String? = "us-east-1") -> [String: String] {
        var env = [
            "AWS_ENDPOINT_URL": endpoint, "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
            "AWS_EC2_METADATA_DISABLED": "true", "HOME": home,
        ]
        if let region { env["AWS_REGION"] = region }
        return env
    }
}
