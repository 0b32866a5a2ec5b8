import Foundation
import Testing

@testable import HCL

/// Random truncations and byte mutations of valid files must never crash or hang the parser or
/// evaluator, every diagnostic must point inside the file, and inputs with unclosed brackets must
/// end in diagnostics.
@Suite("Robustness: truncated and mutated inputs")
struct RobustnessTests {
    /// SplitMix64: a tiny seeded generator so failures reproduce.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let interesting = Array("{}[]()\"$%~<>=!&|?:.,*/#\\\n -0a".utf8) + [0xC3, 0xA9, 0xFF, 0x00]

    /// Net count of `{`, `[` and `(` over `}`, `]`, `)`; the fixture keeps brackets out of strings.
    static func unbalanced(_ bytes: ArraySlice<UInt8>) -> Bool {
        var depth = 0
        for b in bytes {
            switch b {
            case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "("): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ")"): depth -= 1
            default: break
            }
        }
        return depth > 0
    }

    /// Parses and evaluates everything in `source`, checking diagnostics point inside the file.
    static func exercise(_ source: String, file: String) -> [Diagnostic] {
        let result = HCLParser.parse(source, filename: file)
        var diagnostics = result.diagnostics
        var bodies = [result.body]
        while let body = bodies.popLast() {
            bodies += body.blocks.map(\.body)
            for attribute in body.attributes {
                diagnostics += Evaluator.evaluate(attribute.expression, in: EvalContext()).1
                _ = attribute.expression.traversals()
            }
        }
        let lineCount = source.utf8.filter { $0 == UInt8(ascii: "\n") }.count + 1
        for diagnostic in result.diagnostics {
            #expect(diagnostic.range.start.line >= 1 && diagnostic.range.start.line <= lineCount)
            #expect(diagnostic.range.start.column >= 1)
            #expect(diagnostic.range.start.offset <= source.utf8.count)
            #expect(!DiagnosticRenderer.render(diagnostic, source: source).isEmpty)
        }
        return result.diagnostics
    }

    @Test("every truncation of a valid file parses; cut brackets always give diagnostics")
    func truncations() throws {
        let source = try TestHelpers.fixture("realistic.tf")
        #expect(HCLParser.parse(source, filename: "realistic.tf").diagnostics.isEmpty)
        let bytes = Array(source.utf8)
        var withDiagnostics = 0
        for cut in stride(from: 0, to: bytes.count, by: 3) {
            let prefix = bytes[..<cut]
            let diagnostics = Self.exercise(String(decoding: prefix, as: UTF8.self), file: "cut.tf")
            if Self.unbalanced(prefix) {
                #expect(!diagnostics.isEmpty, "no diagnostics for truncation at \(cut)")
            }
            if !diagnostics.isEmpty { withDiagnostics += 1 }
        }
        #expect(withDiagnostics > bytes.count / 3 / 2)
    }

    @Test("thousands of random byte mutations never crash or hang")
    func mutations() throws {
        let sources = [try TestHelpers.fixture("realistic.tf"), try TestHelpers.fixture("main.tf.json")]
        var generator = SeededGenerator(state: 0xD41F7)
        var withDiagnostics = 0
        let rounds = 3000
        for round in 0..<rounds {
            var bytes = Array(sources[round % 2 == 0 ? 0 : 1].utf8)
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                let replacement = Self.interesting.randomElement(using: &generator) ?? 0
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[position] = replacement
                case 1: bytes.insert(replacement, at: position)
                default: bytes.remove(at: position)
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            if round % 2 == 0 {
                if !Self.exercise(text, file: "m.tf").isEmpty { withDiagnostics += 1 }
            } else {
                let result = HCLJSON.parse(text, filename: "m.tf.json", schema: JSONSyntaxTests.schema)
                if !result.diagnostics.isEmpty { withDiagnostics += 1 }
                _ = HCLParser.parseExpression(text, filename: "e.hcl")
                _ = HCLParser.parseTemplate(text, filename: "t.tpl")
            }
        }
        #expect(withDiagnostics > rounds / 2)
    }

    @Test("deep nesting is reported, not a stack overflow")
    func deepNesting() {
        let source = "a = " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"
        let result = HCLParser.parse(source, filename: "deep.tf")
        #expect(result.diagnostics.map(\.message) == ["Expression too deeply nested"])
        let unary = "a = " + String(repeating: "-", count: 5000) + "1\n"
        #expect(HCLParser.parse(unary, filename: "deep.tf").diagnostics.map(\.message) == ["Expression too deeply nested"])
        let directives = "a = \"" + String(repeating: "%{ if true }", count: 5000) + "\"\n"
        #expect(HCLParser.parse(directives, filename: "deep.tf").diagnostics.first?.message == "Template directives too deeply nested")
        let json = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(HCLJSON.parseLiteral(json, filename: "deep.json").1.first?.message == "Invalid JSON")
    }
}
