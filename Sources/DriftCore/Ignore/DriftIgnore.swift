import DriftModel
import Foundation

/// Known exceptions to silence: `.driftignore` in the baseline directory plus `--ignore`.
///
/// One pattern per line, `#` starts a comment, `!` re-includes. A pattern names a resource
/// (`aws_s3_bucket.logs`, `aws_instance.*`; an address without its index covers every index) or
/// one argument path below it (`aws_instance.web.tags.LastPatched`). `*` matches any run of
/// characters and `?` one. As in `.gitignore`, the last pattern that matches decides.
public struct DriftIgnore: Sendable, Hashable {
    public struct Rule: Sendable, Hashable {
        public var pattern: String
        public var negated: Bool
    }

    public var rules: [Rule]

    public init(rules: [Rule] = []) { self.rules = rules }

    /// Parses `.driftignore` text.
    public init(text: String) {
        self.init(patterns: text.split(whereSeparator: \.isNewline).map(String.init))
    }

    /// Patterns as given on the command line (`--ignore`), same syntax as a file line.
    public init(patterns: [String]) {
        rules = patterns.compactMap { raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { return nil }
            if line.hasPrefix("!") {
                let pattern = line.dropFirst().trimmingCharacters(in: .whitespaces)
                return pattern.isEmpty ? nil : Rule(pattern: pattern, negated: true)
            }
            return Rule(pattern: line, negated: false)
        }
    }

    /// `.driftignore` of a baseline directory; empty when there is none.
    public static func load(directory: String) -> DriftIgnore {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(".driftignore").path
        guard let data = FileManager.default.contents(atPath: path) else { return DriftIgnore() }
        return DriftIgnore(text: String(decoding: data, as: UTF8.self))
    }

    public func appending(_ other: DriftIgnore) -> DriftIgnore { DriftIgnore(rules: rules + other.rules) }

    public var isEmpty: Bool { rules.isEmpty }

    /// Whether a whole resource is silenced (an address, or `type.id`/`type.name` when unmanaged).
    public func ignores(resource subjects: [String]) -> Bool {
        verdict(for: Self.expand(subjects))
    }

    /// Whether every unmanaged finding of `type` is silenced (`aws_key_pair.*`), whatever its id
    /// or name: the pattern covers `type.*`, and no `!` pattern could bring one of them back. A
    /// scan need not list such a type when no file declares it.
    public func silencesUnmanaged(_ type: String) -> Bool {
        // Ids of any length, including a literal `*`: a pattern such as `aws_key_pair.?` covers some only.
        let probes = ["\(type).*", "\(type).\u{1}", "\(type).\u{1}\u{2}\u{3}\u{4}\u{5}"]
        guard probes.allSatisfy({ verdict(for: [$0]) }) else { return false }
        let prefix = "\(type)."
        return !rules.contains { rule in
            guard rule.negated else { return false }
            let literal = String(rule.pattern.prefix { $0 != "*" && $0 != "?" })
            return literal.hasPrefix(prefix) || prefix.hasPrefix(literal)
        }
    }

    /// Whether one change of a resource is silenced.
    public func ignores(resource subjects: [String], change: AttributeChange) -> Bool {
        let resources = Self.expand(subjects)
        var all = resources
        for resource in resources {
            for path in [change.path, Self.withoutIndexes(change.path), change.attribute] {
                all.append("\(resource).\(path)")
            }
        }
        return verdict(for: all)
    }

    /// Findings with silenced ones (and silenced changes) removed.
    public func apply(to findings: [Finding]) -> [Finding] {
        guard !isEmpty else { return findings }
        return findings.compactMap { finding in
            let subjects = Self.subjects(of: finding)
            if finding.kind != .drifted { return ignores(resource: subjects) ? nil : finding }
            var kept = finding
            kept.changes = finding.changes.filter { !ignores(resource: subjects, change: $0) }
            return kept.changes.isEmpty ? nil : kept
        }
    }

    static func subjects(of finding: Finding) -> [String] {
        if let address = finding.address { return [address] }
        return [finding.id, finding.name].compactMap { $0.map { "\(finding.type).\($0)" } }
    }

    private func verdict(for subjects: [String]) -> Bool {
        var ignored = false
        for rule in rules where subjects.contains(where: { Self.glob(rule.pattern, matches: $0) }) {
            ignored = !rule.negated
        }
        return ignored
    }

    private static func expand(_ subjects: [String]) -> [String] {
        var out: [String] = []
        for s in subjects {
            out.append(s)
            let bare = withoutIndexes(s)
            if bare != s { out.append(bare) }
        }
        return out
    }

    /// `module.m["a"].aws_instance.web[0]` → `module.m.aws_instance.web`.
    static func withoutIndexes(_ text: String) -> String {
        var out = ""
        var depth = 0
        var inQuote = false
        for ch in text {
            if depth > 0 {
                if ch == "\"" { inQuote.toggle() } else if ch == "]" && !inQuote { depth -= 1 }
                continue
            }
            if ch == "[" { depth = 1; continue }
            out.append(ch)
        }
        return out
    }

    /// `*` any run of characters, `?` one character; everything else literal.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var pi = 0, ti = 0
        var star = -1, mark = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
