import DriftModel

/// A report for a pull-request comment or a CI step summary (`$GITHUB_STEP_SUMMARY`): a heading
/// that says the verdict, one table per finding kind, errors, and warnings folded away.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        var out: [String] = []
        let clean = report.findings.isEmpty && report.errors.isEmpty
        out.append(clean ? "## ✅ drift: no drift" : "## ⚠️ drift: \(headline(report.summary))")
        out.append("")
        var context: String
        if report.roots.isEmpty && report.accounts.isEmpty {
            context = "Baseline `\(report.baseline)` · region `\(report.regionText)` · "
            context += report.stateSource.map { "state `\($0)`" } ?? "no state"
        } else {
            context = report.roots.isEmpty ? "Baseline `\(report.baseline)`" : "Roots " + report.roots.map { code($0.name) }.joined(separator: ", ")
            if !report.accounts.isEmpty { context += " · accounts " + report.accounts.map(code).joined(separator: ", ") }
            context += " · region `\(report.regionText)`"
        }
        out.append(context + " · scanned \(report.scannedAt)")
        out.append("")
        out.append("| managed | in sync | drifted | missing | orphaned | unmanaged | errors |")
        out.append("|---:|---:|---:|---:|---:|---:|---:|")
        let s = report.summary
        out.append("| \(s.managed) | \(s.inSync) | \(s.drifted) | \(s.missing) | \(s.orphaned) | \(s.unmanaged) | \(s.errors) |")
        if !report.roots.isEmpty {
            out += ["", "| root | managed | in sync | drifted | missing | orphaned | errors |", "|---|---:|---:|---:|---:|---:|---:|"]
            for root in report.roots {
                let r = root.summary
                out.append(row([code(root.name), "\(r.managed)", "\(r.inSync)", "\(r.drifted)", "\(r.missing)", "\(r.orphaned)", "\(r.errors)"]))
            }
        }
        if let coverage = s.coverage.line {
            out += ["", "IaC " + coverage]
        }
        let drifted = report.findings.filter { $0.kind == .drifted }
        if !drifted.isEmpty {
            out += ["", "### Drifted", "", "| Resource | Attribute | Declared | Live | Declared at |", "|---|---|---|---|---|"]
            for finding in drifted {
                for change in finding.changes {
                    out.append(row([
                        code(finding.address ?? finding.type) + place(finding) + since(finding, report), code(change.path), code(change.declared.displayText),
                        code(change.live.displayText), change.source.map(code) ?? "",
                    ]))
                }
            }
        }
        let missing = report.findings.filter { $0.kind == .missing }
        if !missing.isEmpty {
            out += ["", "### Missing (Terraform would create them)", "", "| Resource | ID | Declared at |", "|---|---|---|"]
            for f in missing {
                out.append(row([code(f.address ?? f.type) + place(f) + since(f, report), f.id.map(code) ?? "", f.source.map(code) ?? ""]))
            }
        }
        let orphaned = report.findings.filter { $0.kind == .orphaned }
        if !orphaned.isEmpty {
            out += ["", "### Orphaned (in the state, declared by no file: terraform apply would destroy them)", "", "| Resource | ID | Name |", "|---|---|---|"]
            for f in orphaned {
                out.append(row([code(f.address ?? f.type) + place(f), f.id.map(code) ?? "", f.name.map(escape) ?? ""]))
            }
        }
        let unmanaged = report.findings.filter { $0.kind == .unmanaged }
        if !unmanaged.isEmpty {
            out += ["", "### Unmanaged (no file declares them)", "", "| Type | ID | Name |", "|---|---|---|"]
            for f in unmanaged {
                out.append(row([code(f.type) + place(f) + since(f, report), f.id.map(code) ?? "", f.name.map(escape) ?? ""]))
            }
        }
        if let resolved = report.resolved, !resolved.isEmpty {
            out += ["", "### Resolved since the previous scan", "", "| Resource | Kind | Attributes |", "|---|---|---|"]
            for f in resolved {
                out.append(row([code(f.displayName), f.kind.rawValue, f.changes.map { code($0.path) }.joined(separator: ", ")]))
            }
        }
        if !report.errors.isEmpty {
            out += ["", "### Errors (not read, so neither in sync nor missing)", "", "| Service | Operation | Resource | Code | Message |", "|---|---|---|---|---|"]
            for e in report.errors {
                let resource = (e.resource.map(code) ?? "") + place([e.root, e.account, e.region])
                out.append(row([e.service, e.operation, resource, code(e.code), escape(e.message)]))
            }
        }
        if !report.warnings.isEmpty {
            out += ["", "<details><summary>\(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")</summary>", ""]
            for w in report.warnings {
                out.append("- **\(w.code)**: \(escape(w.message))" + (w.source.map { " (`\($0)`)" } ?? ""))
            }
            out += ["", "</details>"]
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func headline(_ s: Report.Summary) -> String {
        var parts: [String] = []
        if s.drifted > 0 { parts.append("\(s.drifted) drifted") }
        if s.missing > 0 { parts.append("\(s.missing) missing") }
        if s.orphaned > 0 { parts.append("\(s.orphaned) orphaned") }
        if s.unmanaged > 0 { parts.append("\(s.unmanaged) unmanaged") }
        if s.errors > 0 { parts.append("\(s.errors) \(s.errors == 1 ? "error" : "errors")") }
        return parts.joined(separator: ", ")
    }

    /// ` · root `infra/app` · `prod` · `eu-west-1``: where a finding of an estate scan is.
    private func place(_ f: Finding) -> String {
        guard f.root != nil || f.account != nil else { return "" }
        return place([f.root.map { "root \($0)" }, f.account, f.region])
    }

    private func place(_ parts: [String?]) -> String {
        parts.compactMap { $0 }.map { " · " + code($0) }.joined()
    }

    /// ` · drifting since 2026-12-01 (5 days)` with a history, nothing without.
    private func since(_ f: Finding, _ report: Report) -> String {
        SinceText.describe(f, at: report.scannedAt).map { " · " + escape($0) } ?? ""
    }

    private func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// Inline code that survives backticks and pipes inside the value.
    private func code(_ text: String) -> String {
        let body = escape(text)
        return body.contains("`") ? "`` \(body) ``" : "`\(body)`"
    }
}
