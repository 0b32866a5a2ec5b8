import DriftModel
import HCL

/// Collects diagnostics from every stage (parse, load, evaluate) with the source text of each file,
/// so that each one is rendered `file:line:col: error: message` + source line + caret, and never
/// reported twice.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []
    private var sources: [String: String] = [:]

    func addSource(_ text: String, filename: String) { sources[filename] = text }

    func source(for filename: String) -> String? { sources[filename] }

    func add(_ diagnostic: Diagnostic) {
        guard seen.insert(diagnostic).inserted else { return }
        diagnostics.append(diagnostic)
    }

    func add(contentsOf list: [Diagnostic]) { list.forEach(add) }

    func error(_ message: String, at range: SourceRange, notes: [String] = []) {
        add(Diagnostic(severity: .error, message: message, range: range, notes: notes))
    }

    func warning(_ message: String, at range: SourceRange, notes: [String] = []) {
        add(Diagnostic(severity: .warning, message: message, range: range, notes: notes))
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The contract's form, errors before warnings, each in source order.
    func rendered() -> [BaselineDiagnostic] {
        let ordered = diagnostics.enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity == .error }
            return a.offset < b.offset
        }.map(\.element)
        return ordered.map { d in
            let text = HCLBridge.render(d, source: sources[d.range.filename] ?? "")
            return BaselineDiagnostic(
                severity: d.severity == .error ? .error : .warning, message: d.message,
                location: d.range.description, rendered: text)
        }
    }
}
