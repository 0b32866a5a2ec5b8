import DriftModel
import Foundation

/// A profile's `credential_process`: runs the command through `/bin/sh -c` and reads the JSON it
/// prints (`{"Version": 1, "AccessKeyId": ..., "SecretAccessKey": ..., "SessionToken": ...,
/// "Expiration": ...}`), as documented for the AWS CLI.
///
/// Failures name the profile and the exit status only: the command line may carry a token and
/// the helper's output (stdout or stderr) may carry the very secrets it was asked for, so
/// neither is ever echoed.
public struct ProcessCredentialProvider: CredentialProvider {
    public var command: String
    public var environment: [String: String]
    /// The profile whose `credential_process` this is, named in errors.
    public var profile: String
    public var name: String { "credential_process" }

    public init(command: String, environment: [String: String], profile: String = "default") {
        self.command = command
        self.environment = environment
        self.profile = profile
    }

    public func credentials() async throws -> Credentials {
        let (status, output, _) = try await run()
        let what = "the credential_process of profile \(profile)"
        guard status == 0 else {
            throw AWSError.credentialsFailed(name, "\(what) exited with status \(status)")
        }
        guard let json = try? JSONParser.parse(output) else {
            throw AWSError.credentialsFailed(name, "\(what) did not print JSON")
        }
        if let version = json["Version"]?.numberValue, version != 1 {
            throw AWSError.credentialsFailed(name, "\(what) printed unsupported Version \(Int(version))")
        }
        guard let id = json["AccessKeyId"]?.stringValue, let secret = json["SecretAccessKey"]?.stringValue else {
            throw AWSError.credentialsFailed(name, "\(what) printed no AccessKeyId/SecretAccessKey")
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
        let profile = self.profile
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
                    continuation.resume(
                        throwing: AWSError.credentialsFailed(name, "the credential_process of profile \(profile) could not be started"))
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
