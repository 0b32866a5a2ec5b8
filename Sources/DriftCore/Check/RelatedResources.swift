import DriftModel
import Scanner

/// What hangs off an instance, for `drift check`: its security groups (with their rules), its
/// attached volumes and its elastic IP, each matched with its declaration and compared as a scan
/// would, so "is this box a snowflake?" covers the whole box. Read with the region-wide listings of
/// those types (a handful of calls, made together), then narrowed to this instance.
public struct RelatedResources: Sendable {
    /// One related live resource and what the baseline says about it.
    public struct Item: Sendable {
        public enum Kind: String, Sendable { case securityGroup = "security group", volume, elasticIP = "elastic IP" }
        public var kind: Kind
        public var live: LiveResource
        /// The declaration it is, if any.
        public var address: String?
        /// Drift found on it (empty when in sync or undeclared).
        public var changes: [AttributeChange]
        /// Rules of a security group declared as separate resources, or opened by hand there.
        public var rules: [LiveResource]
        /// A rule of this group that no file declares.
        public var unmanagedRules: [LiveResource]
    }

    public var items: [Item]

    /// The types read for it.
    static let types: Set<String> = [
        "aws_security_group", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule",
        "aws_ebs_volume", "aws_volume_attachment", "aws_eip", "aws_eip_association",
    ]

    /// `report` and `match` are the check's scan of `types` (every declaration of those types).
    static func narrow(instance: LiveResource, snapshot: Snapshot, match: MatchResult, report: Report) -> RelatedResources {
        let groups = Set((instance.attributes["vpc_security_group_ids"]?.arrayValue ?? []).compactMap(\.stringValue))
        let volumes = Set(snapshot.resources.filter {
            $0.type == "aws_volume_attachment" && $0.attributes["instance_id"]?.stringValue == instance.id
        }.compactMap { $0.attributes["volume_id"]?.stringValue })
        var addressOf: [String: String] = [:]
        for m in match.matches { if let id = m.id { addressOf["\(m.declared.type) \(id)"] = m.declared.address } }
        let unmanagedIDs = Set(match.unmanaged.map(\.id))
        var items: [Item] = []
        for live in snapshot.resources {
            let kind: Item.Kind
            switch live.type {
            case "aws_security_group" where groups.contains(live.id): kind = .securityGroup
            case "aws_ebs_volume" where volumes.contains(live.id): kind = .volume
            case "aws_eip" where live.attributes["instance"]?.stringValue == instance.id: kind = .elasticIP
            default: continue
            }
            let address = addressOf["\(live.type) \(live.id)"]
            let changes = report.findings.first { $0.kind == .drifted && $0.address == address && address != nil }?.changes ?? []
            let rules = kind == .securityGroup
                ? snapshot.resources.filter {
                    SecurityGroupRulePermission.liveTypes.contains($0.type)
                        && $0.attributes["security_group_id"]?.stringValue == live.id
                } : []
            items.append(Item(
                kind: kind, live: live, address: address, changes: changes, rules: rules,
                unmanagedRules: rules.filter { unmanagedIDs.contains($0.id) }))
        }
        return RelatedResources(items: items.sorted { ($0.kind.rawValue, $0.live.id) < ($1.kind.rawValue, $1.live.id) })
    }
}
