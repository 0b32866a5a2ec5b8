import HCL

/// Why `drift.hcl` could not be read: every mistake in the file, each as one diagnostic rendered
/// the way a broken `.tf` is (`file:line:col: error: summary`, the source line, a caret, the
/// detail). The one error type `EstateConfigLoader` throws, so the CLI renders it in one place.
///
/// Secrets never appear: the source lines shown have the values of `external_id`, `history.url`
/// and `notify.url` masked, and no message quotes a value of those arguments.
public struct EstateConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The configuration file as given to the loader.
    public var file: String
    /// In file order (line, then column); never empty.
    public var diagnostics: [Diagnostic]
    /// Every diagnostic rendered with its (masked) source line and caret, separated by blank lines.
    public var rendered: String

    public init(file: String, diagnostics: [Diagnostic], rendered: String) {
        self.file = file
        self.diagnostics = diagnostics
        self.rendered = rendered
    }

    public var description: String { rendered }
}
