import Estate
import Foundation

/// What `drift scan` and `drift check` share from the command line: the baseline and its
/// variables, where the state is, and how to reach AWS.
public struct SessionSettings: Sendable {
    public var baselineDirectory: String
    /// `--state FILE`; `nil` means: the baseline's `backend "s3"`, else `terraform.tfstate`.
    public var statePath: String?
    /// `--var-file` and `--var` (`NAME=VALUE`).
    public var varFiles: [String]
    public var vars: [String]
    /// `--region`, `--profile`, `--endpoint-url`: override the provider block and the environment.
    public var region: String?
    public var profile: String?
    public var endpointURL: String?
    public var concurrency: Int
    /// `--ignore` patterns, applied after `.driftignore`.
    public var ignorePatterns: [String]
    public var environment: [String: String]
    /// The report goes to a person on stdout as text, which shows its warnings: a notice that
    /// becomes a report warning (no state yet) is then not printed on stderr as well. Machine
    /// formats keep the stderr line, where a person running them sees it.
    public var noticesShownInReport = false
    /// `--connect-timeout`, `--read-timeout` (seconds) and `--deadline` (seconds since 1970).
    public var connectTimeout: Double = 10
    public var readTimeout: Double = 30
    public var deadline: Double? = nil
    /// In an estate scan: the account this root is scanned in, and the scan's clients. Every client
    /// (provider configurations, data sources, the S3 backend) then starts from the account's
    /// credentials, with the provider's `assume_role` chained on top; the provider's `profile` is
    /// not used (the account says how it is reached). `nil`: the ambient credentials, as before.
    public var account: AccountScope? = nil

    public init(
        baselineDirectory: String, statePath: String? = nil, varFiles: [String] = [], vars: [String] = [],
        region: String? = nil, profile: String? = nil, endpointURL: String? = nil, concurrency: Int = 16,
        ignorePatterns: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.baselineDirectory = baselineDirectory
        self.statePath = statePath
        self.varFiles = varFiles
        self.vars = vars
        self.region = region
        self.profile = profile
        self.endpointURL = endpointURL
        self.concurrency = concurrency
        self.ignorePatterns = ignorePatterns
        self.environment = environment
    }

    /// `TF_WORKSPACE`, else `default`, as Terraform picks the workspace.
    public var workspace: String {
        let ws = environment["TF_WORKSPACE"] ?? ""
        return ws.isEmpty ? "default" : ws
    }
}

/// An estate account and the clients of the scan that reaches it.
public struct AccountScope: Sendable {
    public var account: EstateAccount
    public var clients: AccountClients

    public init(account: EstateAccount, clients: AccountClients) {
        self.account = account
        self.clients = clients
    }
}
