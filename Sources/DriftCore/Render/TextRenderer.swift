import DriftModel

/// The human report: one block per resource, `~ instance_type = "t2.micro" → "t3.small"  main.tf:12:3`
/// per change, errors and warnings, and a one-line summary last. Colour only when asked (the
/// command asks when stdout is a terminal and `NO_COLOR` is unset).
public struct TextRenderer: Sendable {
    public var colour: Bool
    /// The terminal's width: warnings and errors wrap there, on word boundaries. `nil`: no wrapping.
    public var width: Int?
    /// The kinds `--fail-on` names (`nil`: every kind): the verdict says which found kinds do not fail.
    public var failOn: Set<Finding.Kind>?

    public init(colour: Bool = false, width: Int? = nil, failOn: Set<Finding.Kind>? = nil) {
        self.colour = colour
        self.width = width
        self.failOn = failOn
    }

    public func render(_ report: Report) -> String {
        var lines: [String] = []
        lines.append(paint(header(report), .bold))
        lines.append("")
        if report.roots.isEmpty && report.accounts.isEmpty {
            for finding in report.findings { lines += self.lines(for: finding, at: report.scannedAt) }
        } else {
            // An estate: each root's findings under it, then the resources no root declares.
            for (heading, findings) in Self.sections(report) {
                lines.append(paint(heading, .bold))
                for finding in findings { lines += self.lines(for: finding, at: report.scannedAt).map { "  " + $0 } }
            }
        }
        if !report.findings.isEmpty { lines.append("") }
        for finding in report.resolved ?? [] {
            let what = finding.changes.isEmpty ? finding.kind.rawValue : finding.changes.map(\.path).joined(separator: ", ")
            lines.append(paint("✓ \(finding.displayName)", .green) + "  resolved: \(what) no longer \(finding.kind.rawValue)")
        }
        if !(report.resolved ?? []).isEmpty { lines.append("") }
        for error in report.errors {
            lines += wrapped(label: "error: ", .red, error.description, source: nil)
        }
        for warning in report.warnings {
            lines += wrapped(label: "warning: ", .yellow, warning.message, source: warning.source)
        }
        if !report.errors.isEmpty || !report.warnings.isEmpty { lines.append("") }
        if let coverage = report.summary.coverage.line { lines.append(coverage) }
        lines.append("\(verdict(report)) \(report.summary.line)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `drift scan of infra/app in eu-west-1 (state: ...)`; for an estate, how many roots and accounts.
    func header(_ report: Report) -> String {
        guard report.roots.isEmpty && report.accounts.isEmpty else {
            var header = "drift scan of "
            header += report.roots.isEmpty ? report.baseline : "\(report.roots.count) roots (\(report.roots.map(\.name).joined(separator: ", ")))"
            if !report.accounts.isEmpty { header += " in accounts \(report.accounts.joined(separator: ", "))" }
            return header + (report.accounts.isEmpty ? " in " : "; regions ") + report.regionText
        }
        return "drift scan of \(report.baseline) in \(report.regionText)"
            + (report.stateSource.map { " (state: \($0))" } ?? " (no state)")
    }

    /// Findings per root (in the report's root order), then the unmanaged ones.
    static func sections(_ report: Report) -> [(String, [Finding])] {
        var sections: [(String, [Finding])] = []
        let names = report.roots.isEmpty ? [nil] : report.roots.map { Optional($0.name) }
        for name in names {
            let own = report.findings.filter { $0.kind != .unmanaged && $0.root == name }
            if !own.isEmpty { sections.append((name.map { "root \($0):" } ?? "declared resources:", own)) }
        }
        let unmanaged = report.findings.filter { $0.kind == .unmanaged }
        if !unmanaged.isEmpty { sections.append(("declared by no root:", unmanaged)) }
        return sections
    }

    /// One finding's block: its heading line and, when drifted, a line per change.
    func lines(for finding: Finding, at scannedAt: String) -> [String] {
        var lines: [String] = []
        let since = SinceText.describe(finding, at: scannedAt).map { "  " + dim($0) } ?? ""
        switch finding.kind {
        case .drifted:
            lines.append(paint("~ \(finding.address ?? finding.type)", .yellow) + dim(id(finding)) + since)
            for change in finding.changes {
                lines += ChangeText.render(declared: change.declared, live: change.live).lines(
                    "    ~ \(change.path)", tail: change.source.map { "  " + dim($0) } ?? "", indent: "        ")
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
        return lines
    }

    /// `No drift.`, `Drift found.`, or `Drift found (not failing: missing).` when `--fail-on` leaves
    /// out kinds that were found.
    func verdict(_ report: Report) -> String {
        if report.findings.isEmpty && report.errors.isEmpty { return paint("No drift.", .green) }
        let found = Set(report.findings.map(\.kind))
        let notFailing = failOn.map { found.subtracting($0) } ?? []
        if notFailing.isEmpty { return paint("Drift found.", .bold) }
        return paint("Drift found (not failing: \(notFailing.map(\.rawValue).sorted().joined(separator: ", "))).", .bold)
    }

    /// `label text  source`, wrapped at `width` on spaces with the continuation lines indented
    /// under the text; a word longer than a line stays whole.
    func wrapped(label: String, _ style: Style, _ text: String, source: String?) -> [String] {
        let tail = source.map { "  " + $0 } ?? ""
        guard let width, label.count + text.count + tail.count > width else {
            return [paint(label, style) + text + (source.map { "  " + dim($0) } ?? "")]
        }
        let indent = String(repeating: " ", count: label.count)
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if let source { words.append(" " + source) }
        var lines: [String] = []
        var current = ""
        for word in words {
            let candidate = current.isEmpty ? word : current + " " + word
            if !current.isEmpty && label.count + candidate.count > width {
                lines.append(current)
                current = word.hasPrefix(" ") ? String(word.dropFirst()) : word
            } else {
                current = candidate
            }
        }
        lines.append(current)
        return lines.enumerated().map { index, line in
            var body = line
            if let source, index == lines.count - 1, body.hasSuffix(source) {
                body = String(body.dropLast(source.count)) + dim(source)
            }
            return (index == 0 ? paint(label, style) : indent) + body
        }
    }

    /// ` (id)` after an address, and ` in REGION` when the scan covered several regions.
    private func id(_ finding: Finding) -> String {
        var text = ""
        if let id = finding.id, finding.address != nil { text = " (\(id))" }
        switch (finding.account, finding.region) {
        case (let account?, let region?): text += " in \(account) \(region)"
        case (let account?, nil): text += " in \(account)"
        case (nil, let region?): text += " in \(region)"
        case (nil, nil): break
        }
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
