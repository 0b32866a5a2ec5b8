import DriftModel
import Foundation
import HCL
import Testing

/// Replays `Fixtures/functions/cases.json`: every call with the answer Terraform itself gave
/// (captured by `scripts/capture-function-cases`), so each function is held to Terraform's
/// behaviour — values, list-vs-set results, and which calls are errors.
@Suite("Functions agree with Terraform's captured answers")
struct TerraformCaseTests {
    struct Case: CustomStringConvertible, Sendable {
        var call: String
        var arguments: [HCLValue]
        var expected: Value?
        var type: Value?
        var isError: Bool
        var isUnknown: Bool
        /// Terraform's diagnostic for a failing call: "Invalid function argument" or "Error in function call".
        var summary: String?
        var detail: String?
        var description: String { "\(call)(\(arguments.map(JSONish.text).joined(separator: ", ")))" }
    }

    /// A literal `null` is untyped in Terraform, which makes these calls unknown rather than errors
    /// there; with a typed null (the usual case in a configuration) Terraform reports the error we do.
    static let untypedNullArtifacts: Set<String> = [#"format("%s", null)"#]

    /// Failures whose wording comes from Go internals (parser messages, panics) rather than from
    /// Terraform's functions; the call still fails here, in our own words.
    /// Calls whose answer in Terraform depends on the unknown's type (`terraform_data.u.id` is an
    /// unknown *string*) or on cty's refinements of unknowns, which drift's untyped unknown lacks.
    static let typedUnknownArtifacts: Set<String> = [
        #"merge((unknown), {b = 1})"#, #"keys((unknown))"#, #"chunklist([(unknown), 1, 2], 2)"#, #"sort([(unknown)])"#,
    ]

    /// Functions we answer with unknown on purpose (the value depends on Go's compressor).
    static let deliberatelyUnknown: Set<String> = ["base64gzip"]

    static let differentWording: Set<String> = [
        #"replace("x", "/(/", "y")"#,  // Go's regexp parser names the exact fault
        #"element(["a", "b", "c"], -4)"#,  // Terraform panics and prints a Go stack trace
        #"templatefile("cond.tftpl", {a = null})"#,  // Terraform's evaluator reports a second diagnostic
        #"templatefile("recursive.tftpl", {})"#,  // HCL's call diagnostic covers `name(`, ours the whole call
    ]

    /// The diagnostic detail the evaluator shows for `error`, in Terraform's two shapes.
    /// go-yaml's errors carry a line and column that `yamldecode` does not reproduce; the test
    /// compares what follows them.
    static func withoutYAMLPosition(_ detail: String?) -> String? {
        guard let detail, let range = detail.range(of: #"on line \d+, column \d+: "#, options: .regularExpression) else { return detail }
        return detail.replacingCharacters(in: range, with: "")
    }

    static func terraformDetail(of error: FunctionError, call: String) -> String {
        if error.argumentIndex != nil { return error.message }
        let message = error.message.hasSuffix(".") ? error.message : error.message + "."
        return "Call to function \"\(call)\" failed: \(message)"
    }

    static let cases: [Case] = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.appendingPathComponent("functions/cases.json"),
            let text = try? String(contentsOf: url, encoding: .utf8),
            case .array(let items)? = try? JSONParser.parse(text)
        else { return [] }
        return items.compactMap { item -> Case? in
            guard case .string(let call)? = item["call"], case .array(let arguments)? = item["args"] else { return nil }
            return Case(
                call: call, arguments: arguments.map(JSONish.hcl), expected: item["value"], type: item["type"],
                isError: item["error"] == .bool(true), isUnknown: item["unknown"] == .bool(true),
                summary: item["summary"]?.stringValue, detail: item["detail"]?.stringValue)
        }
    }()

    @Test("the fixture holds the captured cases")
    func loaded() {
        #expect(Self.cases.count > 250)
    }

    @Test("each call gives Terraform's answer", arguments: cases)
    func replay(_ testCase: Case) throws {
        if Self.typedUnknownArtifacts.contains(testCase.description) { return }
        guard let function = Library.functions[testCase.call] else {
            Issue.record("missing function \(testCase.call)")
            return
        }
        let result: HCLValue
        do {
            result = try function.implementation(testCase.arguments)
        } catch {
            #expect(testCase.isError || Self.untypedNullArtifacts.contains(testCase.description), "unexpected error: \(error.message)")
            if testCase.isError, !Self.differentWording.contains(testCase.description) {
                #expect(Self.terraformDetail(of: error, call: testCase.call) == Self.withoutYAMLPosition(testCase.detail))
            }
            return
        }
        if testCase.isError {
            Issue.record("Terraform fails this call; we returned \(JSONish.text(result))")
        } else if testCase.isUnknown || result == .unknown {
            #expect(testCase.isUnknown || Self.deliberatelyUnknown.contains(testCase.call), "unexpected unknown")
        } else if let expected = testCase.expected {
            #expect(JSONish.same(result, expected), "got \(JSONish.text(result)), Terraform: \(expected.canonicalJSON())")
            if case .array(let type)? = testCase.type, case .string(let kind)? = type.first {
                switch kind {
                case "set": #expect(result.typeName == "set", "Terraform returns a set")
                case "list", "tuple": #expect(result.typeName == "tuple", "Terraform returns a list")
                case "map", "object": #expect(result.typeName == "object", "Terraform returns a map")
                default: break
                }
            }
        }
    }
}

/// Conversions between the fixture's JSON and `HCLValue`.
enum JSONish {
    /// `{"$unknown": true}` in the fixture stands for a value known only after apply.
    static func hcl(_ value: Value) -> HCLValue {
        if value == .object(["$unknown": .bool(true)]) { return .unknown }
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .number(HCLNumber(modelDouble: number))
        case .string(let text): return .string(text)
        case .array(let items): return .tuple(items.map(hcl))
        case .object(let members): return .object(members.mapValues(hcl))
        }
    }

    static func same(_ value: HCLValue, _ expected: Value) -> Bool {
        if expected == .object(["$unknown": .bool(true)]) { return value == .unknown }
        switch (value, expected) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let n), .number(let b)):
            let a = n.doubleValue
            return a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b))
        case (.string(let a), .string(let b)): return a == b
        case (.tuple(let a), .array(let b)), (.set(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { key, item in b[key].map { same(item, $0) } ?? false }
        default: return false
        }
    }

    static func text(_ value: HCLValue) -> String {
        switch value {
        case .unknown: return "(unknown)"
        case .null: return "null"
        case .bool(let flag): return String(flag)
        case .number(let number): return String(describing: number)
        case .string(let text): return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
        case .tuple(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
        case .set(let items): return "toset([" + items.map(text).joined(separator: ", ") + "])"
        case .object(let members): return "{" + members.keys.sorted().map { "\($0) = \(text(members[$0] ?? .null))" }.joined(separator: ", ") + "}"
        }
    }
}
