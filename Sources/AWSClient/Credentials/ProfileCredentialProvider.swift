/// A named profile from the shared config files, resolved the way the AWS CLI does:
/// `role_arn` (+ `web_identity_token_file`, or + `source_profile` / `credential_source`) first,
/// then static keys, then `credential_process`.
public struct ProfileCredentialProvider: CredentialProvider {
    public var profile: String
    public var config: SharedConfig
    public var context: CredentialContext
    public var name: String { "profile \(profile)" }

    public init(profile: String, config: SharedConfig, context: CredentialContext) {
        self.profile = profile
        self.config = config
        self.context = context
    }

    public func credentials() async throws -> Credentials {
        try await provider(for: profile, visited: []).credentials()
    }

    /// The provider a profile stands for; `visited` guards against `source_profile` loops.
    func provider(for profile: String, visited: Set<String>) throws -> any CredentialProvider {
        guard let settings = config.profile(profile) else {
            throw AWSError.credentialsNotFound(
                "profile \(profile)", "not in \(config.credentialsPath) or \(config.configPath)")
        }
        if let roleARN = settings["role_arn"] {
            if let tokenFile = settings["web_identity_token_file"] {
                return WebIdentityCredentialProvider(
                    tokenFile: tokenFile, roleARN: roleARN, sessionName: settings["role_session_name"], context: context)
            }
            let source = try sourceProvider(profile, settings, visited: visited.union([profile]))
            return AssumeRoleCredentialProvider(
                roleARN: roleARN, sessionName: settings["role_session_name"], externalID: settings["external_id"],
                durationSeconds: settings["duration_seconds"].flatMap { Int($0) }, source: source, context: context)
        }
        if let id = settings["aws_access_key_id"], let secret = settings["aws_secret_access_key"], !id.isEmpty {
            return StaticCredentialProvider(
                Credentials(
                    accessKeyID: id, secretAccessKey: secret, sessionToken: settings["aws_session_token"],
                    source: "profile \(profile)"))
        }
        if let command = settings["credential_process"], !command.isEmpty {
            return ProcessCredentialProvider(command: command, environment: context.environment, profile: profile)
        }
        if settings["sso_session"] != nil || settings["sso_start_url"] != nil {
            throw AWSError.credentialsFailed(
                "profile \(profile)",
                "profile \(profile) uses IAM Identity Center (SSO), which drift does not read directly; run "
                    + "`aws sso login --profile \(profile)` and add `credential_process = aws configure export-credentials "
                    + "--profile \(profile) --format process` to a profile for drift")
        }
        throw AWSError.credentialsNotFound(
            "profile \(profile)",
            "no aws_access_key_id, role_arn or credential_process")
    }

    private func sourceProvider(_ profile: String, _ settings: [String: String], visited: Set<String>) throws
        -> any CredentialProvider
    {
        if let source = settings["source_profile"] {
            if source == profile, let id = settings["aws_access_key_id"], let secret = settings["aws_secret_access_key"] {
                return StaticCredentialProvider(
                    Credentials(
                        accessKeyID: id, secretAccessKey: secret, sessionToken: settings["aws_session_token"],
                        source: "profile \(profile)"))
            }
            guard !visited.contains(source) else {
                throw AWSError.credentialsFailed(
                    "profile \(profile)", "source_profile loop: \(visited.sorted().joined(separator: " -> ")) -> \(source)")
            }
            do { return try provider(for: source, visited: visited) } catch let error as AWSError
                where error.isCredentialsNotFound
            {
                throw AWSError.credentialsFailed(
                    "profile \(profile)", "source_profile \(source) gives no credentials: \(error.message)")
            }
        }
        switch settings["credential_source"] {
        case "Environment": return EnvironmentCredentialProvider(environment: context.environment)
        case "Ec2InstanceMetadata": return InstanceMetadataCredentialProvider(context: context)
        case "EcsContainer": return ContainerCredentialProvider(context: context)
        case let other?:
            throw AWSError.credentialsFailed("profile \(profile)", "unsupported credential_source \(other)")
        case nil:
            throw AWSError.credentialsFailed(
                "profile \(profile)", "role_arn needs source_profile, credential_source or web_identity_token_file")
        }
    }
}

extension CredentialProvider where Self == ProfileCredentialProvider {
    public static func profile(name: String, config: SharedConfig, context: CredentialContext) -> Self {
        ProfileCredentialProvider(profile: name, config: config, context: context)
    }
}
