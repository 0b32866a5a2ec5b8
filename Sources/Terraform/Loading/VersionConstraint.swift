import Foundation

/// A `required_version` constraint as hashicorp/go-version reads it (`>= 1.5, < 2.0`, `~> 0.12.0`):
/// drift evaluates a configuration by Terraform's rules of `TerraformVersion.current`, so one that
/// refuses that version is refused as Terraform refuses it.
struct VersionConstraint {
    private var clauses: [(op: String, version: [Int], precision: Int)] = []

    /// nil when the text is not a constraint go-version reads (then nothing is claimed).
    init?(_ text: String) {
        for piece in text.split(separator: ",") {
            var clause = piece.trimmingCharacters(in: .whitespaces)
            var op = "="
            for candidate in ["~>", ">=", "<=", "!=", ">", "<", "="] where clause.hasPrefix(candidate) {
                op = candidate
                clause = String(clause.dropFirst(candidate.count)).trimmingCharacters(in: .whitespaces)
                break
            }
            if clause.hasPrefix("v") { clause.removeFirst() }
            // Pre-release and build suffixes: compared on the numbers only.
            let core = clause.split(whereSeparator: { $0 == "-" || $0 == "+" }).first.map(String.init) ?? ""
            let numbers = core.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
            guard (1...3).contains(numbers.count), numbers.allSatisfy({ $0 != nil }) else { return nil }
            let version = numbers.compactMap { $0 }
            clauses.append((op, version + Array(repeating: 0, count: 3 - version.count), version.count))
        }
        if clauses.isEmpty { return nil }
    }

    func allows(_ text: String) -> Bool {
        let version = text.split(separator: ".").compactMap { Int($0) }
        return clauses.allSatisfy { clause in
            let order = version.lexicographicallyPrecedes(clause.version) ? -1 : version == clause.version ? 0 : 1
            switch clause.op {
            case "=": return order == 0
            case "!=": return order != 0
            case ">": return order > 0
            case "<": return order < 0
            case ">=": return order >= 0
            case "<=": return order <= 0
            default:
                // `~> 1.2.3`: >= 1.2.3 and < 1.3.0; `~> 1.2`: >= 1.2 and < 2.0.
                guard order >= 0 else { return false }
                let fixed = max(clause.precision - 1, 1)
                return Array(version.prefix(fixed)) == Array(clause.version.prefix(fixed))
            }
        }
    }
}
