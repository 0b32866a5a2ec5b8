/// The index part of a Terraform address: `[0]` from `count`, `["key"]` from `for_each`.
public enum ResourceIndex: Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case string(String)

    public var description: String {
        switch self {
        case .int(let i): return "[\(i)]"
        case .string(let s):
            // Most keys need no escape: quoted as they are, as the canonical JSON writer would.
            if Value.needsNoEscape(s) { return "[\"" + s + "\"]" }
            return "[\(Value.string(s).canonicalJSON())]"
        }
    }

    public var jsonValue: Value {
        switch self {
        case .int(let i): return .number(Double(i))
        case .string(let s): return .string(s)
        }
    }
}

/// One managed resource instance as the configuration declares it, evaluated the way
/// `terraform plan` would (`../shared/contracts/BASELINE.md`).
public struct DeclaredResource: Sendable, Hashable {
    /// Terraform's address, e.g. `module.svc["api"].aws_instance.node[0]`.
    public var address: String
    /// The module path prefix, e.g. `module.svc["api"]`; `nil` in the root module.
    public var module: String?
    public var type: String
    public var name: String
    public var index: ResourceIndex?
    /// Evaluated arguments in the provider's shapes, `tags_all` and provider defaults included.
    public var attributes: [String: Value]
    /// Top-level argument names whose value cannot be known offline.
    public var unknown: [String]
    /// `lifecycle.ignore_changes`, `["*"]` for `all`.
    public var ignoreChanges: [String]
    /// Argument name → `file:line:col` relative to the baseline directory.
    public var sources: [String: String]
    /// `file:line:col` of the resource block itself (where provider defaults are reported).
    public var blockSource: String
    /// Top-level arguments whose value derives from a `sensitive` variable: masked in every report.
    public var sensitive: [String]
    /// The provider alias (`aws.west`) the resource uses; `nil` for the default provider.
    public var providerAlias: String?

    public init(
        address: String, module: String? = nil, type: String, name: String, index: ResourceIndex? = nil,
        attributes: [String: Value] = [:], unknown: [String] = [], ignoreChanges: [String] = [],
        sources: [String: String] = [:], blockSource: String = "", sensitive: [String] = [],
        providerAlias: String? = nil
    ) {
        self.address = address
        self.module = module
        self.type = type
        self.name = name
        self.index = index
        self.attributes = attributes
        self.unknown = unknown
        self.ignoreChanges = ignoreChanges
        self.sources = sources
        self.blockSource = blockSource
        self.sensitive = sensitive
        self.providerAlias = providerAlias
    }

    /// `attributes` with every `sensitive` argument replaced by `"(sensitive)"`: what any output shows.
    public var maskedAttributes: [String: Value] {
        guard !sensitive.isEmpty else { return attributes }
        var masked = attributes
        for name in sensitive where masked[name] != nil { masked[name] = .string(DeclaredResource.sensitiveMarker) }
        return masked
    }

    /// What a sensitive value is shown as, in every format.
    public static let sensitiveMarker = "(sensitive)"

    public var jsonValue: Value {
        var doc: [String: Value] = [
            "address": .string(address), "module": module.map(Value.string) ?? .null,
            "type": .string(type), "name": .string(name), "index": index?.jsonValue ?? .null,
            "attributes": .object(maskedAttributes), "unknown": .array(unknown.sorted().map(Value.string)),
            "ignoreChanges": .array(ignoreChanges.map(Value.string)),
            "sources": .object(sources.mapValues(Value.string)),
        ]
        if !sensitive.isEmpty { doc["sensitive"] = .array(sensitive.sorted().map(Value.string)) }
        return .object(doc)
    }
}
