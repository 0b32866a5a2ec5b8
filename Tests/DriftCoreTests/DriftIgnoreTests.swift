import DriftModel
import Testing

@testable import DriftCore

@Suite(".driftignore and --ignore")
struct DriftIgnoreTests {
    let findings = [
        Finding(kind: .drifted, address: "aws_instance.web[0]", type: "aws_instance", id: "i-1", changes: [
            AttributeChange(attribute: "tags", path: "tags.LastPatched", declared: nil, live: "mon", source: nil),
            AttributeChange(attribute: "instance_type", path: "instance_type", declared: "a", live: "b", source: nil),
        ]),
        Finding(kind: .missing, address: "aws_s3_bucket.logs", type: "aws_s3_bucket", id: "logs"),
        Finding(kind: .unmanaged, address: nil, type: "aws_instance", id: "i-9", name: "hotfix"),
    ]

    @Test("comments and blank lines are skipped; a resource pattern drops the resource")
    func resourcePattern() {
        let ignore = DriftIgnore(text: "# known\n\naws_s3_bucket.logs\n")
        #expect(ignore.apply(to: findings).map(\.kind) == [.drifted, .unmanaged])
    }

    @Test("an attribute path drops one change; an address without index covers every index")
    func attributePattern() {
        let kept = DriftIgnore(text: "aws_instance.web.tags.LastPatched").apply(to: findings)
        #expect(kept.first?.changes.map(\.path) == ["instance_type"])
    }

    @Test("globs match addresses; ! re-includes; the last match decides")
    func negation() {
        let ignore = DriftIgnore(text: "aws_instance.*\n!aws_instance.web.instance_type\n")
        let kept = ignore.apply(to: findings)
        #expect(kept.count == 2)
        #expect(kept.first?.changes.map(\.path) == ["instance_type"])
        #expect(kept.last?.kind == .missing)
    }

    @Test("unmanaged resources are named by type and id or Name tag")
    func unmanaged() {
        #expect(DriftIgnore(patterns: ["aws_instance.hotfix"]).apply(to: findings).count == 2)
        #expect(DriftIgnore(patterns: ["aws_instance.i-*"]).apply(to: findings).count == 2)
    }

    @Test("glob matching")
    func glob() {
        #expect(DriftIgnore.glob("aws_*.web?", matches: "aws_instance.web1"))
        #expect(!DriftIgnore.glob("aws_s3_bucket.*", matches: "aws_instance.web"))
        #expect(DriftIgnore.withoutIndexes(#"module.m["a.b"].aws_instance.web[0]"#) == "module.m.aws_instance.web")
    }

    @Test("a type's unmanaged findings are silenced only by a pattern covering every id, with no `!` that could bring one back")
    func silencedTypes() {
        #expect(DriftIgnore(text: "aws_key_pair.*\n").silencesUnmanaged("aws_key_pair"))
        #expect(DriftIgnore(text: "*\n").silencesUnmanaged("aws_key_pair"))
        #expect(!DriftIgnore(text: "aws_key_pair.laptop\n").silencesUnmanaged("aws_key_pair"))
        #expect(!DriftIgnore(text: "aws_key_pair.?\n").silencesUnmanaged("aws_key_pair"))
        #expect(!DriftIgnore(text: "aws_key_pair.*\n!aws_key_pair.prod\n").silencesUnmanaged("aws_key_pair"))
        #expect(DriftIgnore(text: "aws_key_pair.*\n!aws_instance.web\n").silencesUnmanaged("aws_key_pair"))
        #expect(!DriftIgnore(text: "aws_key_pair.*\n").silencesUnmanaged("aws_eip"))
    }
}

