import DriftModel
import Foundation

/// ECS/EKS Pod Identity container credentials: `AWS_CONTAINER_CREDENTIALS_FULL_URI`, or
/// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` on `http://169.254.170.2`, with the optional
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN` / `_TOKEN_FILE` header.
public struct ContainerCredentialProvider: CredentialProvider {
    public var context: CredentialContext
    public let name = "container credentials"

    public init(context: CredentialContext) { self.context = context }

    public func credentials() async throws -> Credentials {
        let env = context.environment
        let url: String
        if let relative = env["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"], !relative.isEmpty {
            url = "http://169.254.170.2" + (relative.hasPrefix("/") ? relative : "/" + relative)
        } else if let full = env["AWS_CONTAINER_CREDENTIALS_FULL_URI"], !full.isEmpty {
            url = full
        } else {
            throw AWSError.credentialsNotFound(name, "AWS_CONTAINER_CREDENTIALS_*_URI not set")
        }
        var headers: [String: String] = ["accept": "application/json"]
        if let file = env["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"], !file.isEmpty {
            guard let token = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw AWSError.credentialsFailed(name, "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(file)")
            }
            headers["authorization"] = token.trimmingCharacters(in: .whitespacesAndNewlines)
        } else if let token = env["AWS_CONTAINER_AUTHORIZATION_TOKEN"], !token.isEmpty {
            headers["authorization"] = token
        }
        let response: AWSResponse
        do {
            response = try await context.transport.send(
                HTTPRequest(method: "GET", url: url, headers: headers, timeout: min(context.timeout, 5)))
        } catch {
            throw AWSError.credentialsFailed(name, "no answer from \(url): \(error)")
        }
        guard response.status == 200 else {
            throw AWSError.credentialsFailed(name, "\(url) answered HTTP \(response.status)")
        }
        return try MetadataCredentials.read(response.body, provider: name)
    }
}

/// The JSON document the container and instance metadata services return.
enum MetadataCredentials {
    static func read(_ body: Data, provider: String) throws -> Credentials {
        guard let json = try? JSONParser.parse(bytes: Array(body)), let id = json["AccessKeyId"]?.stringValue,
            let secret = json["SecretAccessKey"]?.stringValue
        else {
            throw AWSError.credentialsFailed(provider, "the credentials document has no AccessKeyId/SecretAccessKey")
        }
        return Credentials(
            accessKeyID: id, secretAccessKey: secret, sessionToken: json["Token"]?.stringValue,
            expiration: json["Expiration"]?.stringValue.flatMap(ISO8601.parse), source: provider)
    }
}
