import Foundation

extension AWSClient {
    /// Builds a client the way the AWS CLI would: region, endpoints and the credentials chain
    /// (environment → profile → web identity → container → instance metadata), cached once.
    ///
    /// Throws `AWSError` when no region can be found or a profile named explicitly does not exist.
    /// Missing credentials are reported on the first request, with everything that was tried.
    public static func make(_ options: AWSClientOptions, transport: any HTTPTransport = URLSessionTransport())
        async throws -> AWSClient
    {
        let env = options.environment
        let config = SharedConfig.load(environment: env)
        let explicitProfile = options.profile.flatMap { $0.isEmpty ? nil : $0 }
        let envProfile = (env["AWS_PROFILE"] ?? env["AWS_DEFAULT_PROFILE"]).flatMap { $0.isEmpty ? nil : $0 }
        let profileName = explicitProfile ?? envProfile ?? "default"
        let profileSettings = config.profile(profileName)
        if profileSettings == nil, explicitProfile != nil || envProfile != nil {
            throw AWSError(
                service: "config", operation: "profile", code: "ProfileNotFound",
                message: "profile \(profileName) not found in \(config.credentialsPath) or \(config.configPath)")
        }
        let candidates = [options.region, env["AWS_REGION"], env["AWS_DEFAULT_REGION"], profileSettings?["region"]]
        guard let region = candidates.compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw AWSError(
                service: "config", operation: "region", code: "MissingRegion",
                message:
                    "no region: pass --region, or set AWS_REGION / AWS_DEFAULT_REGION, or region in profile \(profileName)")
        }
        let endpoints = Endpoints.resolve(
            endpointURL: options.endpointURL, environment: env, profileEndpointURL: profileSettings?["endpoint_url"])
        let context = CredentialContext(
            environment: env, transport: transport, endpoints: endpoints, region: region, timeout: options.timeout,
            metrics: options.metrics)
        var provider: any CredentialProvider
        if let base = options.baseCredentials {
            provider = base
        } else {
            var chain: [any CredentialProvider] = []
            // As in botocore: an explicit --profile means "these credentials", not the environment's.
            if explicitProfile == nil { chain.append(EnvironmentCredentialProvider(environment: env)) }
            chain += [
                ProfileCredentialProvider(profile: profileName, config: config, context: context),
                WebIdentityCredentialProvider.fromEnvironment(context),
                ContainerCredentialProvider(context: context),
                InstanceMetadataCredentialProvider(context: context),
            ]
            provider = CredentialCache(CredentialChain(chain))
        }
        if let roleARN = options.assumeRoleARN, !roleARN.isEmpty {
            provider = CredentialCache(
                AssumeRoleCredentialProvider(
                    roleARN: roleARN, sessionName: options.sessionName, externalID: options.externalID,
                    durationSeconds: options.durationSeconds, source: provider, context: context))
        }
        var retries = try RetrySettings.resolve(environment: env, profile: profileSettings)
        if let attempts = options.maxAttempts { retries.maxAttempts = attempts }
        if let mode = options.retryMode { retries.mode = mode }
        return AWSClient(
            metrics: options.metrics ?? RequestMetrics(),
            configuration: Configuration(
                region: region, endpoints: endpoints, credentials: provider, transport: transport,
                retryPolicy: RetryPolicy(maxAttempts: retries.maxAttempts), timeout: options.timeout,
                connectTimeout: options.connectTimeout, retryMode: retries.mode, deadline: options.deadline))
    }
}