@Suite(".driftignore comments and drift ignore --from")
struct IgnoreSuggestionTests {
    @Test("a trailing # comment after a pattern is a comment; a # inside a key or a word is not")
    func trailingComments() {
        let ignore = DriftIgnore(text: "aws_instance.hotfix-box  # known\naws_s3_bucket.a#b\n!aws_instance.web[\"x #1\"]\t# back\n")
        #expect(ignore.rules == [
            DriftIgnore.Rule(pattern: "aws_instance.hotfix-box", negated: false),
            DriftIgnore.Rule(pattern: "aws_s3_bucket.a#b", negated: false),
            DriftIgnore.Rule(pattern: "aws_instance.web[\"x #1\"]", negated: true),
        ])
        let finding = Finding(kind: .unmanaged, address: nil, type: "aws_instance", id: "i-9", name: "hotfix-box")
        #expect(ignore.apply(to: [finding]).isEmpty)
    }

    static let report = """
        {"schemaVersion": 1, "findings": [
          {"kind": "drifted", "address": "aws_instance.web[0]", "type": "aws_instance", "id": "i-1",
           "changes": [{"attribute": "tags", "path": "tags.Owner", "declared": null, "live": "x", "source": null},
                       {"attribute": "instance_type", "path": "instance_type", "declared": "a", "live": "b", "source": null}]},
          {"kind": "missing", "address": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "id": "logs", "source": "main.tf:1:1"},
          {"kind": "unmanaged", "address": null, "type": "aws_instance", "id": "i-9", "name": "hotfix"},
          {"kind": "unmanaged", "address": null, "type": "aws_s3_bucket", "id": "scratch", "name": null}
        ], "errors": []}
        """

    @Test("one precise pattern per changed path, declared address, or type.id")
    func patterns() throws {
        let all = try IgnoreSuggestion(reportJSON: Self.report, kinds: nil)
        #expect(all.patterns == [
            "aws_instance.web[0].tags.Owner", "aws_instance.web[0].instance_type", "aws_s3_bucket.logs",
            "aws_instance.i-9", "aws_s3_bucket.scratch",
        ])
        #expect(all.findings == 4)
        let unmanaged = try IgnoreSuggestion(reportJSON: Self.report, kinds: ["unmanaged"])
        #expect(unmanaged.patterns == ["aws_instance.i-9", "aws_s3_bucket.scratch"])
    }

    @Test("the patterns silence exactly the report's findings, and nothing new")
    func silencesExactly() throws {
        let suggestion = try IgnoreSuggestion(reportJSON: Self.report, kinds: nil)
        let ignore = DriftIgnore(patterns: suggestion.patterns)
        let known = [
            Finding(kind: .drifted, address: "aws_instance.web[0]", type: "aws_instance", id: "i-1", changes: [
                AttributeChange(attribute: "tags", path: "tags.Owner", declared: nil, live: "x", source: nil),
            ]),
            Finding(kind: .unmanaged, address: nil, type: "aws_instance", id: "i-9", name: "hotfix"),
        ]
        #expect(ignore.apply(to: known).isEmpty)
        let new = [
            Finding(kind: .drifted, address: "aws_instance.web[0]", type: "aws_instance", id: "i-1", changes: [
                AttributeChange(attribute: "ami", path: "ami", declared: "a", live: "b", source: nil),
            ]),
            Finding(kind: .unmanaged, address: nil, type: "aws_instance", id: "i-10", name: "hotfix"),
        ]
        #expect(ignore.apply(to: new) == new)
    }

    @Test("appending keeps the file byte for byte, adds a dated comment, repeats nothing")
    func appending() throws {
        let suggestion = try IgnoreSuggestion(reportJSON: Self.report, kinds: ["unmanaged"])
        let existing = "# ours\naws_instance.i-9   # the hotfix box"
        let text = try #require(suggestion.appended(to: existing, comment: "2026-12-06: drift ignore --from r.json"))
        #expect(text == existing + "\n\n# 2026-12-06: drift ignore --from r.json\naws_s3_bucket.scratch\n")
        #expect(suggestion.appended(to: text, comment: "again") == nil)
    }

    @Test("a file that is not a report is an error naming what is wrong")
    func notAReport() {
        #expect(throws: DriftCoreError.self) { try IgnoreSuggestion(reportJSON: "{\"resources\": []}", kinds: nil) }
        #expect(throws: DriftCoreError.self) { try IgnoreSuggestion(reportJSON: "not json", kinds: nil) }
    }
}
