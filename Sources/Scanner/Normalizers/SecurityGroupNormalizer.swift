import AWSClient
import DriftModel

/// DescribeSecurityGroups and DescribeSecurityGroupRules answers in the provider's shapes:
/// `aws_security_group` with its inline `ingress`/`egress` rule sets, and one
/// `aws_vpc_security_group_ingress_rule`/`egress_rule` per live rule (`sgr-…`).
enum SecurityGroupNormalizer {
    /// An `aws_security_group` from one `securityGroupInfo/item`.
    static func group(_ item: XMLTree) -> LiveResource? {
        guard let id = item.nonEmptyString("groupId") else { return nil }
        var a: [String: Value] = [:]
        a.set("name", item.stringValue("groupName"))
        a["name_prefix"] = .string(item.nonEmptyString("groupName").flatMap(GeneratedName.prefix) ?? "")
        a.set("description", item.stringValue("groupDescription"))
        a.set("vpc_id", item.nonEmptyString("vpcId").map(Value.string))
        a.set("owner_id", item.nonEmptyString("ownerId").map(Value.string))
        a.set("arn", item.nonEmptyString("securityGroupArn").map(Value.string))
        a["ingress"] = .array(rules(item.all("ipPermissions/item"), groupID: id))
        a["egress"] = .array(rules(item.all("ipPermissionsEgress/item"), groupID: id))
        a["tags"] = EC2Normalizer.tags(item)
        return LiveResource(type: "aws_security_group", id: id, attributes: a)
    }

    /// The provider's `flattenIPPerms`: one rule object per (protocol, ports, description), holding
    /// every source with that description; a pair naming the group itself is `self = true`.
    static func rules(_ permissions: [XMLTree], groupID: String) -> [Value] {
        struct Key: Hashable { var protocolName: String; var from: Double; var to: Double; var description: String }
        var order: [Key] = []
        var grouped: [Key: (cidrs: [String], ipv6: [String], prefixes: [String], groups: [String], isSelf: Bool)] = [:]
        for permission in permissions {
            let protocolName = SecurityGroupRuleValues.protocolName(permission.string("ipProtocol") ?? "-1")
            let (from, to) = SecurityGroupRuleValues.ports(
                protocolName, from: permission.numberValue("fromPort")?.numberValue,
                to: permission.numberValue("toPort")?.numberValue)
            func add(_ description: String?, _ change: (inout (cidrs: [String], ipv6: [String], prefixes: [String], groups: [String], isSelf: Bool)) -> Void) {
                let key = Key(protocolName: protocolName, from: from, to: to, description: description ?? "")
                if grouped[key] == nil { order.append(key) }
                change(&grouped[key, default: ([], [], [], [], false)])
            }
            for range in permission.all("ipRanges/item") {
                guard let cidr = range.nonEmptyString("cidrIp") else { continue }
                add(range.string("description")) { $0.cidrs.append(cidr) }
            }
            for range in permission.all("ipv6Ranges/item") {
                guard let cidr = range.nonEmptyString("cidrIpv6") else { continue }
                add(range.string("description")) { $0.ipv6.append(cidr) }
            }
            for prefix in permission.all("prefixListIds/item") {
                guard let list = prefix.nonEmptyString("prefixListId") else { continue }
                add(prefix.string("description")) { $0.prefixes.append(list) }
            }
            for pair in permission.all("groups/item") {
                guard let other = pair.nonEmptyString("groupId") else { continue }
                if other == groupID {
                    add(pair.string("description")) { $0.isSelf = true }
                } else {
                    add(pair.string("description")) { $0.groups.append(other) }
                }
            }
        }
        return order.compactMap { key in
            guard let sources = grouped[key] else { return nil }
            return SecurityGroupRuleValues.rule(
                protocolName: key.protocolName, from: key.from, to: key.to, description: key.description,
                cidrs: sources.cidrs, ipv6: sources.ipv6, prefixes: sources.prefixes, groups: sources.groups,
                isSelf: sources.isSelf)
        }
    }

    /// An `aws_vpc_security_group_ingress_rule` or `egress_rule` from one `securityGroupRuleSet/item`.
    static func rule(_ item: XMLTree, region: String) -> LiveResource? {
        guard let id = item.nonEmptyString("securityGroupRuleId"), let group = item.nonEmptyString("groupId") else { return nil }
        let egress = item.string("isEgress")?.lowercased() == "true"
        var a: [String: Value] = [:]
        a["security_group_rule_id"] = .string(id)
        a["security_group_id"] = .string(group)
        let protocolName = SecurityGroupRuleValues.protocolName(item.string("ipProtocol") ?? "-1")
        a["ip_protocol"] = .string(protocolName)
        // The provider leaves the ports null for "all protocols" (AWS answers -1).
        if protocolName != "-1" {
            a.set("from_port", item.numberValue("fromPort"))
            a.set("to_port", item.numberValue("toPort"))
        }
        a.set("cidr_ipv4", item.nonEmptyString("cidrIpv4").map(Value.string))
        a.set("cidr_ipv6", item.nonEmptyString("cidrIpv6").map(Value.string))
        a.set("prefix_list_id", item.nonEmptyString("prefixListId").map(Value.string))
        a.set("referenced_security_group_id", item.nonEmptyString("referencedGroupInfo/groupId").map(Value.string))
        a.set("description", item.nonEmptyString("description").map(Value.string))
        if let owner = item.nonEmptyString("groupOwnerId") {
            a["arn"] = .string("arn:aws:ec2:\(region):\(owner):security-group-rule/\(id)")
        }
        a["tags"] = EC2Normalizer.tags(item)
        let type = egress ? "aws_vpc_security_group_egress_rule" : "aws_vpc_security_group_ingress_rule"
        return LiveResource(type: type, id: id, attributes: a)
    }
}
