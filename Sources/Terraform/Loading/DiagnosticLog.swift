import DriftModel
import HCL

/// Collects diagnostics from every stage (parse, load, evaluate) with the source text of each file,
/// so that each one is rendered `file:line:col: error: message` + source line + caret, and never
/// reported twice.
final class DiagnosticLog {
    private var list: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []
    private var sources: [String: String] = [:]
    /// Shared with the load's session: workers log at once.
    let lock = EvaluationLock()

    var diagnostics: [Diagnostic] { lock.sync { list } }

    func addSource(_ text: String, filename: String) { lock.sync { sources[filename] = text } }

    func source(for filename: String) -> String? { lock.sync { sources[filename] } }

    func add(_ diagnostic: Diagnostic) {
        lock.sync {
            guard seen.insert(diagnostic).inserted else { return }
            list.append(diagnostic)
        }
    }

    func add(contentsOf list: [Diagnostic]) { list.forEach(add) }

    /// `message` is `Summary: detail`, as Terraform words it; the detail becomes the first note so
    /// the rendering reads `file:line:col: error: Summary`, the line, the caret, then the detail.
    func error(_ message: String, at range: SourceRange, notes: [String] = []) {
        add(Self.diagnostic(.error, message, range, notes))
    }

    func warning(_ message: String, at range: SourceRange, notes: [String] = []) {
        add(Self.diagnostic(.warning, message, range, notes))
    }

    private static func diagnostic(
        _ severity: Diagnostic.Severity, _ message: String, _ range: SourceRange, _ notes: [String]
    ) -> Diagnostic {
        guard let colon = message.range(of: ": ") else {
            return Diagnostic(severity: severity, message: message, range: range, notes: notes)
        }
        let summary = String(message[..<colon.lowerBound])
        var detail = String(message[colon.upperBound...])
        detail = detail.prefix(1).uppercased() + detail.dropFirst()
        if let last = detail.last, !".?!".contains(last) { detail += "." }
        return Diagnostic(severity: severity, message: summary, range: range, notes: [detail] + notes)
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    var errorCount: Int { lock.sync { list.count { $0.severity == .error } } }

    /// How many diagnostics loading the root module's configuration logged (`endLoading`), and
    /// whether any was an error: those are rendered before everything evaluation finds.
    private var loadedCount: Int?
    private(set) var loadingFailed = false

    func endLoading() {
        lock.sync {
            loadedCount = list.count
            loadingFailed = list.contains { $0.severity == .error }
        }
    }

    /// The contract's form: errors before warnings; within each, the configuration's own errors
    /// (found loading the root module) before what evaluation finds, each group by file, line and
    /// column, so the output does not depend on evaluation order.
    func rendered() -> [BaselineDiagnostic] {
        let loaded = loadedCount ?? list.count
        let ordered = list.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.severity != y.severity { return x.severity == .error }
            if (a.offset < loaded) != (b.offset < loaded) { return a.offset < loaded }
            if x.range.filename != y.range.filename { return x.range.filename < y.range.filename }
            if x.range.start.line != y.range.start.line { return x.range.start.line < y.range.start.line }
            if x.range.start.column != y.range.start.column { return x.range.start.column < y.range.start.column }
            // Workers may log two diagnostics at one place in either order.
            if x.message != y.message { return x.message < y.message }
            if x.notes != y.notes { return x.notes.lexicographicallyPrecedes(y.notes) }
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
