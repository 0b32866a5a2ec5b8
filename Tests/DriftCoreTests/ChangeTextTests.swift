import DriftCore
import DriftModel
import Testing

@Suite("How one change reads in the human outputs")
struct ChangeTextTests {
    static func rule(_ port: Int, _ description: String) -> Value {
        [
            "cidr_blocks": ["0.0.0.0/0"], "description": .string(description), "from_port": .number(Double(port)),
            "to_port": .number(Double(port)), "protocol": "tcp", "ipv6_cidr_blocks": [], "prefix_list_ids": [],
            "security_groups": [], "self": false,
        ]
    }

    @Test("a short change stays on one line, and absent reads (none)")
    func inline() {
        #expect(ChangeText.render(declared: "t2.micro", live: "t2.small") == .inline(#""t2.micro" → "t2.small""#))
        #expect(ChangeText.render(declared: nil, live: "night-shift") == .inline(#"(none) → "night-shift""#))
    }

    @Test("a rule opened by hand reads as one added element, not two walls of JSON")
    func addedRule() {
        let declared: Value = [Self.rule(80, "http")]
        let live: Value = [Self.rule(80, "http"), Self.rule(22, "ssh, just for tonight")]
        #expect(ChangeText.render(declared: declared, live: live) == .elements([
            #"+ {cidr_blocks=["0.0.0.0/0"], description="ssh, just for tonight", from_port=22, protocol="tcp", self=false, to_port=22}"#,
        ]))
    }

    @Test("a changed element reads as the declared one removed and the live one added")
    func changedRule() {
        let declared: Value = [Self.rule(80, "http"), Self.rule(443, "https")]
        let live: Value = [Self.rule(80, "http"), Self.rule(8443, "https")]
        guard case .elements(let lines) = ChangeText.render(declared: declared, live: live) else {
            Issue.record("expected per-element lines")
            return
        }
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("- ") && lines[0].contains("from_port=443"))
        #expect(lines[1].hasPrefix("+ ") && lines[1].contains("from_port=8443"))
    }

    @Test("the same elements in another order show both lists whole")
    func reordered() {
        let a = Self.rule(80, "http"), b = Self.rule(443, "https")
        guard case .inline(let text) = ChangeText.render(declared: [a, b], live: [b, a]) else {
            Issue.record("expected one line")
            return
        }
        #expect(text.contains("→"))
    }

    @Test("a long list of strings stays on one line")
    func strings() {
        let many = Value.array((1...30).map { .string("10.0.\($0).0/24") })
        let fewer = Value.array((1...29).map { .string("10.0.\($0).0/24") })
        #expect(ChangeText.render(declared: many, live: fewer) == .inline("\(many.canonicalJSON()) → \(fewer.canonicalJSON())"))
    }
}

@Suite("drift scan's text shows a rule opened by hand as one line")
struct ChangeTextScanTests {
    @Test("the drifted security group lists the added rule under its ingress, with the source")
    func scanText() {
        let declared: Value = [ChangeTextTests.rule(80, "http")]
        let live: Value = [ChangeTextTests.rule(80, "http"), ChangeTextTests.rule(22, "tonight")]
        let report = Report(
            scannedAt: "2026-12-06T10:00:00Z", baseline: "infra", region: "eu-west-1", stateSource: nil,
            summary: Report.Summary(managed: 1, drifted: 1),
            findings: [
                Finding(kind: .drifted, address: "aws_security_group.web", type: "aws_security_group", id: "sg-1", changes: [
                    AttributeChange(attribute: "ingress", path: "ingress", declared: declared, live: live, source: "main.tf:13:3"),
                ]),
            ],
            errors: [], warnings: [])
        let lines = TextRenderer().render(report).split(separator: "\n").map(String.init)
        guard let at = lines.firstIndex(of: "    ~ ingress  main.tf:13:3") else {
            Issue.record("no ingress heading in:\n\(lines.joined(separator: "\n"))")
            return
        }
        #expect(lines[at + 1] == #"        + {cidr_blocks=["0.0.0.0/0"], description="tonight", from_port=22, protocol="tcp", self=false, to_port=22}"#)
        #expect(!lines.contains { $0.contains("\"http\"") })
    }
}
