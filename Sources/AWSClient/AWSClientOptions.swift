import Foundation

/// What the user said on the command line and in the provider block; `AWSClient.make` fills in
/// the rest from the environment and the shared config files, as the AWS CLI does.
public struct AWSClientOptions: Sendable {
    /// `--region`; else `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`.
    public var region: String?
    /// `--profile`; else `AWS_PROFILE`, `AWS_DEFAULT_PROFILE`, `default`.
    public var profile: String?
    /// `--endpoint-url`; else `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the profile's `endpoint_url`.
    public var endpointURL: String?
    /// Tries per call including the first; `nil`: `AWS_MAX_ATTEMPTS`, the profile's `max_attempts`, 5.
    public var maxAttempts: Int?
    /// `nil`: `AWS_RETRY_MODE`, the profile's `retry_mode`, `standard`.
    public var retryMode: RetrySettings.Mode?
    /// Seconds per HTTP exchange once connected (`--read-timeout`).
    public var timeout: Double
    /// Seconds to connect (`--connect-timeout`).
    public var connectTimeout: Double
    /// Seconds since 1970 after which no call is made (`--deadline`).
    public var deadline: Double?
    /// The variables to read instead of the process environment (tests pass their own).
    public var environment: [String: String]
    /// The provider block's `assume_role`, applied on top of whatever the chain resolves.
    public var assumeRoleARN: String?
    public var sessionName: String?
    public var externalID: String?
    /// AssumeRole `DurationSeconds` for `assumeRoleARN`; `nil`: STS's default.
    public var durationSeconds: Int?
    /// Credentials to use instead of the chain (an estate account's, already cached), with
    /// `assumeRoleARN` chained on top when set. The profile still gives endpoints and retries.
    public var baseCredentials: (any CredentialProvider)?
    /// Counters to share with other clients (one estate scan counts all its accounts' calls).
    public var metrics: RequestMetrics?

    public init(
        region: String? = nil, profile: String? = nil, endpointURL: String? = nil, maxAttempts: Int? = nil,
        retryMode: RetrySettings.Mode? = nil, timeout: Double = 30, connectTimeout: Double = 10, deadline: Double? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        assumeRoleARN: String? = nil, sessionName: String? = nil, externalID: String? = nil,
        durationSeconds: Int? = nil, baseCredentials: (any CredentialProvider)? = nil, metrics: RequestMetrics? = nil
    ) {
        self.region = region
        self.profile = profile
        self.endpointURL = endpointURL
        self.maxAttempts = maxAttempts
        self.retryMode = retryMode
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.deadline = deadline
        self.environment = environment
        self.assumeRoleARN = assumeRoleARN
        self.sessionName = sessionName
        self.externalID = externalID
        self.durationSeconds = durationSeconds
        self.baseCredentials = baseCredentials
        self.metrics = metrics
    }
}
