import DriftModel
import Foundation
import HCL
import Testing

@testable import Terraform

/// `aws_iam_policy_document` rendered offline against what the AWS provider itself rendered for
/// the same blocks (`scripts/capture-policy-documents` wrote each case's expected.json).
@Suite("aws_iam_policy_document: rendered as the provider renders it")
struct PolicyDocumentTests {
    static let root = (Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.path ?? "Fixtures")
        + "/policy-documents"

    /// Every case folder: one with a main.tf.
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: "\(root)/\($0)/main.tf") }.sorted()
    }()

    /// The case's outputs (`json`, `minified_json`, `id`) as drift evaluates them, and its errors.
    static func evaluate(_ name: String) -> (outputs: [String: HCLValue], errors: [String]) {
        let log = DiagnosticLog()
        let session = LoadSession(rootDirectory: "\(root)/\(name)", workspace: "default", log: log)
        guard let config = session.config(relativePath: ".", reference: nil) else { return ([:], ["no config"]) }
        let module = ModuleInstance(session: session, config: config, address: nil, inputs: .root([:]), providerMap: [:])
        module.walk()
        var outputs: [String: HCLValue] = [:]
        for key in ["json", "minified_json", "id"] { outputs[key] = module.outputValue(key).value }
        return (outputs, log.diagnostics.filter { $0.severity == .error }.map { ([$0.message] + $0.notes).joined(separator: "\n") })
    }

    static func expected(_ name: String) throws -> [String: Value] {
        let text = try String(contentsOfFile: "\(root)/\(name)/expected.json", encoding: .utf8)
        return try #require(try JSONParser.parse(text).objectValue)
    }

    @Test("the fixture folder holds the cases")
    func casesFound() {
        #expect(Self.cases.count >= 20)
    }

    @Test("json, minified_json and id match the provider's, or its error", arguments: cases)
    func matchesProvider(name: String) throws {
        let expected = try Self.expected(name)
        let (outputs, errors) = Self.evaluate(name)
        if let error = expected["error"]?.stringValue {
            #expect(errors == ["Reading data.aws_iam_policy_document.doc failed\n" + error], "\(errors)")
            return
        }
        #expect(errors.isEmpty, "\(errors)")
        for key in ["json", "minified_json", "id"] {
            #expect(outputs[key] == expected[key]?.stringValue.map(HCLValue.string), "\(key)")
        }
    }
}
