/// Renders a diagnostic the way compilers do, so a person can find the problem at a glance:
///
///     main.tf:3:9: error: Missing attribute separator
///       a = 1 b = 2
///             ^
///     Expected a newline or comma to mark the beginning of the next attribute.
///
/// The second line is the source line verbatim; the caret sits under the diagnostic's start
/// column (columns count Unicode scalars; tabs in the source line are repeated so the caret
/// lines up in a terminal). Notes follow, one per line.
public enum DiagnosticRenderer {
    public static func render(_ diagnostic: Diagnostic, source: String) -> String {
        let start = diagnostic.range.start
        var lines = ["\(diagnostic.range.filename):\(start.line):\(start.column): \(diagnostic.severity.rawValue): \(diagnostic.message)"]
        // No source text (a directory, a file that could not be read): no line to point into.
        if !source.isEmpty, let line = sourceLine(start.line, in: source) {
            lines.append(line)
            // One space per character before the column; tabs are kept so the caret lines up.
            let prefix = line.unicodeScalars.prefix(max(0, start.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            let padding = String(repeating: " ", count: max(0, start.column - 1 - line.unicodeScalars.count))
            lines.append(prefix + padding + "^")
        }
        lines.append(contentsOf: diagnostic.notes)
        return lines.joined(separator: "\n")
    }

    /// Renders several diagnostics separated by blank lines.
    public static func render(_ diagnostics: [Diagnostic], source: String) -> String {
        diagnostics.map { render($0, source: source) }.joined(separator: "\n\n")
    }

    private static func sourceLine(_ number: Int, in source: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var lineStart = source.utf8.startIndex
        var index = source.utf8.startIndex
        let utf8 = source.utf8
        while index != utf8.endIndex {
            if current == number { break }
            if utf8[index] == UInt8(ascii: "\n") {
                current += 1
                lineStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        guard current == number else { return nil }
        var end = lineStart
        while end != utf8.endIndex, utf8[end] != UInt8(ascii: "\n") { end = utf8.index(after: end) }
        var line = String(decoding: utf8[lineStart..<end], as: UTF8.self)
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }
}
