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
