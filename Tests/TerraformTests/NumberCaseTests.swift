import DriftModel
import Foundation
import HCL
import Testing

@testable import Terraform

/// Replays scripts/data/number-expressions.txt against what `terraform console` printed for each
/// (Fixtures/numbers/cases.json, written by scripts/capture-number-cases): exact arithmetic,
/// Terraform's number text, parseint/jsondecode of big numbers, format verbs.
@Suite("Numbers: every captured expression gives terraform console's answer")
struct NumberCaseTests {
    struct Case: CustomStringConvertible, Sendable {
        var expression: String
        var number: String?
        var string: String?
        var bool: Bool?
        var error: String?
        var description: String { expression }
    }

    static let cases: [Case] = {
        let path = Library.fixtures + "/numbers/cases.json"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let document = try? JSONParser.parse(text), let items = document["cases"]?.arrayValue
        else { return [] }
        return items.map { item in
            Case(
                expression: item["expr"]?.stringValue ?? "", number: item["number"]?.stringValue,
                string: item["string"]?.stringValue, bool: item["bool"]?.boolValue, error: item["error"]?.stringValue)
        }
    }()

    static func evaluate(_ source: String) -> (HCLValue, [Diagnostic]) {
        let (parsed, parseDiagnostics) = HCLParser.parseExpression(source, filename: "console.tf")
        guard let expression = parsed else { return (.unknown, parseDiagnostics) }
        let (value, diagnostics) = Evaluator.evaluate(expression, in: EvalContext(variables: [:], functions: Library.functions))
        return (value, parseDiagnostics + diagnostics)
    }

    @Test("the fixture holds the captured cases")
    func loaded() {
        #expect(Self.cases.count >= 100)
    }

    @Test("each expression gives Terraform's value or error", arguments: cases)
    func replay(_ testCase: Case) {
        let (value, diagnostics) = Self.evaluate(testCase.expression)
        let errors = diagnostics.filter { $0.severity == .error }
        if let summary = testCase.error {
            #expect(errors.first?.message == summary, "got \(value) \(errors.map(\.message))")
            return
        }
        #expect(errors.isEmpty, "unexpected errors: \(errors.map(\.message))")
        if let number = testCase.number {
            guard case .number(let result) = value else {
                Issue.record("not a number: \(value)")
                return
            }
            #expect(result.text == number)
        } else if let string = testCase.string {
            #expect(value == .string(string))
        } else if let bool = testCase.bool {
            #expect(value == .bool(bool))
        }
    }
}
