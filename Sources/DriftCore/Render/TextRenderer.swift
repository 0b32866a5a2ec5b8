import DriftModel

/// The human report: one block per resource, `~ instance_type = "t2.micro" → "t3.small"  main.tf:12:3`
/// per change, errors and warnings, and a one-line summary last. Colour only when asked (the
/// command asks when stdout is a terminal and `NO_COLOR` is unset).
public struct TextRenderer: Sendable {
    public var colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    public func render(_ report: Report) -> String {
        var lines: [String] = []
        var header = "drift scan of \(report.baseline) in \(report.regionText)"
        header += report.stateSource.map { " (state: \($0))" } ?? " (no state)"
        lines.append(paint(header, .bold))
        lines.append("")
        for finding in report.findings {
            let since = SinceText.describe(finding, at: report.scannedAt).map { "  " + dim($0) } ?? ""
            switch finding.kind {
            case .drifted:
                lines.append(paint("~ \(finding.address ?? finding.type)", .yellow) + dim(id(finding)) + since)
                for change in finding.changes {
                    var line = "    ~ \(change.path) = \(change.declared.displayText) → \(change.live.displayText)"
                    if let source = change.source { line += "  " + dim(source) }
                    lines.append(line)
                }
            case .missing:
                var line = paint("- \(finding.address ?? finding.type)", .red) + dim(id(finding)) + "  missing: would be created"
                if let source = finding.source { line += "  " + dim(source) }
                lines.append(line + since)
            case .orphaned:
                var line = paint("- \(finding.address ?? finding.type)", .red) + dim(id(finding))
                if let name = finding.name { line += " (\(name))" }
                lines.append(line + "  orphaned: in the state, declared by no file; terraform apply would destroy it" + since)
            case .unmanaged:
                var line = paint("? \(finding.type) \(finding.id ?? "")", .magenta)
                if let name = finding.name { line += " (\(name))" }
                line += dim(id(finding))
                lines.append(line + "  unmanaged: no file declares it" + since)
            }
        }
        if !report.findings.isEmpty { lines.append("") }
        for finding in report.resolved ?? [] {
            let what = finding.changes.isEmpty ? finding.kind.rawValue : finding.changes.map(\.path).joined(separator: ", ")
            lines.append(paint("✓ \(finding.displayName)", .green) + "  resolved: \(what) no longer \(finding.kind.rawValue)")
        }
        if !(report.resolved ?? []).isEmpty { lines.append("") }
        for error in report.errors {
            lines.append(paint("error: ", .red) + error.description)
        }
        for warning in report.warnings {
            var line = paint("warning: ", .yellow) + warning.message
            if let source = warning.source { line += "  " + dim(source) }
            lines.append(line)
        }
        if !report.errors.isEmpty || !report.warnings.isEmpty { lines.append("") }
        let verdict = report.findings.isEmpty && report.errors.isEmpty ? paint("No drift.", .green) : paint("Drift found.", .bold)
        lines.append("\(verdict) \(report.summary.line)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// ` (id)` after an address, and ` in REGION` when the scan covered several regions.
    private func id(_ finding: Finding) -> String {
        var text = ""
        if let id = finding.id, finding.address != nil { text = " (\(id))" }
        if let region = finding.region { text += " in \(region)" }
        return text
    }

    enum Style: String {
        case bold = "1", red = "31", green = "32", yellow = "33", magenta = "35", dim = "2"
    }

    func paint(_ text: String, _ style: Style) -> String {
        colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    private func dim(_ text: String) -> String { text.isEmpty ? text : paint(text, .dim) }
}
