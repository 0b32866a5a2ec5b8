/// What drift knows about one Terraform resource type, in one place: which service and collector
/// read it, how a declaration finds its live resource, whether a live one no file declares is
/// reported unmanaged, what to call it in a report, and which calls a scan may leave out.
///
/// The matcher, analyzer, scanner and schema generator all read `ResourceType.all`
/// (`ResourceType+Catalog.swift`); a rule that only one type needs lives in that type's own files,
/// never in a shared `switch` over type names. `docs/adding-a-resource-type.md` walks through adding one.
public struct ResourceType: Sendable, Hashable {
    /// The AWS service whose API describes the type (errors name it; `--services` selects by it).
    public enum Service: String, Sendable, Hashable, CaseIterable {
        case ec2, s3, dynamodb
    }

    /// The scanner component that lists the type. One collector may produce several types (a
    /// bucket's split settings are read with the bucket), and runs when any of them is needed.
    public enum Collector: String, Sendable, Hashable, CaseIterable {
        case instances, buckets, tables, securityGroups, volumes, addresses, keyPairs, launchTemplates, networks
    }

    /// How a declaration finds its live resource when there is no state. With state, the state's
    /// id is exact: `stateID` below.
    public enum Identity: Sendable, Hashable {
        /// The live id is the value of this argument of the declaration (a bucket's `bucket`).
        case argument(String)
        /// The live id is these arguments' values joined with `:`, as the provider's id of a
        /// setting a bucket has several of (`bucket:name` of an `aws_s3_bucket_inventory`); the
        /// first names the resource failed reads are reported on (the bucket).
        case arguments([String])
        /// No natural key: the declared tags find it, `Name` first, then every declared tag.
        case tags
        /// The live resource whose attributes equal the declaration's for these arguments (those
        /// known offline; the first must be): a security group by `name` (and `vpc_id` when
        /// known). More than one such resource is ambiguous, never a guess.
        case attributes([String])
        /// Found by the permissions it describes in its security group (the legacy
        /// `aws_security_group_rule`, whose id is a hash of its arguments, not an AWS id).
        case permission
    }

    /// A call the collector makes only when some declaration sets one of `arguments`: they are
    /// optional and computed, so when no file sets them they cannot drift. A skipped call's
    /// arguments are named in `Snapshot.omitted`, so "not read" is never taken for "absent".
    public struct SkippableCall: Sendable, Hashable {
        public var operation: String
        public var arguments: [String]
        /// One call per resource per argument, made after matching for just the matched resources
        /// that declare them (`DescribeInstanceAttribute`), rather than batched in the collector.
        public var perResource: Bool

        public init(_ operation: String, arguments: [String], perResource: Bool = false) {
            self.operation = operation
            self.arguments = arguments
            self.perResource = perResource
        }
    }

    /// Which live resources of the type a scan lists so that one nothing declares is `unmanaged`.
    public enum Inventory: Sendable, Hashable {
        /// None: the type is read only for what is declared (a bucket's split settings).
        case none
        /// Every one in the region.
        case all
        /// Those whose `via` argument names a managed `parent`, unless the parent's declaration
        /// sets `unlessParentDeclares` (then the parent's own comparison covers them): a rule
        /// opened by hand in a managed security group whose rules are separate resources.
        case withinManaged(parent: String, via: String, unlessParentDeclares: String)
    }

    /// What an unmanaged finding shows beside the id, so a person recognises the resource.
    public enum DisplayName: Sendable, Hashable {
        /// A tag's value (`Name`).
        case tag(String)
        /// An attribute's value (a security group's `name`).
        case attribute(String)
    }

    /// `aws_instance`.
    public var name: String
    public var service: Service
    public var collector: Collector
    /// Identity without state.
    public var identity: Identity
    /// The arguments Terraform joins with commas into the resource's `id` (what `terraform import`
    /// takes), the first always, the others where set; empty when the id is only known after
    /// apply (an instance's `i-…`). A reference to `type.name.id` resolves to it offline.
    public var idArguments: [String]
    /// Which live resources no file (and no state) declares are reported unmanaged.
    public var inventory: Inventory
    /// Attribute values that mark what AWS makes by itself, never unmanaged (a VPC's security
    /// group named `default`).
    public var awsManaged: [String: Value]
    public var displayName: DisplayName?
    /// What a person calls several of them in a summary (`instances`, `buckets`); `nil`: the type
    /// without `aws_`, plus `s` (`security_groups`).
    public var plural: String?
    /// For an `.attributes` identity: the values the provider gives identity arguments that a
    /// declaration leaves all unset (`name_prefix = "terraform-"`: with neither `name` nor
    /// `name_prefix`, `create.Name` names the resource `terraform-` and a unique suffix). Such a
    /// declaration can then be only a live resource with these values, never any one.
    public var unsetIdentity: [String: Value]
    /// The identity arguments whose being unset brings `unsetIdentity` in (a security group's
    /// `name` and `name_prefix`, not its `vpc_id`); `nil`: all of them.
    public var unsetIdentityWhen: [String]?
    public var skippableCalls: [SkippableCall]
    /// Whether a scan with no baseline to select by (a bare `drift snapshot`) reads it: `false`
    /// for a setting that costs a call per bucket and that few buckets have, read only for a
    /// configuration that declares it.
    public var inBareSnapshot: Bool

