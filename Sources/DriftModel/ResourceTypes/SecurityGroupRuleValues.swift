/// The values of a security group's inline rules (`ingress`/`egress` objects) as the provider
/// keeps them, shared by the scanner (live rules) and the comparer (declared rules): protocol names,
/// ports of "all protocols", and each rule exploded into one entry per source, which is what makes
/// two groupings of the same rules equal (the provider's `matchRules`).
public enum SecurityGroupRuleValues {
    /// The provider's `protocolForValue`: lower case, `all` is `-1`, the numbers of TCP, UDP and
    /// ICMP are their names.
    public static func protocolName(_ raw: String) -> String {
        let value = raw.lowercased()
        switch value {
        case "all", "-1": return "-1"
        case "6": return "tcp"
        case "17": return "udp"
        case "1": return "icmp"
        default: return value
        }
    }

    /// Ports as the provider keeps them: 0 when AWS sends none ("all protocols").
    public static func ports(_ protocolName: String, from: Double?, to: Double?) -> (Double, Double) {
        if protocolName == "-1" { return (0, 0) }
        return (from ?? 0, to ?? 0)
    }

    /// One inline rule object with every field the provider writes (empty lists, `""`, `false`).
    public static func rule(
        protocolName: String, from: Double, to: Double, description: String, cidrs: [String] = [], ipv6: [String] = [],
        prefixes: [String] = [], groups: [String] = [], isSelf: Bool = false
    ) -> Value {
        func list(_ items: [String]) -> Value { .array(Array(Set(items)).sorted().map(Value.string)) }
        return .object([
            "cidr_blocks": list(cidrs), "description": .string(description), "from_port": .number(from),
            "ipv6_cidr_blocks": list(ipv6), "prefix_list_ids": list(prefixes), "protocol": .string(protocolName),
            "security_groups": list(groups), "self": .bool(isSelf), "to_port": .number(to),
        ])
    }

    /// A rule object exploded into one rule per source (a CIDR, an IPv6 CIDR, a prefix list, a
    /// group, or `self`), each with the rule's protocol, ports and description; missing fields read
    /// as the provider's zero values. Equal sets of these are rules `terraform plan` leaves alone.
    public static func atoms(of rule: Value) -> [Value] {
        func strings(_ name: String) -> [String] { (rule[name]?.arrayValue ?? []).compactMap(\.stringValue) }
        let protocolName = protocolName(rule["protocol"]?.stringValue ?? "-1")
        let (from, to) = ports(protocolName, from: rule["from_port"]?.numberValue, to: rule["to_port"]?.numberValue)
        let description = rule["description"]?.stringValue ?? ""
        func atom(cidrs: [String] = [], ipv6: [String] = [], prefixes: [String] = [], groups: [String] = [], isSelf: Bool = false) -> Value {
            Self.rule(
                protocolName: protocolName, from: from, to: to, description: description, cidrs: cidrs, ipv6: ipv6,
                prefixes: prefixes, groups: groups, isSelf: isSelf)
        }
        var out: [Value] = []
        out += strings("cidr_blocks").map { atom(cidrs: [$0]) }
        out += strings("ipv6_cidr_blocks").map { atom(ipv6: [$0]) }
        out += strings("prefix_list_ids").map { atom(prefixes: [$0]) }
        out += strings("security_groups").map { atom(groups: [$0]) }
        if rule["self"]?.boolValue == true { out.append(atom(isSelf: true)) }
        return out
    }

    /// Every atom of a list of rule objects, without repeats, in a stable order.
    public static func atoms(ofRules rules: [Value]) -> Set<Value> {
        Set(rules.flatMap(atoms(of:)))
    }
}
