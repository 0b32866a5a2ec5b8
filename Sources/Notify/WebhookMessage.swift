import DriftCore
import DriftModel

/// The message one scan sends: Slack-compatible (`text` plus `blocks`, which Slack incoming
/// webhooks and Mattermost render), carrying the machine-readable findings under `drift` for
/// any other receiver. Sent only when the scan has new or resolved findings.
public enum WebhookMessage {
    /// `nil` when there is nothing to say: no new finding and nothing resolved.
    public static func body(for report: Report, account: String?) -> Value? {
        let new = report.findings.filter { $0.status == .new }
        let resolved = report.resolved ?? []
        guard !new.isEmpty || !resolved.isEmpty else { return nil }
        var parts: [String] = []
        if !new.isEmpty { parts.append("\(new.count) new") }
        if !resolved.isEmpty { parts.append("\(resolved.count) resolved") }
        let place = "\(report.baseline) · \(account.map { "account \($0) · " } ?? "")\(report.region)"
        let headline = "drift: \(parts.joined(separator: ", ")) in \(place)"
        var blocks: [Value] = [section("*\(escape(headline))*\n\(escape(report.summary.line))")]
        if !new.isEmpty { blocks.append(section("*New*\n" + list(new.map(line)))) }
        if !resolved.isEmpty { blocks.append(section("*Resolved*\n" + list(resolved.map(line)))) }
        return .object([
            "text": .string(headline),
            "blocks": .array(blocks),
            "drift": .object([
                "scannedAt": .string(report.scannedAt), "baseline": .string(report.baseline),
                "region": .string(report.region), "account": account.map(Value.string) ?? .null,
                "summary": report.summary.jsonValue,
                "new": .array(new.map(\.jsonValue)), "resolved": .array(resolved.map(\.jsonValue)),
            ]),
        ])
    }

    static func line(_ f: Finding) -> String {
        var s = "• `\(escape(f.displayName))` \(f.kind.rawValue)"
        if !f.changes.isEmpty { s += ": " + f.changes.map { escape($0.path) }.joined(separator: ", ") }
        return s
    }

    /// At most 20 lines: Slack caps a section's text at 3,000 characters.
    static func list(_ lines: [String]) -> String {
        let shown = lines.prefix(20).joined(separator: "\n")
        return lines.count > 20 ? shown + "\n… and \(lines.count - 20) more" : shown
    }

    static func section(_ text: String) -> Value {
        .object(["type": "section", "text": .object(["type": "mrkdwn", "text": .string(String(text.prefix(2900)))])])
    }

    /// Slack's three control characters in mrkdwn.
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
