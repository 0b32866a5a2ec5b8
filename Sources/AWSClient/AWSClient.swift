import DriftModel
import Foundation
import SigV4

/// The one door to AWS the collectors use: four protocol entry points (EC2 Query, S3 REST,
/// DynamoDB JSON, STS Query), each signing with SigV4, retrying by `RetryPolicy` and decoding
/// every failure into `AWSError`.
///
/// Every public method throws `AWSError` only, so callers can switch on `code` without casting
/// from `any Error` and an unreachable endpoint reads the same way as an AWS-side refusal.
public final class AWSClient: Sendable {
    /// Everything a client needs, explicit: tests build one with a fake transport and fixed
    /// credentials; `AWSClient.make(_:)` builds one from flags, environment and config files.
    public struct Configuration: Sendable {
        public var region: String
        public var endpoints: Endpoints
        /// `nil` sends requests unsigned (STS AssumeRoleWithWebIdentity needs no credentials).
        public var credentials: (any CredentialProvider)?
        public var transport: any HTTPTransport
        public var retryPolicy: RetryPolicy
        /// Seconds one HTTP exchange may take once connected (`--read-timeout`).
        public var timeout: Double
        /// Seconds to connect, added to `timeout` for the first exchange's budget (`--connect-timeout`).
        public var connectTimeout: Double
        /// `standard` or `adaptive` (client-side rate limiting after throttling).
        public var retryMode: RetrySettings.Mode
        /// Seconds since 1970 after which no request is sent (`--deadline`): a call not made by
        /// then fails with `DeadlineExceeded`, so what was not read is an error, never absent.
        public var deadline: Double?
        /// Waits between retries; tests inject one that records instead of sleeping.
        public var sleep: @Sendable (Double) async -> Void
        /// Random numbers in `0..<1` for backoff jitter.
        public var random: @Sendable () -> Double
        /// The signing clock, seconds since 1970.
        public var clock: @Sendable () -> Double

        public init(
            region: String, endpoints: Endpoints = .aws, credentials: (any CredentialProvider)?,
            transport: any HTTPTransport = URLSessionTransport(), retryPolicy: RetryPolicy = .standard,
            timeout: Double = 30, connectTimeout: Double = 10, retryMode: RetrySettings.Mode = .standard,
            deadline: Double? = nil,
            sleep: @escaping @Sendable (Double) async -> Void = { seconds in
                try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
            },
            random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
            clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
        ) {
            self.region = region
            self.endpoints = endpoints
            self.credentials = credentials
            self.transport = transport
            self.retryPolicy = retryPolicy
            self.timeout = timeout
            self.connectTimeout = connectTimeout
            self.retryMode = retryMode
            self.deadline = deadline
            self.sleep = sleep
            self.random = random
            self.clock = clock
        }

        /// Shorthand for `retryPolicy.maxAttempts`.
        public var maxAttempts: Int {
            get { retryPolicy.maxAttempts }
            set { retryPolicy.maxAttempts = max(1, newValue) }
        }
    }

    public let configuration: Configuration
    /// Requests made and retries, shared with every `withRegion` copy.
    public let metrics: RequestMetrics
    /// The configured provider wrapped once in a cache, shared with every `withRegion` copy; an
    /// estate's account provider, on which a root's `assume_role` is chained.
    public let credentialProvider: (any CredentialProvider)?
    /// AWS's clock minus ours once a skew was detected, shared with every `withRegion` copy.
    public let clockCorrection: ClockCorrection
    /// The `adaptive` mode's rate limiter, shared with every `withRegion` copy; `nil` in `standard`.
    public let rateLimiter: ClientRateLimiter?
    /// The retry quota, shared with every `withRegion` copy; `nil` in `legacy` mode.
    public let retryQuota: RetryQuota?

    public convenience init(configuration: Configuration) {
        self.init(metrics: RequestMetrics(), configuration: configuration)
    }

    /// A client whose requests are counted in `metrics`, which other clients may share.
    public init(metrics: RequestMetrics, configuration: Configuration) {
        self.configuration = configuration
        self.metrics = metrics
        self.clockCorrection = ClockCorrection()
        self.rateLimiter = configuration.retryMode == .adaptive ? ClientRateLimiter(clock: configuration.clock) : nil
        self.retryQuota = configuration.retryMode == .legacy ? nil : RetryQuota()
        if let provider = configuration.credentials {
            self.credentialProvider = provider is CredentialCache ? provider : CredentialCache(provider)
        } else {
            self.credentialProvider = nil
        }
    }

    private init(
        configuration: Configuration, metrics: RequestMetrics, credentialProvider: (any CredentialProvider)?,
        clockCorrection: ClockCorrection, rateLimiter: ClientRateLimiter?, retryQuota: RetryQuota?
    ) {
        self.configuration = configuration
        self.metrics = metrics
        self.clockCorrection = clockCorrection
        self.rateLimiter = rateLimiter
        self.retryQuota = retryQuota
        self.credentialProvider = credentialProvider
    }

    public var region: String { configuration.region }

    /// The same credentials (and their cache), transport, endpoints and metrics, another region.
    public func withRegion(_ region: String) -> AWSClient {
        var configuration = self.configuration
        configuration.region = region
        return AWSClient(
            configuration: configuration, metrics: metrics, credentialProvider: credentialProvider,
            clockCorrection: clockCorrection, rateLimiter: rateLimiter, retryQuota: retryQuota)
    }

    /// The credentials requests are signed with (resolved and cached on first use).
    public func resolveCredentials() async throws -> Credentials {
        guard let credentialProvider else {
            throw AWSError.credentialsNotFound("none", "this client sends unsigned requests")
        }
        do { return try await credentialProvider.credentials() } catch let error as AWSError { throw error } catch {
            throw AWSError(service: "credentials", operation: "resolve", code: "CredentialsError", message: "\(error)")
        }
    }
}
