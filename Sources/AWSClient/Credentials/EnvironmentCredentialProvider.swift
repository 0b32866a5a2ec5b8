/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and optionally `AWS_SESSION_TOKEN`.
public struct EnvironmentCredentialProvider: CredentialProvider {
    public let name = "environment"
    public let environment: [String: String]

    public init(environment: [String: String]) { self.environment = environment }

    public func credentials() async throws -> Credentials {
        let id = environment["AWS_ACCESS_KEY_ID"].flatMap { $0.isEmpty ? nil : $0 }
        let secret = environment["AWS_SECRET_ACCESS_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        switch (id, secret) {
        case (let id?, let secret?):
            let token = (environment["AWS_SESSION_TOKEN"] ?? environment["AWS_SECURITY_TOKEN"]).flatMap {
                $0.isEmpty ? nil : $0
            }
            return Credentials(accessKeyID: id, secretAccessKey: secret, sessionToken: token, source: name)
        case (nil, nil):
            throw AWSError.credentialsNotFound(name, "AWS_ACCESS_KEY_ID not set")
        case (nil, _):
            throw AWSError.credentialsFailed(name, "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
        case (_, nil):
            throw AWSError.credentialsFailed(name, "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
        }
    }
}

extension CredentialProvider where Self == EnvironmentCredentialProvider {
    public static func environment(_ environment: [String: String]) -> Self {
        EnvironmentCredentialProvider(environment: environment)
    }
}
