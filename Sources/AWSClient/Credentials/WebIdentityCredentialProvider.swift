import Foundation

/// STS AssumeRoleWithWebIdentity with an OIDC token read from a file: how CI systems (GitHub
/// Actions, EKS service accounts) get AWS access. The call itself is unsigned.
///
/// From the environment (`AWS_WEB_IDENTITY_TOKEN_FILE`, `AWS_ROLE_ARN`, `AWS_ROLE_SESSION_NAME`)
/// or a profile's `web_identity_token_file` and `role_arn`.
public struct WebIdentityCredentialProvider: CredentialProvider {
    public var tokenFile: String?
    public var roleARN: String?
    public var sessionName: String?
    public var context: CredentialContext
    public let name = "web identity"

    public init(tokenFile: String?, roleARN: String?, sessionName: String? = nil, context: CredentialContext) {
        self.tokenFile = tokenFile
        self.roleARN = roleARN
        self.sessionName = sessionName
        self.context = context
    }

    /// Reads the three `AWS_*` variables from the context's environment.
    public static func fromEnvironment(_ context: CredentialContext) -> WebIdentityCredentialProvider {
        WebIdentityCredentialProvider(
            tokenFile: context.environment["AWS_WEB_IDENTITY_TOKEN_FILE"], roleARN: context.environment["AWS_ROLE_ARN"],
            sessionName: context.environment["AWS_ROLE_SESSION_NAME"], context: context)
    }

    public func credentials() async throws -> Credentials {
        guard let tokenFile, !tokenFile.isEmpty, let roleARN, !roleARN.isEmpty else {
            throw AWSError.credentialsNotFound(name, "AWS_WEB_IDENTITY_TOKEN_FILE/AWS_ROLE_ARN not set")
        }
        guard let token = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
            throw AWSError.credentialsFailed(name, "cannot read the web identity token file \(tokenFile)")
        }
        let client = AWSClient(
            metrics: context.metrics ?? RequestMetrics(),
            configuration: .init(
                region: context.region, endpoints: context.endpoints, credentials: nil, transport: context.transport,
                retryPolicy: RetryPolicy(maxAttempts: 3), timeout: context.timeout))
        let tree = try await client.sts(
            "AssumeRoleWithWebIdentity",
            [
                "RoleArn": roleARN, "RoleSessionName": sessionName ?? AssumeRoleCredentialProvider.defaultSessionName(),
                "WebIdentityToken": token.trimmingCharacters(in: .whitespacesAndNewlines),
            ])
        return try STSCredentials.read(
            tree, result: "AssumeRoleWithWebIdentityResult", operation: "AssumeRoleWithWebIdentity",
            source: "web identity \(roleARN)")
    }
}
