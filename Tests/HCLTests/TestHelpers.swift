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
