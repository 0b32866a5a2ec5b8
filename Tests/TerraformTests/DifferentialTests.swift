import DriftModel
import Foundation
import Terraform
import Testing

/// `drift baseline` against `terraform plan -refresh=false` on realistic configurations. The plan
/// side is captured once into `Fixtures/differential/<name>.expected.json` by
/// scripts/capture-baseline-expectations, so this suite needs no Terraform.
@Suite("Differential: drift baseline equals terraform plan")
struct DifferentialTests {
    static var directory: String {
        (Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.path ?? "Fixtures") + "/differential"
    }

    static let fixtures = [
        "seed", "counted", "bucket-config", "platform", "json-override", "conversions", "module-provider", "json-schema",
        "module-provider-passing", "nested-defaults", "plan-gaps", "json-data",
    ]

    @Test("planned values, addresses and unknowns match", arguments: fixtures)
    func matchesPlan(_ name: String) throws {
        let baseline = BaselineLoader(directory: Self.directory + "/" + name, environment: [:]).load()
        let errors = baseline.diagnostics.filter { $0.severity == .error }.map(\.rendered)
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
        let expected = try Self.json(name + ".expected.json")
        let allow = (try? Self.json(name + ".allow.json")) ?? .object([:])
        let comparison = DifferentialComparison(
            unknownOffline: Set((allow["unknownOffline"]?.arrayValue ?? []).compactMap(\.stringValue)),
            resolved: Set((allow["resolved"]?.arrayValue ?? []).compactMap(\.stringValue)))
        let planned = expected["resources"]?.objectValue ?? [:]
        #expect(baseline.resources.map(\.address).sorted() == planned.keys.sorted())
        var problems: [String] = []
        for resource in baseline.resources {
            guard let plan = planned[resource.address] else { continue }
            problems += comparison.compare(resource, expected: plan)
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    static func json(_ file: String) throws -> Value {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + file))
        return try JSONParser.parse(String(decoding: data, as: UTF8.self))
    }
}
