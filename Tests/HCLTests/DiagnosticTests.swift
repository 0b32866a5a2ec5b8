import Foundation
import Testing

@testable import HCL

/// Each `Fixtures/errors/NAME.tf` is parsed and its rendered diagnostics compared with
/// `NAME.expected` in full (location, source line, caret, notes). Re-record with
/// `HCL_RECORD=1 swift test --filter HCLTests.DiagnosticTests`, then review the diff.
@Suite("Parse diagnostics, rendered")
struct DiagnosticTests {
    static func cases() throws -> [String] {
        let directory = try TestHelpers.fixturesURL().appendingPathComponent("errors")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".tf") }
            .map { String($0.dropLast(3)) }
            .sorted()
    }

    @Test("every broken fixture renders exactly its expected diagnostics", arguments: try cases())
    func rendered(name: String) throws {
        let directory = try TestHelpers.fixturesURL().appendingPathComponent("errors")
        let source = try String(contentsOf: directory.appendingPathComponent(name + ".tf"), encoding: .utf8)
        let result = HCLParser.parse(source, filename: name + ".tf")
        #expect(!result.diagnostics.isEmpty)
        let actual = DiagnosticRenderer.render(result.diagnostics, source: source) + "\n"
        let expectedURL = directory.appendingPathComponent(name + ".expected")
        if ProcessInfo.processInfo.environment["HCL_RECORD"] != nil {
            // Record into the source tree, not the copied bundle.
            let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/errors")
            try actual.write(to: sourceDirectory.appendingPathComponent(name + ".expected"), atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected)
    }

    @Test("the renderer puts the caret under the column, counting Unicode scalars")
    func caretColumn() {
        let source = "name = \"日本\" x\n"
        let diagnostic = Diagnostic(
            message: "Example", range: SourceRange(
                filename: "f.tf", start: SourcePosition(line: 1, column: 13, offset: 17),
                end: SourcePosition(line: 1, column: 14, offset: 18)),
            notes: ["first note", "second note"])
        #expect(
            DiagnosticRenderer.render(diagnostic, source: source) == """
                f.tf:1:13: error: Example
                name = "日本" x
                            ^
                first note
                second note
                """)
    }

    /// Where drift deliberately differs from Terraform: at the end of the file it points at the
    /// unclosed opener (Terraform points past the last line), and an unterminated `/*` is named.
    static let knownDeviations: [String: String] = [
        "heredoc-unterminated": "points at the heredoc opener",
        "index-missing-bracket": "points at the opening bracket",
        "unbalanced-parenthesis": "points at the opening parenthesis",
        "unterminated-comment": "reports the comment itself",
        "trailing-backslash": "reports the escape, then the unterminated string",
        "splat-missing-bracket": "points at the token after the star",
    ]

    @Test("the first diagnostic of each broken fixture is the one terraform validate reports")
    func matchesTerraform() throws {
        let directory = try TestHelpers.fixturesURL().appendingPathComponent("errors")
        let captured = try String(contentsOf: directory.appendingPathComponent("terraform.expected"), encoding: .utf8)
        var compared = 0
        for line in captured.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5 else { continue }
            let name = fields[0]
            let source = try String(contentsOf: directory.appendingPathComponent(name + ".tf"), encoding: .utf8)
            let first = try #require(HCLParser.parse(source, filename: "main.tf").diagnostics.first, "\(name)")
            if let reason = Self.knownDeviations[name] {
                #expect(!reason.isEmpty)
                continue
            }
            compared += 1
            #expect(first.message == fields[1], "\(name)")
            #expect("\(first.range.start.line):\(first.range.start.column)" == "\(fields[2]):\(fields[3])", "\(name)")
            #expect(first.notes.joined(separator: "\n") == fields[4].replacingOccurrences(of: "\u{23CE}", with: "\n"), "\(name)")
        }
        #expect(compared > 55)
    }

    @Test("tabs before the column are kept so the caret lines up")
    func caretAfterTabs() {
        let source = "block {\n\ta = 1 2\n}\n"
        let result = HCLParser.parse(source, filename: "tabs.tf")
        #expect(
            DiagnosticRenderer.render(result.diagnostics, source: source) == """
                tabs.tf:2:8: error: Missing newline after argument
                \ta = 1 2
                \t      ^
                An argument definition must end with a newline.
                """)
    }
}
