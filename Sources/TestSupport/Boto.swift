import Foundation

/// Runs a short Python/boto3 script against a moto endpoint to create test resources, the way an
/// engineer would with the AWS CLI. boto3 is independent of drift's own wire layer, so a seeding
/// bug cannot hide a client bug.
public enum Boto {
    public struct Failure: Error, CustomStringConvertible {
        public let status: Int32
        public let stderr: String
        public var description: String { "python seeding script failed (\(status)): \(stderr)" }
    }

    /// `script` sees `ep` (endpoint), `region`, and `client(name, region=None)`; stdout is returned.
    @discardableResult
    public static func run(_ script: String, endpoint: String, region: String = "us-east-1") throws -> String {
        let prelude = """
            import boto3, json, os, sys
            ep = \(String(reflecting: endpoint))
            region = \(String(reflecting: region))
            def client(name, region=region):
                return boto3.client(name, region_name=region, endpoint_url=ep,
                                    aws_access_key_id="test", aws_secret_access_key="test")

            """
        return try runPython(prelude + script)
    }

    public static func runPython(_ code: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [ProjectEnvironment.tool("python3"), "-c", code]
        process.environment = ProjectEnvironment.environment()
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(status: process.terminationStatus, stderr: String(decoding: errData, as: UTF8.self))
        }
        return String(decoding: outData, as: UTF8.self)
    }
}
