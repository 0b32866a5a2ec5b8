import DriftModel

/// How one change reads in the human outputs (scan, check, history, diff).
///
/// Most changes read on one line, `"t2.micro" → "t2.small"`. A list of objects — a security
/// group's rules, a table's indexes — printed whole on both sides buries the one rule opened by
/// hand in a wall of JSON; it reads per element instead, as `terraform plan` shows a set: `+` an
/// element only live has, `-` one only the declaration has.
public enum ChangeText: Equatable, Sendable {
    case inline(String)
    /// `+ {…}` / `- {…}` lines, removed first.
    case elements([String])

    /// One line beyond this many characters is split per element (when both sides are lists of objects).
    static let inlineLimit = 100

    public static func render(declared: Value, live: Value) -> ChangeText {
        let inline = "\(declared.humanText) → \(live.humanText)"
        guard inline.count > inlineLimit, case .array(let before) = declared, case .array(let after) = live,
            (before + after).contains(where: { $0.objectValue != nil })
        else { return .inline(inline) }
        var unmatched = after
        var removed: [Value] = []
        for element in before {
            if let i = unmatched.firstIndex(of: element) { unmatched.remove(at: i) } else { removed.append(element) }
        }
        // The same elements in another order: only the whole lists say what changed.
        guard !removed.isEmpty || !unmatched.isEmpty else { return .inline(inline) }
        return .elements(removed.map { "- " + brief($0) } + unmatched.map { "+ " + brief($0) })
    }

    /// The change's lines: `head = "a" → "b"  tail` on one, or `head  tail` and then a line per
    /// element, indented by `indent`.
    public func lines(_ head: String, separator: String = " = ", tail: String = "", indent: String) -> [String] {
        switch self {
        case .inline(let text): return [head + separator + text + tail]
        case .elements(let items): return [head + tail] + items.map { indent + $0 }
        }
    }

    /// `{from_port=22, protocol="tcp", …}`: keys in order, absent and empty members left out.
    static func brief(_ value: Value) -> String {
        guard case .object(let members) = value else { return value.humanText }
        let shown = members.filter { _, v in
            switch v {
            case .null: return false
            case .array(let a): return !a.isEmpty
            case .object(let o): return !o.isEmpty
            default: return true
            }
        }
        return "{" + shown.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.canonicalJSON())" }.joined(separator: ", ") + "}"
    }
}
