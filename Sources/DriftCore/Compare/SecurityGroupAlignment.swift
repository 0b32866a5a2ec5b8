import DriftModel

/// `aws_security_group`'s inline `ingress` and `egress`, compared as the provider's read does
/// (`matchRules`): AWS keeps one permission per source, the configuration may group several
/// sources in one rule, and the provider regroups the live rules after the configuration before
/// diffing. Both sides become full rule objects (empty lists, `""`, `false` for what is unset); the
/// live rules are regrouped like the declared ones where every source of a declared rule is live,
/// and what is left stays grouped by protocol, ports and description.
enum SecurityGroupAlignment {
    static let type = "aws_security_group"
    static let ruleSets = ["ingress", "egress"]

    static func align(_ declared: DeclaredResource, _ live: LiveResource) -> (DeclaredResource, LiveResource) {
        var declared = declared
        var live = live
        for name in ruleSets {
            guard let rules = declared.attributes[name]?.arrayValue, let liveRules = live.attributes[name]?.arrayValue else { continue }
            let declaredRules = rules.map(normalized)
            declared.attributes[name] = .array(declaredRules)
            live.attributes[name] = .array(regrouped(liveRules, after: declaredRules))
        }
        return (declared, live)
    }

    /// A declared rule with every field the provider writes.
    static func normalized(_ rule: Value) -> Value {
        func strings(_ name: String) -> [String] { (rule[name]?.arrayValue ?? []).compactMap(\.stringValue) }
        let protocolName = SecurityGroupRuleValues.protocolName(rule["protocol"]?.stringValue ?? "-1")
        let (from, to) = SecurityGroupRuleValues.ports(
            protocolName, from: rule["from_port"]?.numberValue, to: rule["to_port"]?.numberValue)
        return SecurityGroupRuleValues.rule(
            protocolName: protocolName, from: from, to: to, description: rule["description"]?.stringValue ?? "",
            cidrs: strings("cidr_blocks"), ipv6: strings("ipv6_cidr_blocks"), prefixes: strings("prefix_list_ids"),
            groups: strings("security_groups"), isSelf: rule["self"]?.boolValue ?? false)
    }

    static func regrouped(_ liveRules: [Value], after declaredRules: [Value]) -> [Value] {
        var remaining = SecurityGroupRuleValues.atoms(ofRules: liveRules)
        var out: [Value] = []
        for rule in declaredRules {
            let atoms = Set(SecurityGroupRuleValues.atoms(of: rule))
            guard !atoms.isEmpty, atoms.isSubset(of: remaining) else { continue }
            out.append(rule)
            remaining.subtract(atoms)
        }
        // The rest, one rule per protocol, ports and description, as `flattenIPPerms` groups them.
        var grouped: [Value: [Value]] = [:]
        for atom in remaining {
            var key = atom.objectValue ?? [:]
            for list in ["cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids", "security_groups"] { key[list] = .array([]) }
            key["self"] = .bool(false)
            grouped[.object(key), default: []].append(atom)
        }
        for (key, atoms) in grouped.sorted(by: { $0.key.canonicalJSON() < $1.key.canonicalJSON() }) {
            var merged = key.objectValue ?? [:]
            for list in ["cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids", "security_groups"] {
                let items = atoms.flatMap { ($0[list]?.arrayValue ?? []) }.compactMap(\.stringValue)
                merged[list] = .array(Array(Set(items)).sorted().map(Value.string))
            }
            merged["self"] = .bool(atoms.contains { $0["self"]?.boolValue == true })
            out.append(.object(merged))
        }
        return out
    }
}

/// Per-type steps before comparison, for rules the schema cannot state; one entry per type.
enum ComparisonAlignment {
    static let byType: [String: @Sendable (DeclaredResource, LiveResource) -> (DeclaredResource, LiveResource)] = [
        SecurityGroupAlignment.type: SecurityGroupAlignment.align,
    ]

    static func align(_ declared: DeclaredResource, _ live: LiveResource) -> (DeclaredResource, LiveResource) {
        byType[declared.type].map { $0(declared, live) } ?? (declared, live)
    }
}
