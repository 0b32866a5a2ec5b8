import DriftCore
import DriftModel

/// `drift history list`: one line per scan (text) or one object per scan (JSON).
public enum ScanListRenderer {
    public static func text(_ scans: [ScanRow]) -> String {
        guard !scans.isEmpty else { return "The history holds no scan yet.\n" }
        var lines: [String] = []
        var lastTarget: ScanTarget?
        for scan in scans {
            if scan.target != lastTarget {
                if lastTarget != nil { lines.append("") }
                lines.append("\(scan.target.root) · account \(scan.target.account ?? "unknown") · \(scan.target.region)")
                lastTarget = scan.target
            }
            var line = "  #\(scan.id)  \(scan.scannedAt)  exit \(scan.exitCode)  \(scan.summary.line)"
            var delta: [String] = []
            if scan.newFindings > 0 { delta.append("\(scan.newFindings) new") }
            if scan.resolvedFindings > 0 { delta.append("\(scan.resolvedFindings) resolved") }
            if !delta.isEmpty { line += "  (" + delta.joined(separator: ", ") + ")" }
            if let commit = scan.baselineCommit { line += "  @\(commit.prefix(12))" }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ scans: [ScanRow]) -> String {
        Value.object(["scans": .array(scans.map(\.jsonValue))]).canonicalJSON(pretty: true) + "\n"
    }
}

extension ScanRow {
    public var jsonValue: Value {
        .object([
            "id": .number(Double(id)), "scannedAt": .string(scannedAt),
            "durationMs": .number(Double(durationMilliseconds)), "exitCode": .number(Double(exitCode)),
            "summary": summary.jsonValue, "baseline": .string(baseline), "root": .string(target.root),
            "baselineCommit": baselineCommit.map(Value.string) ?? .null,
            "account": target.account.map(Value.string) ?? .null, "region": .string(target.region),
            "resources": .number(Double(resourceCount)), "new": .number(Double(newFindings)),
            "resolved": .number(Double(resolvedFindings)),
        ])
    }
}
