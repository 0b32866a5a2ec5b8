/// What a root module declares, plus the provider and backend settings a scan needs to find the
/// live side (region, profile, role, default tags, the S3 backend that holds the state).
public struct Baseline: Sendable, Hashable {
    public static let schemaVersion = 1

    public var resources: [DeclaredResource]
    /// Rendered diagnostics (`file:line:col: error: message`), errors and warnings.
    public var diagnostics: [BaselineDiagnostic]
    public var provider: ProviderSettings
    /// Aliased provider blocks (`provider "aws" { alias = "west" }`) by alias.
    public var aliasedProviders: [String: ProviderSettings]
    public var backend: S3Backend?
    /// Non-drift notices: hard-coded credentials (never echoed), values unknown offline.
    public var warnings: [BaselineWarning]
    /// Data sources that could not be read live: what depends on them is unknown, and a scan
    /// with them is incomplete (reported as errors, never clean).
    public var readErrors: [ReadError]
    /// `moved` blocks of every module instance, in order, as absolute addresses: the state is
    /// renamed by them before anything is matched, as `terraform plan` does.
    public var moves: [MoveStatement] = []
    /// `removed` blocks with `lifecycle { destroy = false }`: Terraform forgets what the state
    /// records there (it stays live, unmanaged) rather than destroying it, so it is never `orphaned`.
    public var forgotten: [ResourceAddress] = []

    public init(
        resources: [DeclaredResource] = [], diagnostics: [BaselineDiagnostic] = [],
        provider: ProviderSettings = ProviderSettings(), aliasedProviders: [String: ProviderSettings] = [:],
        backend: S3Backend? = nil, warnings: [BaselineWarning] = [], readErrors: [ReadError] = []
    ) {
        self.readErrors = readErrors
        self.resources = resources
        self.diagnostics = diagnostics
        self.provider = provider
        self.aliasedProviders = aliasedProviders
        self.backend = backend
        self.warnings = warnings
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The contract's JSON: `schemaVersion`, `resources` sorted by address, `diagnostics`.
    public var jsonValue: Value {
        .object([
            "schemaVersion": .number(Double(Baseline.schemaVersion)),
            "resources": .array(resources.sorted { $0.address < $1.address }.map(\.jsonValue)),
            "diagnostics": .array(diagnostics.map(\.jsonValue)),
        ])
    }
}

/// A diagnostic already resolved to a location and rendered text, so reports need no HCL types.
public struct BaselineDiagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable { case error, warning }
    public var severity: Severity
    public var message: String
    /// `file:line:col`, relative to the baseline directory.
    public var location: String
    /// The full rendering: `file:line:col: error: message`, the source line and a caret line.
    public var rendered: String

    public init(severity: Severity, message: String, location: String, rendered: String) {
        self.severity = severity
        self.message = message
        self.location = location
        self.rendered = rendered
    }

    public var jsonValue: Value {
        .object([
            "severity": .string(severity.rawValue), "message": .string(message),
            "location": .string(location), "rendered": .string(rendered),
        ])
    }
}

/// The evaluated `provider "aws"` block.
public struct ProviderSettings: Sendable, Hashable {
    public var region: String?
    public var profile: String?
    public var assumeRoleARN: String?
    public var assumeRoleSessionName: String?
    public var assumeRoleExternalID: String?
    /// `default_tags { tags = ... }` evaluated.
    public var defaultTags: [String: String]
    /// `file:line:col` of the `default_tags` block, where tag drift from default tags is reported.
    public var defaultTagsSource: String?
    /// `ignore_tags { keys, key_prefixes }`.
    public var ignoreTagKeys: [String]
    public var ignoreTagKeyPrefixes: [String]
    /// The block sets `access_key`/`secret_key` literally: a warning, never echoed.
    public var hasHardCodedCredentials: Bool
    public var source: String?
    /// `region` or `profile` is written but known only when planning (it reads a data source):
    /// where this configuration connects cannot be worked out offline (`nil` above means unset).
    public var connectionUnknown = false

    public init(
        region: String? = nil, profile: String? = nil, assumeRoleARN: String? = nil,
        assumeRoleSessionName: String? = nil, assumeRoleExternalID: String? = nil,
        defaultTags: [String: String] = [:], defaultTagsSource: String? = nil, ignoreTagKeys: [String] = [],
        ignoreTagKeyPrefixes: [String] = [], hasHardCodedCredentials: Bool = false, source: String? = nil
    ) {
        self.region = region
        self.profile = profile
        self.assumeRoleARN = assumeRoleARN
        self.assumeRoleSessionName = assumeRoleSessionName
        self.assumeRoleExternalID = assumeRoleExternalID
        self.defaultTags = defaultTags
        self.defaultTagsSource = defaultTagsSource
        self.ignoreTagKeys = ignoreTagKeys
        self.ignoreTagKeyPrefixes = ignoreTagKeyPrefixes
        self.hasHardCodedCredentials = hasHardCodedCredentials
        self.source = source
    }
}

/// The `terraform { backend "s3" { ... } }` block, evaluated.
public struct S3Backend: Sendable, Hashable {
    public var bucket: String
    public var key: String
    public var region: String?
    public var workspaceKeyPrefix: String?
    public var profile: String?
    public var roleARN: String?
    public var source: String

    public init(
        bucket: String, key: String, region: String? = nil, workspaceKeyPrefix: String? = nil,
        profile: String? = nil, roleARN: String? = nil, source: String = ""
    ) {
        self.bucket = bucket
        self.key = key
        self.region = region
        self.workspaceKeyPrefix = workspaceKeyPrefix
        self.profile = profile
        self.roleARN = roleARN
        self.source = source
    }

    /// The object key for a workspace, as the S3 backend computes it:
    /// `key` for `default`, else `<workspace_key_prefix or "env:">/<workspace>/<key>`.
    public func objectKey(workspace: String) -> String {
        if workspace == "default" { return key }
        return "\(workspaceKeyPrefix ?? "env:")/\(workspace)/\(key)"
    }
}

public struct BaselineWarning: Sendable, Hashable {
    public var code: String
    public var message: String
    public var source: String?
    /// The resource address the warning is about, when it is about one: one source line can
    /// declare many instances (`count`, `for_each`, module instances), each its own warning.
    public var address: String?

    public init(code: String, message: String, source: String?, address: String? = nil) {
        self.code = code
        self.message = message
        self.source = source
        self.address = address
    }

    public var jsonValue: Value {
        .object(["code": .string(code), "message": .string(message), "source": source.map(Value.string) ?? .null])
    }
}
