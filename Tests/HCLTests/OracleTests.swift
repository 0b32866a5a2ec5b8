import Foundation
import Testing

@testable import HCL

/// Differential test against Terraform itself: every attribute of `Fixtures/oracle/cases.hcl` is
/// evaluated here and compared with the value Terraform computed for it (`expected.json`,
/// re-captured by `Fixtures/oracle/capture.sh`), so the suite runs without Terraform.
@Suite("Differential: evaluator vs Terraform")
struct OracleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var attribute: Attribute
        var testDescription: String { name }
    }

    static func load() throws -> (cases: [Case], expected: [String: HCLValue]) {
        let directory = try TestHelpers.fixturesURL().appendingPathComponent("oracle")
        let source = try String(contentsOf: directory.appendingPathComponent("cases.hcl"), encoding: .utf8)
        let result = HCLParser.parse(source, filename: "cases.hcl")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let cases = result.body.attributes.map { Case(name: $0.name, attribute: $0) }
        let json = try String(contentsOf: directory.appendingPathComponent("expected.json"), encoding: .utf8)
        guard case .object(let encoded)? = HCLJSON.parseLiteral(json, filename: "expected.json").0 else { return (cases, [:]) }
        var expected: [String: HCLValue] = [:]
        for (name, value) in encoded {
            guard case .string(let text) = value, let decoded = HCLJSON.parseLiteral(text, filename: name).0 else { continue }
            expected[name] = decoded
        }
        return (cases, expected)
    }

    /// Evaluates the cases in order; each later case sees the earlier ones as `local.NAME`.
    static func evaluateAll(_ cases: [Case]) -> [String: (HCLValue, [Diagnostic])] {
        var locals: [String: HCLValue] = [:]
        var results: [String: (HCLValue, [Diagnostic])] = [:]
        for item in cases {
            let outcome = Evaluator.evaluate(item.attribute.expression, in: EvalContext(variables: ["local": .object(locals)]))
            locals[item.name] = outcome.0
            results[item.name] = outcome
        }
        return results
    }

    @Test("every case evaluates to what Terraform computed")
    func matchesTerraform() throws {
        let (cases, expected) = try Self.load()
        #expect(cases.count == expected.count)
        let results = Self.evaluateAll(cases)
        for item in cases {
            let (value, diagnostics) = try #require(results[item.name])
            #expect(diagnostics.isEmpty, "\(item.name): \(diagnostics)")
            #expect(value == expected[item.name], "\(item.name)")
        }
    }

    /// Whitespace runs collapsed, so multi-line details compare with the captured single line.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test("evaluation errors carry Terraform's summary and detail")
    func errorsMatchTerraform() throws {
        let directory = try TestHelpers.fixturesURL().appendingPathComponent("oracle")
        let expressions = try String(contentsOf: directory.appendingPathComponent("errors.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let expected = try String(contentsOf: directory.appendingPathComponent("errors.expected"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let (cases, _) = try Self.load()
        let locals = Self.evaluateAll(cases).mapValues(\.0)
        let context = EvalContext(variables: ["local": .object(locals)])
        #expect(expressions.count > 30)
        for (index, source) in expressions.enumerated() {
            let parts = expected[index].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let (expression, parseDiagnostics) = HCLParser.parseExpression(source, filename: "<console-input>")
            #expect(parseDiagnostics.isEmpty, "\(source)")
            guard let expression else { continue }
            let (_, diagnostics) = Evaluator.evaluate(expression, in: context)
            let first = try #require(diagnostics.first, "no error for \(source)")
            #expect(first.message == parts[0], "\(source)")
            #expect(Self.normalized(first.notes.joined(separator: " ")) == Self.normalized(parts[1]), "\(source)")
        }
    }
}
