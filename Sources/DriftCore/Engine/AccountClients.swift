import AWSClient
import DriftModel
import Estate
import Foundation

/// AWS clients for the accounts of an estate: each account's credentials are resolved once (a
/// profile, or a role assumed through STS on top of the ambient credentials or the profile) and
/// shared by every region and every root scanned in it; a root's provider `assume_role` is
/// chained on top of them, as Terraform would run under the account's credentials.
///
/// Credentials are resolved when a client is first asked for, not at its first request, so an
/// account that cannot be reached is one typed `AccountAccessError` per target before anything
/// is read, and an account that fails is asked once, not once per region. Cached credentials are
/// refreshed five minutes before they expire (`CredentialCache`), once for all clients.
///
/// One instance per scan: `metrics` counts every request of every client it made.
public actor AccountClients {
    public nonisolated let settings: SessionSettings
    /// Requests of every client made here, all accounts and regions together.
    public nonisolated let metrics = RequestMetrics()
    private let transport: any HTTPTransport
    private var connections: [Key: Task<Result<AWSClient, AccountAccessError>, Never>] = [:]

    /// One credential chain: an account (`nil`: the ambient credentials) with or without a role on top.
    struct Key: Hashable {
        var account: EstateAccount?
        var providerRole: RoleToAssume?
    }

    public init(settings: SessionSettings, transport: any HTTPTransport = URLSessionTransport()) {
        self.settings = settings
        self.transport = transport
    }

    /// A client for `region` with `account`'s credentials (`nil`: the ambient ones), and
    /// `providerRole` (a root's provider `assume_role`) assumed on top of them when given.
    ///
    /// Throws `DriftCoreError.accountUnreachable` when the credentials cannot be had: the account's
    /// role or the provider's role cannot be assumed (AccessDenied), its profile does not exist, no
    /// credentials are found. The error names the account and the role, never the external id.
    public func client(account: EstateAccount?, region: String, providerRole: RoleToAssume? = nil)
        async throws(DriftCoreError) -> AWSClient
    {
        switch await connection(Key(account: account, providerRole: providerRole)) {
        case .success(let client): return client.withRegion(region)
        case .failure(let error): throw .accountUnreachable(error)
        }
    }

    /// The region STS is called in: the flags', the environment's, the account's first, else
    /// `us-east-1` (the global endpoint's region). One per account, whatever region asks first.
    nonisolated func stsRegion(for account: EstateAccount?) -> String {
        let candidates = [
            settings.region, settings.environment["AWS_REGION"], settings.environment["AWS_DEFAULT_REGION"],
            account?.regions.first,
        ]
        return candidates.compactMap { $0 }.first { !$0.isEmpty } ?? "us-east-1"
    }

    private func connection(_ key: Key) async -> Result<AWSClient, AccountAccessError> {
        if let task = connections[key] { return await task.value }
        let task = Task { await self.connect(key) }
        connections[key] = task
        return await task.value
    }

    /// Builds the key's client and resolves its credentials once.
    private func connect(_ key: Key) async -> Result<AWSClient, AccountAccessError> {
        let name = key.account?.name ?? "default"
        var options = options(for: key.account)
        if let role = key.providerRole {
            // The account's credentials first (shared with every other role chained on them).
            let base: AWSClient
            switch await connection(Key(account: key.account, providerRole: nil)) {
            case .success(let client): base = client
            case .failure(let error): return .failure(error)
            }
            options.baseCredentials = base.credentialProvider
            options.assumeRoleARN = role.roleARN
            options.externalID = role.externalID
            options.sessionName = role.sessionName
            options.durationSeconds = role.durationSeconds
        }
        let client: AWSClient
        do {
            client = try await AWSClient.make(options, transport: transport)
            _ = try await client.resolveCredentials()
        } catch {
            return .failure(AccountAccessError(account: name, key: key, options: options, error: error))
        }
        return .success(client)
    }

    /// `AWSClient.make` options for the account's own credentials.
    nonisolated func options(for account: EstateAccount?) -> AWSClientOptions {
        AWSClientOptions(
            region: stsRegion(for: account), profile: account?.profile ?? settings.profile,
            endpointURL: settings.endpointURL, timeout: settings.readTimeout, connectTimeout: settings.connectTimeout,
            deadline: settings.deadline, environment: settings.environment, assumeRoleARN: account?.roleARN,
            sessionName: account?.sessionName, externalID: account?.externalID, durationSeconds: account?.durationSeconds,
            metrics: metrics)
    }
}

