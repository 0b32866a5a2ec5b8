/// The conditional plan rules of a schema applied to one block's (or resource's) members.
public enum PlanRules {
    /// `members` (a declared block's arguments, unconditional defaults already filled in) as
    /// `terraform plan` shows them: each name in `names` (the block's `nestedConditional`, or the
    /// resource's `conditional`) gets its default where its `defaultWhen` holds and nothing set it,
    /// and is removed (null) where its `suppressedWhen` holds and its value is not a zero value.
    /// Conditions are tested on the members as they were before any rule applied.
    public static func apply(_ names: [String], schema: [String: AttributeSchema], to members: inout [String: Value]) {
        guard !names.isEmpty else { return }
        let before = members
        for name in names {
            guard let entry = schema[name] else { continue }
            if let condition = entry.defaultWhen, let value = entry.defaultValue, before[name] == nil || before[name] == .null,
                condition.holds(in: before)
            {
                members[name] = value
            }
            if let condition = entry.suppressedWhen, let value = members[name], !value.isZeroValue,
                condition.holds(in: before)
            {
                members[name] = nil
            }
        }
    }

    /// Whether the comparer leaves `name` alone in a declared block (or resource) with `members`:
    /// the provider suppresses its diff there.
    public static func isSuppressed(_ name: String, schema: [String: AttributeSchema], in members: [String: Value]) -> Bool {
        guard let condition = schema[name]?.suppressedWhen else { return false }
        return condition.holds(in: members)
    }
}

extension Value {
    /// `""`, `false`, `0`, null: what the SDK's diff treats as unset, so a suppression leaves it.
    fileprivate var isZeroValue: Bool {
        switch self {
        case .null: return true
        case .string(let s): return s.isEmpty
        case .bool(let b): return !b
        case .number(let n): return n == 0
        case .array, .object: return false
        }
    }
}
