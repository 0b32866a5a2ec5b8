/// A problem found while reading or evaluating HCL. Parsers and evaluators return these instead of
/// throwing, so one run reports every problem in a file and still yields a usable tree.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    public var message: String
    public var range: SourceRange
    /// Extra lines printed after the caret ("the chain was local.a → local.b → local.a").
    public var notes: [String]

    public init(severity: Severity = .error, message: String, range: SourceRange, notes: [String] = []) {
        self.severity = severity
        self.message = message
        self.range = range
        self.notes = notes
    }
}
