import Foundation

/// EC2 instance role credentials through IMDSv2: a session token from `PUT /latest/api/token`,
/// then the role name and its credentials. Skipped when `AWS_EC2_METADATA_DISABLED=true`; a
/// short timeout so that a laptop without the service fails fast.
public struct InstanceMetadataCredentialProvider: CredentialProvider {
    public var context: CredentialContext
    /// Seconds per metadata request.
    public var timeout: Double
    public let name = "EC2 instance metadata"

    public init(context: CredentialContext, timeout: Double = 1) {
        self.context = context
        self.timeout = timeout
    }

    public func credentials() async throws -> Credentials {
        let env = context.environment
        if env["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" {
            throw AWSError.credentialsNotFound(name, "disabled by AWS_EC2_METADATA_DISABLED")
        }
        var base = env["AWS_EC2_METADATA_SERVICE_ENDPOINT"] ?? "http://169.254.169.254"
        while base.hasSuffix("/") { base.removeLast() }
        let token = try await fetch(
            "PUT", base + "/latest/api/token", headers: ["x-aws-ec2-metadata-token-ttl-seconds": "21600"])
        let auth = ["x-aws-ec2-metadata-token": String(decoding: token, as: UTF8.self)]
        let roles = try await fetch("GET", base + "/latest/meta-data/iam/security-credentials/", headers: auth)
        guard let role = String(decoding: roles, as: UTF8.self).split(whereSeparator: \.isNewline).first else {
            throw AWSError.credentialsNotFound(name, "the instance has no IAM role")
        }
        let document = try await fetch("GET", base + "/latest/meta-data/iam/security-credentials/\(role)", headers: auth)
        return try MetadataCredentials.read(document, provider: name)
    }

    private func fetch(_ method: String, _ url: String, headers: [String: String]) async throws -> Data {
        let transport = context.transport
        let request = HTTPRequest(method: method, url: url, headers: headers, timeout: timeout)
        let timeout = self.timeout
        let response: AWSResponse?
        do {
            response = try await withThrowingTaskGroup(of: AWSResponse?.self) { group in
                group.addTask { try await transport.send(request) }
                group.addTask {
                    try await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
                    return nil
                }
                defer { group.cancelAll() }
                return try await group.next() ?? nil
            }
        } catch {
            throw AWSError.credentialsNotFound(name, "no answer at \(url)")
        }
        guard let response else {
            throw AWSError.credentialsNotFound(name, "no answer within \(timeout) s")
        }
        guard response.status == 200 else {
            throw AWSError.credentialsNotFound(name, "\(url) answered HTTP \(response.status)")
        }
        return response.body
    }
}
