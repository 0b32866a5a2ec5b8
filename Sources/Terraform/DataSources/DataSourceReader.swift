import DriftModel

/// Reads a data source live, as `terraform plan` has the provider read it: injected into
/// `BaselineLoader` by the commands that talk to AWS (`drift scan`, `drift check`), absent for
/// `drift baseline`, which stays offline. The evaluator calls it synchronously, on its own thread,
/// the first time an expression needs the data source; Terraform itself knows nothing of AWS.
public protocol DataSourceReader: Sendable {
    /// Whether this reader knows `type`; data sources of other types stay unknown, with one
    /// warning per type.
    func reads(_ type: String) -> Bool
    /// Reads one instance of a data source whose arguments are all known.
    func read(_ request: DataSourceRequest) -> DataSourceAnswer
}

/// One data source instance to read.
public struct DataSourceRequest: Sendable {
    public var type: String
    /// `data.aws_ami.al`, `module.app.data.aws_ami.al[0]`.
    public var address: String
    /// The block's arguments (nested blocks as arrays of objects), every one known.
    public var arguments: [String: Value]
    /// The root provider configuration key it reads through (`aws`, `aws.west`).
    public var providerKey: String
    /// That configuration's settings (region, profile, role), as the baseline evaluated them.
    public var provider: ProviderSettings

    public init(
        type: String, address: String, arguments: [String: Value], providerKey: String, provider: ProviderSettings
    ) {
        self.type = type
        self.address = address
        self.arguments = arguments
        self.providerKey = providerKey
        self.provider = provider
    }
}

/// What reading one data source gave.
public enum DataSourceAnswer: Sendable {
    /// The attributes in the provider's shapes; `sensitive` names those Terraform marks sensitive.
    case found([String: Value], sensitive: Set<String>)
    /// The provider fails the plan (`aws_ami` with no match): an error at the data block.
    case failed(String)
    /// Read, but the provider's answer cannot be told from what was read (several images tie
    /// for `most_recent` where the provider's unstable sort picks one): unknown, with a warning.
    case undetermined(String)
    /// The read itself failed (AccessDenied, throttled past retries): whatever depends on the
    /// data source stays unknown, and the error is reported with the scan's other read errors.
    case unreadable(ReadError)
}