    public init(
        _ name: String, service: Service, collector: Collector, identity: Identity, idArguments: [String] = [],
        inventory: Inventory, awsManaged: [String: Value] = [:], displayName: DisplayName? = nil, plural: String? = nil,
        unsetIdentity: [String: Value] = [:], unsetIdentityWhen: [String]? = nil, skippableCalls: [SkippableCall] = [],
        inBareSnapshot: Bool = true
    ) {
        self.name = name
        self.service = service
        self.collector = collector
        self.identity = identity
        self.idArguments = idArguments
        self.inventory = inventory
        self.awsManaged = awsManaged
        self.displayName = displayName
        self.skippableCalls = skippableCalls
        self.inBareSnapshot = inBareSnapshot
        self.plural = plural
        self.unsetIdentity = unsetIdentity
        self.unsetIdentityWhen = unsetIdentityWhen
    }

    /// `plural`, else the bare type name with an `s`.
    public var pluralName: String {
        plural ?? (name.hasPrefix("aws_") ? String(name.dropFirst(4)) : name) + "s"
    }
}

extension ResourceType {
    /// Every type drift scans, by name.
    public static let byName: [String: ResourceType] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The registry entry of a Terraform type; `nil` for a type drift does not scan.
    public static func named(_ name: String) -> ResourceType? { byName[name] }

    /// The names of every scanned type.
    public static var names: Set<String> { Set(byName.keys) }

    /// Whether every live one is listed for the unmanaged inventory.
    public var inventoried: Bool { inventory == .all }

    /// Whether AWS made this live resource by itself (never unmanaged).
    public func isAWSManaged(_ live: LiveResource) -> Bool {
        !awsManaged.isEmpty && awsManaged.allSatisfy { live.attributes[$0.key] == $0.value }
    }

    /// The arguments whose values make the live id without state (one, or several joined).
    public var keyArguments: [String]? {
        switch identity {
        case .argument(let name): return [name]
        case .arguments(let names): return names
        default: return nil
        }
    }

    /// The live id from the key arguments' values (a declaration's or a state's); `nil` when one
    /// is missing or empty.
    public func liveID(from attributes: [String: Value]) -> String? {
        guard let keys = keyArguments else { return nil }
        let parts = keys.compactMap { attributes[$0]?.stringValue }.filter { !$0.isEmpty }
        return parts.count == keys.count ? parts.joined(separator: ":") : nil
    }

    /// The resource a failed read names for a live id: the first key's part (the bucket of
    /// `bucket:name`), else the id itself.
    public func readResource(forID id: String) -> String {
        guard case .arguments = identity, let colon = id.firstIndex(of: ":") else { return id }
        return String(id[..<colon])
    }

    /// The name shown for a live resource of this type in an unmanaged finding.
    public func displayName(of live: LiveResource) -> String? {
        switch displayName {
        case .tag(let key)?:
            return ((live.attributes["tags"] ?? live.attributes["tags_all"])?.objectValue?[key]).flatMap(\.stringValue)
        case .attribute(let name)?: return live.attributes[name]?.stringValue
        case nil: return nil
        }
    }

    /// Whether a scan reads this type at all. `declared` holds, per type, the arguments the
    /// baseline's declarations set (`nil`: read everything); `silenced` the types whose unmanaged
    /// findings `.driftignore` drops. A declared type is read; an undeclared one only when it is
    /// inventoried and its unmanaged findings can still be reported (for `withinManaged`, when
    /// its parent type is declared).
    public func isRead(declared: [String: Set<String>]?, silenced: Set<String> = []) -> Bool {
        guard let declared else { return inBareSnapshot }
        if declared[name] != nil { return true }
        if silenced.contains(name) { return false }
        switch inventory {
        case .none: return false
        case .all: return true
        case .withinManaged(let parent, _, _): return declared[parent] != nil
        }
    }

    /// The skippable calls to leave out when only `declared` arguments of this type matter
    /// (`nil`: none is left out).
    public func skippedCalls(declared: Set<String>?) -> [SkippableCall] {
        guard let declared else { return [] }
        return skippableCalls.filter { declared.isDisjoint(with: $0.arguments) }
    }

    /// The arguments a declaration sets: non-null and, for blocks, non-empty (the baseline writes
    /// an undeclared block as an empty list), plus those set to a value unknown offline.
    public static func declaredArguments(of resource: DeclaredResource) -> Set<String> {
        var names = Set(resource.unknown)
        for (name, value) in resource.attributes where !value.isNull && value != .array([]) { names.insert(name) }
        return names
    }

    /// Per scanned type, the arguments the given declarations set (a declared type with none set
    /// still appears, with an empty set).
    public static func declaredArguments(of resources: [DeclaredResource]) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for resource in resources where byName[resource.type] != nil {
            out[resource.type, default: []].formUnion(declaredArguments(of: resource))
        }
        return out
    }
}
