import DriftModel

/// JUnit XML for CI systems that chart test results. Every compared resource is one test case and
/// nothing else is: declared resources in one `testsuite` per type (in sync passes; drifted,
/// missing and any other finding about a declared resource fails with its changes), the live
/// resources no file declares as failures in their own `unmanaged` suite, and what could not be
/// read as `error`s in an `unreadable` suite. So `failures` is the number of findings and a
/// dashboard's pass rate is the share of resources in sync. Valid against Jenkins' `junit-10.xsd`
/// (whose `testsuites` carries no `timestamp`; the scan time is on each `testsuite`).
public struct JUnitRenderer: Sendable {
    public init() {}

    /// One `<testcase>`: its suite, name, and what failed (nil when it passed).
    private struct Case {
        enum Outcome { case passed, failure(type: String, message: String, details: String), error(type: String, message: String, details: String) }
        var name: String
        var outcome: Outcome
        var isFailure: Bool { if case .failure = outcome { return true } else { return false } }
        var isError: Bool { if case .error = outcome { return true } else { return false } }
    }

    /// `infra/app: aws_instance.web in prod eu-west-1` for an estate scan (the in-sync cases'
    /// names are `root: address` already); the name alone otherwise.
    static func placed(_ name: String, _ f: Finding) -> String {
        guard f.root != nil || f.account != nil else { return name }
        var text = f.root.map { "\($0): \(name)" } ?? name
        let place = [f.account, f.region].compactMap { $0 }
        if !place.isEmpty { text += " in " + place.joined(separator: " ") }
        return text
    }

    public func render(_ report: Report) -> String {
        var declared: [String: [Case]] = [:]
        for resource in report.inSyncResources {
            declared[resource.type, default: []].append(Case(name: resource.address, outcome: .passed))
        }
        var unmanaged: [Case] = []
        for f in report.findings {
            let failure = Case.Outcome.failure(type: f.kind.rawValue, message: summary(of: f) + historyNote(f), details: details(of: f))
            if f.kind == .unmanaged {
                unmanaged.append(Case(name: Self.placed(f.displayName, f), outcome: failure))
            } else {
                declared[f.type, default: []].append(Case(name: Self.placed(f.address ?? f.displayName, f), outcome: failure))
            }
        }
        let unreadable = report.errors.map { e in
            Case(
                name: [e.service, e.operation, e.resource, e.root.map { "(root \($0))" }, e.account, e.region]
                    .compactMap { $0 }.joined(separator: " "),
                outcome: .error(type: e.code, message: e.message, details: e.description))
        }
        var suites: [(name: String, cases: [Case])] = declared.keys.sorted().map { type in
            (type, (declared[type] ?? []).sorted { $0.name < $1.name })
        }
        if !unmanaged.isEmpty { suites.append(("unmanaged", unmanaged)) }
        if !unreadable.isEmpty { suites.append(("unreadable", unreadable)) }

        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.cases.filter { $0.isFailure }.count }
        let errors = suites.reduce(0) { $0 + $1.cases.filter { $0.isError }.count }
        let properties = coverageProperties(report.summary.coverage)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"drift \(attr(report.baseline))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        for suite in suites {
            out += "  <testsuite name=\"\(attr(suite.name))\" tests=\"\(suite.cases.count)\""
                + " failures=\"\(suite.cases.filter { $0.isFailure }.count)\" errors=\"\(suite.cases.filter { $0.isError }.count)\""
                + " timestamp=\"\(attr(report.scannedAt))\">\n"
            out += properties
            for c in suite.cases {
                out += "    <testcase classname=\"\(attr(suite.name))\" name=\"\(attr(c.name))\""
                switch c.outcome {
                case .passed:
                    out += "/>\n"
                case .failure(let type, let message, let details):
                    out += ">\n      <failure type=\"\(attr(type))\" message=\"\(attr(message))\">\(text(details))</failure>\n    </testcase>\n"
                case .error(let type, let message, let details):
                    out += ">\n      <error type=\"\(attr(type))\" message=\"\(attr(message))\">\(text(details))</error>\n    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// IaC coverage on every suite (`<testsuites>` takes no properties): `coverage` overall
    /// (`90%`) and `coverage.TYPE` as managed/live.
    private func coverageProperties(_ coverage: Coverage) -> String {
        guard let percent = coverage.total.percent else { return "" }
        var out = "    <properties>\n      <property name=\"coverage\" value=\"\(percent)%\"/>\n"
        for type in coverage.byType.keys.sorted() {
            guard let count = coverage.byType[type], count.live > 0 else { continue }
            out += "      <property name=\"coverage.\(attr(type))\" value=\"\(count.managed)/\(count.live)\"/>\n"
        }
        return out + "    </properties>\n"
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
