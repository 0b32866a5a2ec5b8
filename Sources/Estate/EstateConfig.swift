import HCL

/// What one scan of an estate covers: the Terraform roots, the AWS accounts with their regions,
/// and the settings every root shares. `drift.hcl` (`EstateConfigLoader`) and the command line
/// (`--baseline` repeated, no accounts: the ambient credentials) both produce one.
///
/// Values only: the scan engine (`DriftCore.EstateScan`) decides what to read; `Shard` decides
/// which (account, region) targets one process of N scans.
public struct EstateConfig: Sendable, Hashable {
    public var roots: [EstateRoot]
    /// Empty: one implicit account, the ambient credentials (environment, profile, instance role).
    public var accounts: [EstateAccount]
    /// `.driftignore` patterns applied to every root, after each root's own `.driftignore`.
    public var ignore: [String]
    /// `history { url = ... }`: a SQLite path or a `postgres://` URL. Never printed.
    public var historyURL: String?
    /// `notify { url = ... }` blocks, in file order. Never printed.
    public var notifyURLs: [String]
    /// The file it was read from (`nil` when built from the command line).
    public var file: String?

    public init(
        roots: [EstateRoot], accounts: [EstateAccount] = [], ignore: [String] = [], historyURL: String? = nil,
        notifyURLs: [String] = [], file: String? = nil
    ) {
        self.roots = roots
        self.accounts = accounts
        self.ignore = ignore
        self.historyURL = historyURL
        self.notifyURLs = notifyURLs
        self.file = file
    }
}

/// One Terraform root module: evaluated with its own `terraform.tfvars`, `*.auto.tfvars`, the
/// var files and vars given here, and its own state.
public struct EstateRoot: Sendable, Hashable {
    /// The block label in `drift.hcl`; the path as given on the command line. Findings name it.
    public var name: String
    /// The root's directory, resolved against the configuration file's directory.
    public var path: String
    /// Resolved like `path`.
    public var varFiles: [String]
    /// `NAME=VALUE` as `--var` takes them (strings raw, other values as HCL/JSON literals).
    public var vars: [String]
    /// A state file path or `s3://bucket/key`; `nil`: the root's backend, else `terraform.tfstate`.
    public var state: String?
    /// The accounts this root is deployed in (labels of `account` blocks); `nil`: every account.
    public var accounts: [String]?
    /// Where the block is declared, for diagnostics about it.
    public var source: SourceRange?

    public init(
        name: String, path: String, varFiles: [String] = [], vars: [String] = [], state: String? = nil,
        accounts: [String]? = nil, source: SourceRange? = nil
    ) {
        self.name = name
        self.path = path
        self.varFiles = varFiles
        self.vars = vars
        self.state = state
        self.accounts = accounts
        self.source = source
    }
}

/// One AWS account and how to reach it: a profile, a role to assume through STS on top of the
/// ambient credentials (or the profile), or neither (the ambient credentials themselves).
public struct EstateAccount: Sendable, Hashable {
    /// The block label; findings name it when more than one account is scanned.
    public var name: String
    public var profile: String?
    public var roleARN: String?
    /// Never printed.
    public var externalID: String?
    public var sessionName: String?
    /// AssumeRole `DurationSeconds`; `nil`: STS's default (3600).
    public var durationSeconds: Int?
    /// Regions inventoried for unmanaged resources, besides those the roots' providers name.
    public var regions: [String]
    public var source: SourceRange?

    public init(
        name: String, profile: String? = nil, roleARN: String? = nil, externalID: String? = nil,
        sessionName: String? = nil, durationSeconds: Int? = nil, regions: [String] = [], source: SourceRange? = nil
    ) {
        self.name = name
        self.profile = profile
        self.roleARN = roleARN
        self.externalID = externalID
        self.sessionName = sessionName
        self.durationSeconds = durationSeconds
        self.regions = regions
        self.source = source
    }
}

/// The unit a shard takes: one account in one region, with every root deployed there.
public struct EstateTarget: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var account: String
    public var region: String

    public init(account: String, region: String) {
        self.account = account
        self.region = region
    }

    public static func < (a: EstateTarget, b: EstateTarget) -> Bool { (a.account, a.region) < (b.account, b.region) }
    public var description: String { "\(account)/\(region)" }
}
