import Foundation

/// Something that can produce AWS credentials: the environment, a profile, STS, a process, the
/// container or instance metadata service.
///
/// A provider that does not apply (its variables are unset, its file has no such profile) throws
/// `AWSError` with code `CredentialsNotFound` and a message saying why, so the chain can go on
/// and finally report everything it tried. Any other error stops the chain, as in the AWS CLI:
/// a profile that names a role which cannot be assumed must not silently fall back to other keys.
public protocol CredentialProvider: Sendable {
    /// Short human name used in "tried: ..." messages, e.g. `environment`, `profile prod`.
    var name: String { get }
    func credentials() async throws -> Credentials
}

extension AWSError {
    /// The "this provider does not apply" error.
    public static func credentialsNotFound(_ provider: String, _ why: String) -> AWSError {
        AWSError(service: "credentials", operation: provider, code: "CredentialsNotFound", message: why)
    }

    /// A provider applied but failed (bad process output, unreadable token file, ...).
    static func credentialsFailed(_ provider: String, _ why: String, code: String = "CredentialsError") -> AWSError {
        AWSError(service: "credentials", operation: provider, code: code, message: why)
    }

    var isCredentialsNotFound: Bool { service == "credentials" && code == "CredentialsNotFound" }
}

/// Everything network-backed providers need to call STS or a metadata endpoint.
public struct CredentialContext: Sendable {
    public var environment: [String: String]
    public var transport: any HTTPTransport
    public var endpoints: Endpoints
    /// Region for STS calls.
    public var region: String
    /// Seconds per request.
    public var timeout: Double
    /// Where STS calls are counted; `nil`: nowhere (a client of their own).
    public var metrics: RequestMetrics?

    public init(
        environment: [String: String], transport: any HTTPTransport = URLSessionTransport(),
        endpoints: Endpoints = .aws, region: String = "us-east-1", timeout: Double = 30, metrics: RequestMetrics? = nil
    ) {
        self.environment = environment
        self.transport = transport
        self.endpoints = endpoints
        self.region = region
        self.timeout = timeout
        self.metrics = metrics
    }
}

/// A fixed credential, for tests and explicit keys.
public struct StaticCredentialProvider: CredentialProvider {
    public let name = "static"
    public let value: Credentials
    public init(_ value: Credentials) { self.value = value }
    public func credentials() async throws -> Credentials { value }
}

extension CredentialProvider where Self == StaticCredentialProvider {
    public static func fixed(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) -> Self {
        StaticCredentialProvider(
            Credentials(accessKeyID: accessKeyID, secretAccessKey: secretAccessKey, sessionToken: sessionToken))
    }
}

/// Parses the ISO 8601 timestamps STS and the metadata services use, with or without fractions.
enum ISO8601 {
    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
