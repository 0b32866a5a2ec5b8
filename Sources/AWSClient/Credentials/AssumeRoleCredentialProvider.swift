import Foundation

/// STS AssumeRole with another provider's credentials: a profile's `role_arn` + `source_profile`,
/// or the provider block's `assume_role`.
public struct AssumeRoleCredentialProvider: CredentialProvider {
    public var roleARN: String
    public var sessionName: String
    public var externalID: String?
    public var durationSeconds: Int?
    public var source: any CredentialProvider
    public var context: CredentialContext

    public init(
        roleARN: String, sessionName: String? = nil, externalID: String? = nil, durationSeconds: Int? = nil,
        source: any CredentialProvider, context: CredentialContext
    ) {
        self.roleARN = roleARN
        self.sessionName = sessionName ?? AssumeRoleCredentialProvider.defaultSessionName()
        self.externalID = externalID
        self.durationSeconds = durationSeconds
        self.source = source
        self.context = context
    }

    public var name: String { "assume role \(roleARN)" }

    public func credentials() async throws -> Credentials {
        let client = AWSClient(
            metrics: context.metrics ?? RequestMetrics(),
            configuration: .init(
                region: context.region, endpoints: context.endpoints, credentials: source, transport: context.transport,
                retryPolicy: RetryPolicy(maxAttempts: 3), timeout: context.timeout))
        var parameters = ["RoleArn": roleARN, "RoleSessionName": sessionName]
        if let externalID { parameters["ExternalId"] = externalID }
        if let durationSeconds { parameters["DurationSeconds"] = String(durationSeconds) }
        // The role as the error's resource: with roles chained, the error says which one failed.
        let tree = try await client.queryDocument(
            .sts, "AssumeRole", version: "2011-06-15", parameters, resource: roleARN, children: [])
        return try STSCredentials.read(tree, result: "AssumeRoleResult", operation: "AssumeRole", source: name)
    }

    static func defaultSessionName() -> String { "drift-\(Int(Date().timeIntervalSince1970))" }
}

/// Reads `<XResult><Credentials>` from an STS answer.
enum STSCredentials {
    static func read(_ tree: XMLTree, result: String, operation: String, source: String) throws -> Credentials {
        guard let node = tree.at("\(result)/Credentials"), let id = node.string("AccessKeyId"),
            let secret = node.string("SecretAccessKey")
        else {
            throw AWSError(
                service: "sts", operation: operation, code: "MalformedResponse",
                message: "no \(result)/Credentials in the STS answer")
        }
        return Credentials(
            accessKeyID: id, secretAccessKey: secret, sessionToken: node.string("SessionToken"),
            expiration: node.string("Expiration").flatMap(ISO8601.parse), source: source)
    }
}
