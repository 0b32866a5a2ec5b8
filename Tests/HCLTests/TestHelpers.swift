import Foundation
import Testing

@testable import HCL

/// Shared helpers: parse snippets, render their diagnostics, load fixtures.
enum TestHelpers {
    static func parse(_ source: String, file: String = "main.tf") -> ParseResult {
        HCLParser.parse(source, filename: file)
    }

    /// All diagnostics rendered, separated by blank lines ("" when there are none).
    static func rendered(_ source: String, file: String = "main.tf") -> String {
        let result = parse(source, file: file)
        return DiagnosticRenderer.render(result.diagnostics, source: source)
    }

    static func expression(_ source: String) throws -> HCL.Expression {
        let (expression, diagnostics) = HCLParser.parseExpression(source, filename: "expr.hcl")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(expression)
    }

    static func fixturesURL() throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    }

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixturesURL().appendingPathComponent(name), encoding: .utf8)
    }
}

extension TestHelpers {
    /// Functions for evaluator tests (the real library lives in the Terraform target).
    static let functions: [String: HCLFunction] = [
        "upper": HCLFunction(name: "upper") { args throws(FunctionError) in
            guard case .string(let s)? = args.first else { throw FunctionError("string required", argumentIndex: 0) }
            return .string(s.uppercased())
        },
        "sum": HCLFunction(name: "sum") { args throws(FunctionError) in
            .number(args.reduce(HCLNumber.zero) { (try? $0.adding($1.asNumber ?? .zero)) ?? $0 })
        },
        "count_args": HCLFunction(name: "count_args", propagatesUnknown: false) { args in .number(HCLNumber(args.count)) },
        "fail": HCLFunction(name: "fail") { _ throws(FunctionError) in throw FunctionError("always fails") },
        "provider::aws::echo": HCLFunction(name: "provider::aws::echo") { args in args.first ?? .null },
    ]

    static let variables: [String: HCLValue] = [
        "var": .object([
            "s": .string("hello"), "n": .number(3), "b": .bool(true), "nothing": .null,
            "list": .tuple([.string("a"), .string("b"), .string("c")]),
            "map": .object(["z": .number(26), "a": .number(1), "m": .number(13)]),
            "set": .set([.string("x"), .string("y")]),
            "objs": .tuple([.object(["id": .string("i-1"), "n": .number(1)]), .object(["id": .string("i-2"), "n": .number(2)])]),
            "numstr": .string("5"), "unknown": .unknown,
            "partial": .object(["known": .string("k"), "later": .unknown]),
        ]),
        "count": .object(["index": .number(1)]),
    ]

    /// Parses and evaluates `source`; expects no parse diagnostics.
    static func evaluate(_ source: String, variables: [String: HCLValue] = variables) -> (HCLValue, [Diagnostic]) {
        let (expression, parseDiagnostics) = HCLParser.parseExpression(source, filename: "expr.hcl")
        #expect(parseDiagnostics.isEmpty, "\(parseDiagnostics)")
        guard let expression else { return (.null, parseDiagnostics) }
        return Evaluator.evaluate(expression, in: EvalContext(variables: variables, functions: functions))
    }

    /// Evaluates `source` and renders its diagnostics against it.
    static func evaluationErrors(_ source: String) -> String {
        let (_, diagnostics) = evaluate(source)
        return DiagnosticRenderer.render(diagnostics, source: source)
    }

    static func value(_ source: String) -> HCLValue {
        let (value, diagnostics) = evaluate(source)
        #expect(diagnostics.isEmpty, "\(source): \(diagnostics)")
        return value
    }

    /// Evaluates the attribute `name` of a parsed file's top-level body.
    static func attribute(_ name: String, in source: String) -> HCLValue {
        let result = parse(source)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        guard let attribute = result.body.attribute(name) else { return .null }
        let (value, diagnostics) = Evaluator.evaluate(attribute.expression, in: EvalContext(variables: variables, functions: functions))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return value
    }
}
