/// A value produced by evaluating HCL, with Terraform's notion of an unknown value.
///
/// `unknown` stands for "known only after apply" (a data source, another resource's computed
/// attribute); operations on it yield `unknown` rather than guessing. Lists and tuples share
/// `tuple`; maps and objects share `object`; sets are kept de-duplicated and in a canonical order.
public enum HCLValue: Sendable, Hashable {
    case null
    case unknown
    case bool(Bool)
    case number(HCLNumber)
    case string(String)
    case tuple([HCLValue])
    case set([HCLValue])
    case object([String: HCLValue])

    public var isKnown: Bool {
        switch self {
        case .unknown: return false
        case .tuple(let items), .set(let items): return items.allSatisfy(\.isKnown)
        case .object(let members): return members.values.allSatisfy(\.isKnown)
        default: return true
        }
    }

    /// Terraform's type name for messages: `string`, `number`, `bool`, `tuple`, `set`, `object`, `null`.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .unknown: return "unknown"
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .tuple: return "tuple"
        case .set: return "set"
        case .object: return "object"
        }
    }
}
