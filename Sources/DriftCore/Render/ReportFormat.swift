import DriftModel

/// The output formats of `drift scan`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, markdown, junit, sarif

    /// Renders a report; `colour`, `width` and `failOn` only affect `text`.
    public func render(
        _ report: Report, colour: Bool = false, width: Int? = nil, failOn: Set<Finding.Kind>? = nil,
        toolVersion: String = DriftVersion.current
    ) -> String {
        switch self {
        case .text: return TextRenderer(colour: colour, width: width, failOn: failOn).render(report)
        case .json: return JSONRenderer().render(report)
        case .markdown: return MarkdownRenderer().render(report)
        case .junit: return JUnitRenderer().render(report)
        case .sarif: return SARIFRenderer(toolVersion: toolVersion).render(report)
        }
    }
}

/// drift's version, as `drift --version` and SARIF's `tool.driver.version` print it.
public enum DriftVersion {
    public static let current = "0.1.0"
}

/// The report contract's JSON: canonical (sorted keys), indented, one trailing newline.
public struct JSONRenderer: Sendable {
    public init() {}
    public func render(_ report: Report) -> String { report.jsonValue.canonicalJSON(pretty: true) + "\n" }
}

/// `file:line:col` split into its parts (the file may itself contain colons).
struct SourceLocation: Sendable, Hashable {
    var file: String
    var line: Int
    var column: Int

    init?(_ text: String?) {
        guard let text else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else {
            return nil
        }
        self.file = parts.dropLast(2).joined(separator: ":")
        self.line = line
        self.column = column
    }
}

extension Value {
    /// How a value reads in markdown and CI formats: JSON, `null` for none.
    var displayText: String { canonicalJSON() }

    /// How a value reads in the text of `drift scan` and `drift check`: JSON, and one spelling for
    /// a value one side does not have, `(none)`, wherever it appears.
    public var humanText: String { isNull ? Value.absentText : canonicalJSON() }

    /// The one spelling of "absent" in human output.
    public static let absentText = "(none)"
}

extension Report.Summary {
    /// `5 managed: 1 in sync, 1 drifted, 1 missing; 0 orphaned; 1 unmanaged; 1 error`: the one-line summary.
    public var line: String {
        var s = "\(managed) managed: \(inSync) in sync, \(drifted) drifted, \(missing) missing; \(orphaned) orphaned; "
        s += "\(unmanaged) unmanaged; \(errors) \(errors == 1 ? "error" : "errors")"
        return s
    }
}
