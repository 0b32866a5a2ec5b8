import DriftModel
import Testing

@testable import DriftCore

/// Without state, a launch template is found by `name`, else by `name_prefix`, else (neither
/// declared) among the templates the provider names itself (`terraform-` and a unique suffix).
@Suite("Launch templates are identified by name, name prefix, or the provider's own prefix")
struct LaunchTemplateMatchTests {
    static func declared(_ name: String, _ attributes: [String: Value]) -> DeclaredResource {
        DeclaredResource(
            address: "aws_launch_template.\(name)", type: "aws_launch_template", name: name, attributes: attributes,
            blockSource: "main.tf:1:1")
    }

    static func live(_ id: String, _ name: String, prefix: String = "") -> LiveResource {
        LiveResource(type: "aws_launch_template", id: id, attributes: [
            "name": .string(name), "name_prefix": .string(prefix), "tags": [:],
        ])
    }

    static let templates = [
        live("lt-1", "web"),
        live("lt-2", "worker-20261206101500000000000001", prefix: "worker-"),
        live("lt-3", "terraform-20261206101500000000000002", prefix: "terraform-"),
        live("lt-4", "hand-made"),
    ]

    func outcome(_ declaration: DeclaredResource, among live: [LiveResource] = templates) -> ResourceMatch.Outcome? {
        let match = Matcher(
            baseline: Baseline(resources: [declaration]), snapshot: Build.snapshot(live), state: nil
        ).match()
        return match.matches.first?.outcome
    }

    func foundID(_ outcome: ResourceMatch.Outcome?) -> String? {
        if case .found(let live)? = outcome { return live.id }
        return nil
    }

    @Test("by name, by name_prefix, and unnamed only among the provider's terraform- names")
    func identities() {
        #expect(foundID(outcome(Self.declared("web", ["name": "web"]))) == "lt-1")
        #expect(foundID(outcome(Self.declared("worker", ["name_prefix": "worker-"]))) == "lt-2")
        #expect(foundID(outcome(Self.declared("anon", [:]))) == "lt-3")
        // Not any template: with no terraform- named one, the unnamed declaration is missing.
        let noGenerated = Self.templates.filter { $0.id != "lt-3" }
        guard case .missing? = outcome(Self.declared("anon", [:]), among: noGenerated) else {
            Issue.record("an unnamed declaration matched a template the provider did not name")
            return
        }
    }

    @Test("a name unknown offline cannot identify it")
    func unknownName() {
        let declaration = DeclaredResource(
            address: "aws_launch_template.x", type: "aws_launch_template", name: "x", unknown: ["name"])
        guard case .unidentified? = outcome(declaration) else {
            Issue.record("expected unidentified")
            return
        }
    }
}
