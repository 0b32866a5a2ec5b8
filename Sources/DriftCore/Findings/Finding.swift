import DriftModel

/// One thing a scan found: a drifted, missing, orphaned or unmanaged resource. Findings are values, never
/// thrown, so that every renderer sees the same list.
public struct Finding: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
        /// `terraform plan` would change it back.
        case drifted
        /// Declared (and recorded) but gone live: Terraform would create it again.
        case missing
        /// Recorded in the state, declared by no file, still live: `terraform apply` would destroy it.
        case orphaned
        /// Live, but no declared resource is it: a snowflake.
        case unmanaged

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    public var kind: Kind
    /// The Terraform address (the state's for orphaned resources); `nil` for unmanaged resources.
    public var address: String?
    public var type: String
    public var id: String?
    /// The `Name` tag of an unmanaged or orphaned instance.
    public var name: String?
    /// `file:line:col` of the declaring block (missing resources).
    public var source: String?
    /// Every differing argument (drifted resources).
    public var changes: [AttributeChange]
    /// The region the resource was read in; set only when a scan covers more than one region.
    public var region: String? = nil
    /// The root that declares it (as given on the command line or labelled in `drift.hcl`); set
    /// only when a scan covers more than one root, and never on unmanaged findings (no root
    /// declares them: they belong to their account and region).
    public var root: String? = nil
    /// The account it lives in; set only when a scan covers more than one account.
    public var account: String? = nil
    /// With a history: whether the previous scan of the same target had it. `nil` without one.
    public var status: Status?
    /// With a history: when it was first seen (`scannedAt` of that scan); for a drifted finding
    /// the earliest of its changes' `firstSeen`.
    public var firstSeen: String?
    /// In a report's `resolved` list: the scan that no longer found it.
    public var resolvedAt: String?

    /// Known from history only: `new` when the previous scan of the same target did not have it.
    public enum Status: String, Sendable, Hashable {
        case new, ongoing
    }

    public init(
        kind: Kind, address: String?, type: String, id: String?, name: String? = nil, source: String? = nil,
        changes: [AttributeChange] = []
    ) {
        self.kind = kind
        self.address = address
        self.type = type
        self.id = id
        self.name = name
        self.source = source
        self.changes = changes
    }

    /// The contract's order: (kind, address, type, id).
    public static func sortedByContract(_ findings: [Finding]) -> [Finding] {
        findings.sorted {
            // Root, account and region break ties (empty unless the scan covers several).
            [$0.kind.rawValue, $0.address ?? "", $0.type, $0.id ?? "", $0.root ?? "", $0.account ?? "", $0.region ?? ""]
                .lexicographicallyPrecedes(
                    [$1.kind.rawValue, $1.address ?? "", $1.type, $1.id ?? "", $1.root ?? "", $1.account ?? "", $1.region ?? ""])
        }
    }

    /// How the finding reads in a heading: the address, else `type id (name)`.
    public var displayName: String {
        if let address { return address }
        var s = "\(type) \(id ?? "?")"
        if let name { s += " (\(name))" }
        return s
    }

    public var jsonValue: Value {
        var doc: [String: Value] = [
            "kind": .string(kind.rawValue), "address": address.map(Value.string) ?? .null,
            "type": .string(type), "id": id.map(Value.string) ?? .null,
        ]
        switch kind {
        case .drifted: doc["changes"] = .array(changes.map(\.jsonValue))
        case .missing: doc["source"] = source.map(Value.string) ?? .null
        case .orphaned, .unmanaged: doc["name"] = name.map(Value.string) ?? .null
        }
        if let region { doc["region"] = .string(region) }
        // Estate additions: present only when a scan covers several roots or accounts.
        if let root { doc["root"] = .string(root) }
        if let account { doc["account"] = .string(account) }
        // History additions: present only when the scan used a history (schemaVersion stays 1).
        if let status { doc["status"] = .string(status.rawValue) }
        if let firstSeen { doc["firstSeen"] = .string(firstSeen) }
        if let resolvedAt { doc["resolvedAt"] = .string(resolvedAt) }
        return .object(doc)
    }
}
