import DriftModel

/// `drift check` as text: the instance, its verdict, then declared vs live per argument, the
/// differing ones marked `~`.
public struct CheckRenderer: Sendable {
    public var colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    public func render(_ result: CheckResult) -> String {
        let text = TextRenderer(colour: colour)
        var lines: [String] = []
        let m = result.match.matches.first
        let orphan = result.report.findings.first { $0.kind == .orphaned }
        var title = m?.declared.address ?? orphan?.address ?? result.target
        if let id = m?.id ?? result.live.first?.id { title += "  \(id)" }
        if let name = result.live.first?.tags["Name"] { title += " (\(name))" }
        let style: TextRenderer.Style = result.verdict == .inSync ? .green : (result.verdict == .drifted ? .yellow : .red)
        lines.append(text.paint(title, .bold) + "  " + text.paint(result.verdict.rawValue, style))
        for finding in result.report.findings {
            if let since = SinceText.describe(finding, at: result.report.scannedAt) { lines.append(text.paint(since, .dim)) }
        }
        let rows = result.rows
        if !rows.isEmpty {
            let width = min(40, rows.map(\.path.count).max() ?? 0)
            lines.append("")
            lines.append("  " + "argument".padding(width) + "  declared → live")
            for row in rows {
                let d = row.declared?.displayText ?? "(unset)", l = row.live?.displayText ?? "(none)"
                var line = (row.differs ? text.paint("~ ", .yellow) : "  ") + row.path.padding(width) + "  "
                line += row.differs ? "\(d) → \(l)" : d
                if row.differs, let source = row.source { line += "  " + text.paint(source, .dim) }
                lines.append(line)
            }
        }
        for finding in result.report.findings where finding.kind == .missing {
            lines.append("")
            let id = finding.id.map { " (\($0))" } ?? ""
            lines.append("- \(finding.address ?? finding.type)\(id) is gone live: Terraform would create it")
        }
        for finding in result.report.findings where finding.kind == .orphaned {
            lines.append("")
            lines.append("- \(finding.address ?? "") is in the state but no file declares it: terraform apply would destroy it")
        }
        for finding in result.report.findings where finding.kind == .unmanaged {
            lines.append("")
            lines.append("? \(finding.id ?? "")\(finding.name.map { " (\($0))" } ?? ""): no file in the baseline declares it")
        }
        for error in result.report.errors { lines.append(text.paint("error: ", .red) + error.description) }
        for warning in result.report.warnings where warning.code != "UnknownValue" {
            lines.append(text.paint("warning: ", .yellow) + warning.message)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
