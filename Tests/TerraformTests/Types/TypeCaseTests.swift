import DriftModel
import Foundation
import HCL
import Testing

@testable import Terraform

/// Replays `Fixtures/types/cases.json`: each type constraint with a value, and what Terraform made
/// of it as a variable default (captured by `scripts/capture-type-cases`): the converted value, or
/// the error detail after "This default value is not compatible with the variable's type constraint: ".
@Suite("Type conversion agrees with Terraform's captured answers")
struct TypeCaseTests {
    struct Case: CustomStringConvertible, Sendable {
        var type: String
        var value: Value
        var result: Value?
        var resultType: Value?
        var error: String?
        var description: String { "\(type) ← \(value.canonicalJSON())" }
    }

    static let cases: [Case] = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.appendingPathComponent("types/cases.json"),
            let text = try? String(contentsOf: url, encoding: .utf8),
            case .array(let items)? = try? JSONParser.parse(text)
        else { return [] }
        return items.compactMap { item -> Case? in
            guard case .string(let type)? = item["type"], let value = item["value"] else { return nil }
            return Case(type: type, value: value, result: item["result"], resultType: item["result_type"], error: item["error"]?.stringValue)
        }
    }()

    @Test("the fixture holds the captured cases")
    func loaded() {
        #expect(Self.cases.count >= 60)
    }

    @Test("each value converts as Terraform converts it", arguments: cases)
    func replay(_ testCase: Case) throws {
        let (expression, diagnostics) = HCLParser.parseExpression(testCase.type, filename: "variables.tf")
        let parsed = try #require(expression, "\(diagnostics)")
        let type = try TypeConstraint.parse(parsed).get()
        switch type.convert(JSONish.hcl(testCase.value)) {
        case .success(let converted):
            if let error = testCase.error {
                Issue.record("Terraform rejects this value (\(error)); we converted it to \(JSONish.text(converted))")
            } else {
                #expect(JSONish.same(converted, testCase.result ?? .null), "got \(JSONish.text(converted))")
                if case .array(let shape)? = testCase.resultType, case .string(let kind)? = shape.first {
                    #expect((kind == "set") == (converted.typeName == "set"), "Terraform's type is \(kind)")
                }
            }
        case .failure(let error):
            let prefix = "This default value is not compatible with the variable's type constraint: "
            let expected = testCase.error.map { String($0.dropFirst(prefix.count).dropLast()) }
            #expect(error.description == expected, "Terraform converted it to \(testCase.result?.canonicalJSON() ?? "?")")
        }
    }
}
