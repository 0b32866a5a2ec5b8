import DriftModel
import Foundation
import Terraform
import Testing

/// Terraform's load-time rules (`internal/configs`), one fixture module per rule under
/// `Fixtures/conformance/<rule>/`, each with the diagnostics drift must render in `expected.txt`
/// (empty: the module loads without a diagnostic). The locations were checked against
/// `terraform validate -json` 1.11.4. `DRIFT_RECORD_CONFORMANCE=1 swift test --filter
/// ConformanceTests` re-records them; review the diff.
@Suite("Terraform's load-time rules")
struct ConformanceTests {
    static var root: String {
        (Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.path ?? "Fixtures") + "/conformance"
    }

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
    }

    @Test("each rule's fixture gives Terraform's diagnostics, at Terraform's places", arguments: cases)
    func fixture(_ name: String) throws {
        let baseline = BaselineLoader(directory: Self.root + "/" + name, environment: [:]).load()
        let actual = baseline.diagnostics.map { $0.rendered + "\n" }.joined()
        if ProcessInfo.processInfo.environment["DRIFT_RECORD_CONFORMANCE"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/conformance/\(name)/expected.txt")
            try actual.write(to: source, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: Self.root + "/" + name + "/expected.txt", encoding: .utf8)
        #expect(actual == expected)
    }

    @Test("the fixtures are there")
    func fixturesPresent() {
        #expect(Self.cases.count >= 20)
    }

    @Test("bare list and map types are list(any) and map(any), in .tf and .tf.json")
    func bareTypes() {
        let native = BaselineLoader(directory: Self.root + "/bare-list-map", environment: [:]).load()
        #expect(native.resource("aws_s3_bucket.b")?.attributes["bucket"] == .string("b"))
        #expect(native.resource("aws_s3_bucket.b")?.attributes["tags"] == .object(["Team": .string("core")]))
        let json = BaselineLoader(directory: Self.root + "/bare-list-map-json", environment: [:]).load()
        #expect(json.resource("aws_s3_bucket.b")?.attributes["bucket"] == .string("x"))
        #expect(json.resource("aws_s3_bucket.b")?.attributes["tags"] == .object(["Team": .string("json")]))
    }

    @Test("an ephemeral resource is never a baseline resource, what depends on it is unknown, ephemeralasnull clears it")
    func ephemeral() {
        let baseline = BaselineLoader(directory: Self.root + "/ephemeral-blocks", environment: [:]).load()
        #expect(baseline.errorMessages.isEmpty)
        #expect(!baseline.resources.map(\.address).contains { $0.contains("secretsmanager") })
        #expect(baseline.resource("aws_ssm_parameter.p")?.unknown.contains("value_wo") == true)
        #expect(baseline.resource("aws_s3_bucket.b")?.attributes["bucket"] == .string("fixed"))
    }

    @Test("a required variable without a value is not asked for when the configuration has errors")
    func orderAfterConfigurationErrors() {
        let baseline = BaselineLoader(directory: Self.root + "/diagnostic-order", environment: [:]).load()
        #expect(baseline.errorMessages == ["Invalid quoted type constraints"])
        let fine = BaselineLoader(directory: Self.root + "/bare-list-map", environment: [:]).load()
        #expect(fine.errorMessages.isEmpty)
    }

    @Test("integers beyond 2^53 are exact, as Terraform keeps them (values from terraform console)")
    func exactIntegers() {
        let baseline = BaselineLoader(directory: Self.root + "/exact-integers", environment: [:]).load()
        func tag(_ key: String) -> Value? {
            baseline.resource("aws_s3_bucket.case[\"\(key)\"]")?.attributes["tags"]?.objectValue?["Value"]
        }
        #expect(baseline.errorMessages.isEmpty)
        #expect(tag("literal_beyond") == .string("9007199254740993"))
        #expect(tag("sum_beyond") == .string("9007199254740993"))
        #expect(tag("parseint_beyond") == .string("9007199254740993"))
        #expect(tag("literal_limit") == .string("9007199254740992"))
        #expect(tag("product_beyond") == .string("9007199254740994"))
        #expect(tag("big_exact") == .string("18014398509481984"))
        #expect(tag("small") == .string("12"))
        #expect(tag("parseint_small") == .string("255"))
        #expect(tag("floor_third") == .string("3"))
    }
}
