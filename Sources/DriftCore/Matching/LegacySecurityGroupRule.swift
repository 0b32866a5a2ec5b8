import DriftModel

/// One source of one permission of a security group, in the terms of the rules API
/// (`aws_vpc_security_group_ingress_rule`): what a legacy rule and a live `sgr-` rule share.
struct SecurityGroupRulePermission: Hashable {
    static let liveTypes: Set<String> = ["aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"]

    var egress: Bool
    var group: String
    var protocolName: String
    var from: Double
    var to: Double
    var source: String

    init(egress: Bool, group: String, protocolName: String, from: Double?, to: Double?, source: String) {
        self.egress = egress
        self.group = group
        self.protocolName = SecurityGroupRuleValues.protocolName(protocolName)
        (self.from, self.to) = SecurityGroupRuleValues.ports(self.protocolName, from: from, to: to)
        self.source = source
    }

    /// A live rule's permission.
    init?(live: LiveResource) {
        guard Self.liveTypes.contains(live.type), let group = live.attributes["security_group_id"]?.stringValue else { return nil }
        let a = live.attributes
        let source = ["cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id"]
            .lazy.compactMap { a[$0]?.stringValue }.first ?? ""
        self.init(
            egress: live.type.hasSuffix("egress_rule"), group: group, protocolName: a["ip_protocol"]?.stringValue ?? "-1",
            from: a["from_port"]?.numberValue, to: a["to_port"]?.numberValue, source: source)
    }
}

/// The legacy `aws_security_group_rule`: one declaration that describes one permission, with any
/// number of sources, of a group. Its id (`sgrule-…`) is a hash of its arguments, not an AWS id, so
/// it is found by the permissions it describes: all of them live in its group (the provider's read
/// finds the rule only then; otherwise the plan creates it again: missing).
struct LegacySecurityGroupRule {
    static let type = "aws_security_group_rule"

    /// Its arguments: the declaration's known ones, with what the state records over them.
    var arguments: [String: Value]
    /// `nil` when the group is not known offline (a reference to a group made by the same apply).
    var group: String?
    var egress: Bool
    var protocolName: String
    var from: Double?
    var to: Double?
    /// Its sources; `self` is the group's own id, filled in per candidate group.
    var sources: [String]
    var isSelf: Bool

    /// `nil` when an argument that says which permission it is is not known offline.
    init?(declared: DeclaredResource, recorded: [String: Value]?) {
        // The declaration where known, the state's record over it.
        var a = declared.attributes
        for name in declared.unknown { a[name] = nil }
        a.merge(recorded ?? [:]) { _, recorded in recorded }
        let identifying: Set<String> = [
            "type", "protocol", "from_port", "to_port", "cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids",
            "source_security_group_id", "self",
        ]
        let unknown = Set(declared.unknown).subtracting((recorded ?? [:]).keys)
        if !identifying.isDisjoint(with: unknown) { return nil }
        guard let direction = a["type"]?.stringValue else { return nil }
        arguments = a
        group = a["security_group_id"]?.stringValue
        egress = direction == "egress"
        protocolName = a["protocol"]?.stringValue ?? "-1"
        from = a["from_port"]?.numberValue
        to = a["to_port"]?.numberValue
        func strings(_ name: String) -> [String] { (a[name]?.arrayValue ?? []).compactMap(\.stringValue) }
        sources = strings("cidr_blocks") + strings("ipv6_cidr_blocks") + strings("prefix_list_ids")
        if let other = a["source_security_group_id"]?.stringValue { sources.append(other) }
        isSelf = a["self"]?.boolValue == true
    }

    func permissions(in group: String) -> Set<SecurityGroupRulePermission> {
        Set((sources + (isSelf ? [group] : [])).map { source in
            SecurityGroupRulePermission(
                egress: egress, group: group, protocolName: protocolName, from: from, to: to, source: source)
        })
    }

    enum Found { case rules([LiveResource]), none, ambiguous([String]) }

    /// The live rules it describes: in its group, or, when the group is not known, in the one
    /// group that holds them all.
    func find(in rules: [LiveResource]) -> Found {
        let byGroup = Dictionary(grouping: rules.compactMap { rule in SecurityGroupRulePermission(live: rule).map { ($0, rule) } }) {
            $0.0.group
        }
        let groups = group.map { [$0] } ?? byGroup.keys.sorted()
        var hits: [(String, [LiveResource])] = []
        for candidate in groups {
            let wanted = permissions(in: candidate)
            let live = (byGroup[candidate] ?? []).filter { wanted.contains($0.0) }
            if !wanted.isEmpty, Set(live.map(\.0)) == wanted { hits.append((candidate, live.map(\.1))) }
        }
        switch hits.count {
        case 0: return .none
        case 1: return .rules(hits[0].1)
        default: return .ambiguous(hits.map(\.0))
        }
    }

    /// The live resource a comparison sees: its own arguments, with the description AWS holds
    /// (the only argument that can change in place).
    func live(id: String, rules: [LiveResource]) -> LiveResource {
        var a = arguments
        a["description"] = rules.lazy.compactMap { $0.attributes["description"] }.first ?? .null
        if let group = rules.first?.attributes["security_group_id"] { a["security_group_id"] = group }
        return LiveResource(type: Self.type, id: id, attributes: a)
    }

    /// The provider's id for it (`IPPermissionIDHash`): "sgrule-" and the CRC-32 of the group,
    /// ports, protocol, type and sorted sources.
    func providerID(group: String) -> String {
        var text = "\(group)-"
        if let from, from > 0 { text += "\(Int(from))-" }
        if let to, to > 0 { text += "\(Int(to))-" }
        text += "\(SecurityGroupRuleValues.protocolName(protocolName))-\(egress ? "egress" : "ingress")-"
        for source in (sources + (isSelf ? [group] : [])).sorted() { text += "\(source)-" }
        return "sgrule-\(CRC32.checksum(text))"
    }

    /// The match outcome of a declaration against the listed rules.
    static func outcome(_ declared: DeclaredResource, state: TerraformState?, rules: [LiveResource]) -> ResourceMatch.Outcome {
        let recorded = state?.instances[declared.address]
        if state != nil, recorded == nil { return .notInState }
        guard let rule = LegacySecurityGroupRule(declared: declared, recorded: recorded?.attributes) else {
            return .unidentified(reason: "the permission it describes is not known offline and there is no state")
        }
        switch rule.find(in: rules) {
        case .rules(let found):
            let group = found.first?.attributes["security_group_id"]?.stringValue ?? rule.group ?? ""
            return .found(rule.live(id: recorded?.liveID ?? rule.providerID(group: group), rules: found))
        case .none:
            return .missing(id: recorded?.liveID ?? rule.group.map(rule.providerID))
        case .ambiguous(let groups):
            return .ambiguous(candidates: groups)
        }
    }
}