/// A role to assume through STS: an estate account's `role_arn` or a root's provider `assume_role`.
/// `description` is the role ARN alone: the external id is never printed.
public struct RoleToAssume: Sendable, Hashable, CustomStringConvertible {
    public var roleARN: String
    /// Never printed.
    public var externalID: String?
    /// `nil`: `drift-<seconds since 1970>`.
    public var sessionName: String?
    /// AssumeRole `DurationSeconds`; `nil`: STS's default (3600).
    public var durationSeconds: Int?

    public init(roleARN: String, externalID: String? = nil, sessionName: String? = nil, durationSeconds: Int? = nil) {
        self.roleARN = roleARN
        self.externalID = externalID
        self.sessionName = sessionName
        self.durationSeconds = durationSeconds
    }

    /// A provider block's `assume_role`; `nil` when it has none.
    public init?(provider: ProviderSettings) {
        guard let arn = provider.assumeRoleARN, !arn.isEmpty else { return nil }
        self.init(roleARN: arn, externalID: provider.assumeRoleExternalID, sessionName: provider.assumeRoleSessionName)
    }

    public var description: String { roleARN }
}

/// Why an account's credentials could not be had, as a report `errors` entry wants it: which
/// account, which role (never the external id), and AWS's answer (`sts AssumeRole AccessDenied`).
public struct AccountAccessError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Step: String, Sendable, Hashable {
        /// The credentials the account starts from: its profile, or the ambient chain.
        case credentials
        /// The account's `role_arn`.
        case accountRole = "account role"
        /// A root's provider `assume_role`, chained on the account's credentials.
        case providerRole = "provider role"
    }

    /// The account's label (`default` for the ambient credentials).
    public var account: String
    public var step: Step
    /// The role that could not be assumed; `nil` at the `credentials` step.
    public var roleARN: String?
    public var profile: String?
    public var service: String
    public var operation: String
    public var code: String
    /// AWS's message, with the external id (should AWS ever echo it) redacted.
    public var message: String

    public init(
        account: String, step: Step, roleARN: String?, profile: String?, service: String, operation: String,
        code: String, message: String
    ) {
        self.account = account
        self.step = step
        self.roleARN = roleARN
        self.profile = profile
        self.service = service
        self.operation = operation
        self.code = code
        self.message = message
    }

    init(account: String, key: AccountClients.Key, options: AWSClientOptions, error: any Error) {
        let aws = error as? AWSError
        let failedRole = aws?.operation == "AssumeRole" ? aws?.resource : nil
        let step: Step
        if let failedRole, failedRole == key.providerRole?.roleARN {
            step = .providerRole
        } else if let failedRole, failedRole == key.account?.roleARN {
            step = .accountRole
        } else {
            step = .credentials
        }
        var message = aws?.message ?? "\(error)"
        for secret in [key.account?.externalID, key.providerRole?.externalID].compactMap({ $0 }) where !secret.isEmpty {
            message = message.replacingOccurrences(of: secret, with: "<redacted>")
        }
        self.init(
            account: account, step: step, roleARN: step == .credentials ? nil : failedRole,
            profile: key.account?.profile ?? options.profile, service: aws?.service ?? "credentials",
            operation: aws?.operation ?? "resolve", code: aws?.code ?? "CredentialsError", message: message)
    }

    public var description: String {
        switch step {
        case .credentials:
            let via = profile.map { " (profile \($0))" } ?? ""
            return "no credentials for account \(account)\(via): \(code): \(message)"
        case .accountRole, .providerRole:
            return "cannot assume the \(step.rawValue) \(roleARN ?? "?") for account \(account): \(code): \(message)"
        }
    }
}
