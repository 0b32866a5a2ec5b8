import DriftModel
import Foundation

/// The `.driftignore` patterns that silence exactly a report's findings, for onboarding an
/// existing account: start from "known" and fail only on what is new. Precise on purpose: a
/// drifted resource gets one pattern per changed argument path (another argument drifting later
/// still fails), a declared resource its address, a live one `type.id`.
public struct IgnoreSuggestion: Sendable, Hashable {
    /// The patterns, in the report's finding order, without repeats.
    public var patterns: [String]
    /// How many findings they cover.
    public var findings: Int

    /// Reads the findings of a `drift scan --format json` report; `kinds` (nil: every kind) picks
    /// which. Throws `DriftCoreError.invalidArgument` when the document is not such a report.
    public init(reportJSON text: String, kinds: Set<String>?) throws {
        let doc: Value
        do { doc = try JSONParser.parse(text) } catch {
            throw DriftCoreError.invalidArgument("not a drift report: not JSON: \(error)")
        }
        guard doc["schemaVersion"]?.numberValue != nil, let findings = doc["findings"]?.arrayValue else {
            throw DriftCoreError.invalidArgument("not a drift scan --format json report (no schemaVersion and findings)")
        }
        var patterns: [String] = []
        var seen: Set<String> = []
        var count = 0
        for (index, finding) in findings.enumerated() {
            guard let kind = finding["kind"]?.stringValue, let type = finding["type"]?.stringValue else {
                throw DriftCoreError.invalidArgument("not a drift report: findings[\(index)] has no kind or type")
            }
            if let kinds, !kinds.contains(kind) { continue }
            let address = finding["address"]?.stringValue
            let id = finding["id"]?.stringValue
            var mine: [String] = []
            if kind == "drifted", let address, let changes = finding["changes"]?.arrayValue, !changes.isEmpty {
                mine = changes.compactMap { $0["path"]?.stringValue }.map { "\(address).\($0)" }
            } else if let address {
                mine = [address]
            } else if let id {
                mine = ["\(type).\(id)"]
            }
            guard !mine.isEmpty else { throw DriftCoreError.invalidArgument("not a drift report: findings[\(index)] has neither address nor id") }
            count += 1
            for pattern in mine where seen.insert(pattern).inserted { patterns.append(pattern) }
        }
        self.patterns = patterns
        self.findings = count
    }

    /// `existing` `.driftignore` text with the patterns it does not already hold appended under a
    /// dated comment; `existing` itself is kept byte for byte. Returns nil when nothing is new.
    public func appended(to existing: String, comment: String) -> String? {
        let present = Set(existing.split(whereSeparator: \.isNewline).map {
            DriftIgnore.withoutComment(String($0)).trimmingCharacters(in: .whitespaces)
        })
        let new = patterns.filter { !present.contains($0) }
        guard !new.isEmpty else { return nil }
        var out = existing
        if !out.isEmpty && !out.hasSuffix("\n") { out += "\n" }
        if !out.isEmpty { out += "\n" }
        out += "# \(comment)\n"
        out += new.map { $0 + "\n" }.joined()
        return out
    }
}
