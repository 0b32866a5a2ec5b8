import DriftModel
import Foundation

/// A profile's `credential_process`: runs the command through `/bin/sh -c` and reads the JSON it
/// prints (`{"Version": 1, "AccessKeyId": ..., "SecretAccessKey": ..., "SessionToken": ...,
/// "Expiration": ...}`), as documented for the AWS CLI.
public struct ProcessCredentialProvider: CredentialProvider {
    public var command: String
    public var environment: [String: String]
    public var name: String { "credential_process" }

    public init(command: String, environment: [String: String]) {
        self.command = command
        self.environment = environment
    }

    public func credentials() async throws -> Credentials {
        let (status, output, errors) = try await run()
        guard status == 0 else {
            let detail = errors.trimmingCharacters(in: .whitespacesAndNewlines)
            throw AWSError.credentialsFailed(
                name, "`\(command)` exited with status \(status)" + (detail.isEmpty ? "" : ": \(detail)"))
        }
        guard let json = try? JSONParser.parse(output) else {
            throw AWSError.credentialsFailed(name, "`\(command)` did not print JSON")
        }
        if let version = json["Version"]?.numberValue, version != 1 {
            throw AWSError.credentialsFailed(name, "`\(command)` printed unsupported Version \(Int(version))")
        }
        guard let id = json["AccessKeyId"]?.stringValue, let secret = json["SecretAccessKey"]?.stringValue else {
            throw AWSError.credentialsFailed(name, "`\(command)` printed no AccessKeyId/SecretAccessKey")
        }
        return Credentials(
            accessKeyID: id, secretAccessKey: secret, sessionToken: json["SessionToken"]?.stringValue,
            expiration: json["Expiration"]?.stringValue.flatMap(ISO8601.parse), source: name)
    }

    /// Runs the command off the cooperative pool (Process and pipe reads block).
    private func run() async throws -> (Int32, String, String) {
        let command = self.command
        let environment = self.environment
        let name = self.name
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", command]
                process.environment = environment
                let out = Pipe()
                let err = Pipe()
                process.standardOutput = out
                process.standardError = err
                do { try process.run() } catch {
                    continuation.resume(throwing: AWSError.credentialsFailed(name, "cannot run `\(command)`: \(error)"))
                    return
                }
                let errReader = DispatchQueue(label: "drift.credential_process.stderr")
                nonisolated(unsafe) var errData = Data()
                let group = DispatchGroup()
                errReader.async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
                let outData = out.fileHandleForReading.readDataToEndOfFile()
                group.wait()
                process.waitUntilExit()
                continuation.resume(
                    returning: (
                        process.terminationStatus, String(decoding: outData, as: UTF8.self),
                        String(decoding: errData, as: UTF8.self)
                    ))
            }
        }
    }
}
