/// The arguments of `aws_vpc_security_group_ingress_rule`/`egress_rule` that say which traffic a rule
/// allows: one source (IPv4 or IPv6 CIDR, prefix list or security group), protocol and ports. Two
/// rules of one group with the same values are the same rule to AWS (it refuses a duplicate).
public enum SecurityGroupRuleShape {
    public static let identifying = [
        "security_group_id", "ip_protocol", "from_port", "to_port", "cidr_ipv4", "cidr_ipv6", "prefix_list_id",
        "referenced_security_group_id",
    ]
}
