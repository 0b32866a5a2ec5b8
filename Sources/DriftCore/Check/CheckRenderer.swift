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
        if let id = m?.id {
            title += "  \(id)"
            if let name = result.live.first(where: { $0.id == id })?.tags["Name"] { title += " (\(name))" }
        } else if result.live.count == 1, let only = result.live.first {
            title += "  \(only.id)" + (only.tags["Name"].map { " (\($0))" } ?? "")
        } else if result.live.count > 1 {
            // One Name, several instances: every id, never just the first.
            title += "  \(result.live.map(\.id).sorted().joined(separator: ", ")) (\(result.live.count) instances)"
        }
        let style: TextRenderer.Style = result.verdict == .inSync ? .green : (result.verdict == .drifted ? .yellow : .red)
        lines.append(text.paint(title, .bold) + "  " + text.paint(result.verdict.rawValue, style))
        // A managed instance's launch template (a snowflake's is in its description below).
        if let id = m?.id ?? orphan?.id, let template = result.details[id]?.launchTemplate {
            lines.append("  launch template  " + template.text)
        }
        for finding in result.report.findings {
            if let since = SinceText.describe(finding, at: result.report.scannedAt) { lines.append(text.paint(since, .dim)) }
        }
        let rows = result.rows
        if !rows.isEmpty {
            let width = min(40, rows.map(\.path.count).max() ?? 0)
            lines.append("")
            lines.append("  " + "argument".padding(width) + "  declared → live")
            for row in rows {
                let d = row.declared?.humanText ?? Value.absentText, l = row.live?.humanText ?? Value.absentText
                var line = (row.differs ? text.paint("~ ", .yellow) : "  ") + row.path.padding(width) + "  "
                line += row.differs ? "\(d) → \(l)" : d
                if row.differs, let source = row.source { line += "  " + text.paint(source, .dim) }
                lines.append(line)
            }
        }
        lines += relatedLines(result.related, text: text)
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
            guard let live = result.live.first(where: { $0.id == finding.id }) else { continue }
            let rows = result.description(of: live)
            let width = rows.map(\.label.count).max() ?? 0
            for row in rows { lines.append("    " + row.label.padding(width) + "  " + row.value) }
        }
        for error in result.report.errors { lines.append(text.paint("error: ", .red) + error.description) }
        for warning in result.report.warnings where warning.code != "UnknownValue" {
            lines.append(text.paint("warning: ", .yellow) + warning.message)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension CheckRenderer {
    /// Its security groups (rules included), volumes and elastic IP: declared or not, in sync or
    /// what changed.
    func relatedLines(_ related: RelatedResources?, text: TextRenderer) -> [String] {
        guard let related, !related.items.isEmpty else { return [] }
        var lines: [String] = []
        for item in related.items {
            lines.append("")
            var title = "\(item.kind.rawValue) \(item.live.id)"
            if let name = item.live.attributes["name"]?.stringValue ?? item.live.tags["Name"] { title += " (\(name))" }
            let verdict: String
            if item.address == nil {
                verdict = text.paint("not declared", .dim)
            } else if item.changes.isEmpty && item.unmanagedRules.isEmpty {
                verdict = text.paint("in sync", .green)
            } else {
                verdict = text.paint("drifted", .yellow)
            }
            lines.append(text.paint(title, .bold) + "  " + (item.address.map { $0 + "  " } ?? "") + verdict)
            for change in item.changes {
                lines += ChangeText.render(declared: change.declared, live: change.live).lines(
                    "  " + text.paint("~ ", .yellow) + change.path, separator: "  ",
                    tail: change.source.map { "  " + text.paint($0, .dim) } ?? "", indent: "      ")
            }
            if item.kind == .securityGroup {
                for (name, word) in [("ingress", "from"), ("egress", "to")] {
                    for rule in item.live.attributes[name]?.arrayValue ?? [] {
                        lines.append("  \(name) " + Self.ruleText(rule, word))
                    }
                }
                for rule in item.unmanagedRules {
                    lines.append("  " + text.paint("? ", .red) + "\(rule.id): opened by hand, no file declares it")
                }
            }
        }
        return lines
    }

    /// `tcp 22 from 0.0.0.0/0 "tonight only"`.
    static func ruleText(_ rule: Value, _ word: String) -> String {
        let protocolName = rule["protocol"]?.stringValue ?? "-1"
        var text = protocolName == "-1" ? "all traffic" : protocolName
        if protocolName != "-1", let from = rule["from_port"]?.numberValue, let to = rule["to_port"]?.numberValue {
            text += from == to ? " \(Int(from))" : " \(Int(from))-\(Int(to))"
        }
        var sources: [String] = []
        for list in ["cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids", "security_groups"] {
            sources += (rule[list]?.arrayValue ?? []).compactMap(\.stringValue)
        }
        if rule["self"]?.boolValue == true { sources.append("self") }
        text += " \(word) " + sources.joined(separator: ", ")
        if let description = rule["description"]?.stringValue, !description.isEmpty { text += " \"\(description)\"" }
        return text
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
