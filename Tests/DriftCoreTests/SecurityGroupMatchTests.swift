import DriftModel
import Testing

@testable import DriftCore

/// Without state, a security group is found by `name` (and `vpc_id`), else by `name_prefix`, else
/// (neither declared) only among the groups the provider names itself (`terraform-` and a unique
/// suffix) — never any group of the VPC.
@Suite("Security groups are identified by name, name prefix, or the provider's own prefix")
struct SecurityGroupMatchTests {
    static func declared(_ name: String, _ attributes: [String: Value]) -> DeclaredResource {
        DeclaredResource(
            address: "aws_security_group.\(name)", type: "aws_security_group", name: name, attributes: attributes,
            blockSource: "main.tf:1:1")
    }

    static func live(_ id: String, _ name: String, prefix: String = "", vpc: String = "vpc-1") -> LiveResource {
        LiveResource(type: "aws_security_group", id: id, attributes: [
            "name": .string(name), "name_prefix": .string(prefix), "vpc_id": .string(vpc), "tags": [:],
        ])
    }

    static let groups = [
        live("sg-1", "web"),
        live("sg-2", "worker-20261206101500000000000001", prefix: "worker-"),
        live("sg-3", "terraform-20261206101500000000000002", prefix: "terraform-"),
        live("sg-4", "hand-made"),
        live("sg-5", "terraform-20261206101500000000000003", prefix: "terraform-", vpc: "vpc-2"),
    ]

    func outcome(_ declaration: DeclaredResource, among live: [LiveResource] = groups) -> ResourceMatch.Outcome? {
        Matcher(baseline: Baseline(resources: [declaration]), snapshot: Build.snapshot(live), state: nil)
            .match().matches.first?.outcome
    }

    func foundID(_ outcome: ResourceMatch.Outcome?) -> String? {
        if case .found(let live)? = outcome { return live.id }
        return nil
    }

    @Test("by name, by name_prefix, and unnamed in a VPC only among the provider's terraform- names")
    func identities() {
        #expect(foundID(outcome(Self.declared("web", ["name": "web", "vpc_id": "vpc-1"]))) == "sg-1")
        #expect(foundID(outcome(Self.declared("worker", ["name_prefix": "worker-", "vpc_id": "vpc-1"]))) == "sg-2")
        #expect(foundID(outcome(Self.declared("anon", ["vpc_id": "vpc-1"]))) == "sg-3")
        #expect(foundID(outcome(Self.declared("anon", ["vpc_id": "vpc-2"]))) == "sg-5")
        // Not any group of the VPC: with no terraform- named one there, the unnamed declaration is missing.
        let noGenerated = Self.groups.filter { $0.id != "sg-3" }
        guard case .missing? = outcome(Self.declared("anon", ["vpc_id": "vpc-1"]), among: noGenerated) else {
            Issue.record("an unnamed declaration matched a group the provider did not name")
            return
        }
    }

    @Test("unnamed with its VPC left to the default: two generated groups are ambiguous, not a guess")
    func ambiguous() {
        guard case .ambiguous(let candidates)? = outcome(Self.declared("anon", [:])) else {
            Issue.record("expected ambiguous")
            return
        }
        #expect(candidates == ["sg-3", "sg-5"])
    }
}
