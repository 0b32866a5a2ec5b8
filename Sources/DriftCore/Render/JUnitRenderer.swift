import DriftModel

/// JUnit XML for CI systems that show test results: one `testsuite` per finding kind and type
/// (`drifted aws_instance`), one failing `testcase` per finding, unreadable resources as
/// `error`s, and a `scan` suite whose single case passes only when the scan found nothing.
public struct JUnitRenderer: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        var suites: [String] = []
        let groups = Dictionary(grouping: report.findings) { "\($0.kind.rawValue) \($0.type)" }
        for key in groups.keys.sorted() {
            let findings = groups[key] ?? []
            var cases: [String] = []
            for f in findings {
                let name = f.address ?? "\(f.type).\(f.id ?? "")"
                let message = summary(of: f) + historyNote(f)
                cases.append(
                    "    <testcase classname=\"\(attr(key))\" name=\"\(attr(name))\">\n"
                        + "      <failure type=\"\(f.kind.rawValue)\" message=\"\(attr(message))\">\(text(details(of: f)))</failure>\n"
                        + "    </testcase>")
            }
            suites.append(
                "  <testsuite name=\"\(attr(key))\" tests=\"\(findings.count)\" failures=\"\(findings.count)\" errors=\"0\">\n"
                    + cases.joined(separator: "\n") + "\n  </testsuite>")
        }
        if !report.errors.isEmpty {
            let cases = report.errors.map { e in
                "    <testcase classname=\"errors\" name=\"\(attr("\(e.service) \(e.operation) \(e.resource ?? "")"))\">\n"
                    + "      <error type=\"\(attr(e.code))\" message=\"\(attr(e.message))\">\(text(e.description))</error>\n"
                    + "    </testcase>"
            }
            suites.append(
                "  <testsuite name=\"errors\" tests=\"\(cases.count)\" failures=\"0\" errors=\"\(cases.count)\">\n"
                    + cases.joined(separator: "\n") + "\n  </testsuite>")
        }
        let clean = report.findings.isEmpty && report.errors.isEmpty
        let verdict = clean ? "" : "\n      <failure type=\"drift\" message=\"\(attr(report.summary.line))\"/>"
        suites.append(
            "  <testsuite name=\"scan\" tests=\"1\" failures=\"\(clean ? 0 : 1)\" errors=\"0\">\n"
                + "    <testcase classname=\"scan\" name=\"\(attr(report.baseline))\">\(verdict)\n    </testcase>\n  </testsuite>")
        let failures = report.findings.count + (clean ? 0 : 1)
        let tests = report.findings.count + report.errors.count + 1
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"drift\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(report.errors.count)\" timestamp=\"\(attr(report.scannedAt))\">\n"
            + suites.joined(separator: "\n") + "\n</testsuites>\n"
    }

    private func summary(of f: Finding) -> String {
        switch f.kind {
        case .drifted: return "drifted: " + f.changes.map(\.path).joined(separator: ", ")
        case .missing: return "missing: \(f.id ?? "") is gone live; Terraform would create it"
        case .orphaned: return "orphaned: \(f.id ?? "") is in the state but declared by no file; terraform apply would destroy it"
        case .unmanaged: return "unmanaged: \(f.id ?? "")\(f.name.map { " (\($0))" } ?? "") is declared by no file"
        }
    }

    /// ` (new, first seen 2026-12-06T10:00:00Z)` with a history, nothing without.
    private func historyNote(_ f: Finding) -> String {
        guard let status = f.status else { return "" }
        return " (\(status.rawValue)" + (f.firstSeen.map { ", first seen \($0)" } ?? "") + ")"
    }

    private func details(of f: Finding) -> String {
        switch f.kind {
        case .drifted:
            return f.changes.map { c in
                "\(c.path): declared \(c.declared.displayText), live \(c.live.displayText)" + (c.source.map { " (\($0))" } ?? "")
            }.joined(separator: "\n")
        case .missing: return summary(of: f) + (f.source.map { " (\($0))" } ?? "")
        case .orphaned, .unmanaged: return summary(of: f)
        }
    }

    /// Escaped for an attribute value.
    private func attr(_ s: String) -> String {
        text(s).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "\n", with: "&#10;")
    }

    /// Escaped for element text; control characters XML 1.0 forbids are dropped.
    private func text(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
