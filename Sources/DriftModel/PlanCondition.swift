/// A test on an argument's siblings (the other arguments of its block, or of the resource for a
/// top-level one), as the provider's plan modifiers and diff-suppress functions make it. The
/// provider schema JSON does not carry these; `scripts/generate-schema` records them from a
/// hand-checked table, each one confirmed by what `terraform plan` shows.
public enum PlanCondition: Sendable, Hashable {
    /// The sibling is set: non-null and, for a block or collection, not empty.
    case set(String)
    /// None of the siblings is set.
    case allUnset([String])
    /// The sibling is not `true` (false or unset).
    case notTrue(String)

    public func holds(in members: [String: Value]) -> Bool {
        switch self {
        case .set(let name): return Self.isSet(members[name])
        case .allUnset(let names): return !names.contains { Self.isSet(members[$0]) }
        case .notTrue(let name): return members[name] != .bool(true)
        }
    }

    private static func isSet(_ value: Value?) -> Bool {
        switch value {
        case .none, .null?: return false
        case .array(let items)?: return !items.isEmpty
        case .object(let members)?: return !members.isEmpty
        default: return true
        }
    }
}
