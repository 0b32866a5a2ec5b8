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
/// number of sources, of a group. Its id (`sgrule-…`) is a hash of its arguments, not an AWS id,
/// so it is found by the permissions it describes.
struct LegacySecurityGroupRule {
    static let type = "aws_security_group_rule"

    var permissions: Set<SecurityGroupRulePermission>

    /// From the state's recorded attributes when there is state, else the declaration; `nil` when
    /// the group or the permission is not known offline.
    init?(declared: DeclaredResource, recorded: [String: Value]?) {
        let a = recorded ?? declared.attributes
        if recorded == nil, !declared.unknown.isEmpty { return nil }
        guard let group = a["security_group_id"]?.stringValue, let direction = a["type"]?.stringValue else { return nil }
        func strings(_ name: String) -> [String] { (a[name]?.arrayValue ?? []).compactMap(\.stringValue) }
        var sources = strings("cidr_blocks") + strings("ipv6_cidr_blocks") + strings("prefix_list_ids")
        if let other = a["source_security_group_id"]?.stringValue { sources.append(other) }
        if a["self"]?.boolValue == true { sources.append(group) }
        permissions = Set(sources.map { source in
            SecurityGroupRulePermission(
                egress: direction == "egress", group: group, protocolName: a["protocol"]?.stringValue ?? "-1",
                from: a["from_port"]?.numberValue, to: a["to_port"]?.numberValue, source: source)
        })
    }

    /// The live rules it describes.
    func liveRules(in rules: [LiveResource]) -> [LiveResource] {
        rules.filter { rule in SecurityGroupRulePermission(live: rule).map(permissions.contains) ?? false }
    }
}
