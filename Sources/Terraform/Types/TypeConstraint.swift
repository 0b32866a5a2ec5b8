import HCL

/// A Terraform type constraint (`variable { type = ... }`): what `TypeConstraint.parse` reads from
/// the expression and what `convert` applies to a value, with Terraform's conversions and
/// `optional()` defaults.
public indirect enum TypeConstraint: Sendable, Hashable {
    case any
    case string
    case number
    case bool
    case list(TypeConstraint)
    case set(TypeConstraint)
    case map(TypeConstraint)
    case tuple([TypeConstraint])
    case object([String: ObjectAttribute])

    /// True when the constraint pins no type at all (`any`), so values pass through unchanged.
    public var isAny: Bool { self == .any }

    /// True for `string`, `number` and `bool`, whose `-var`/`TF_VAR_` strings are taken literally
    /// rather than parsed as HCL.
    public var isPrimitive: Bool {
        switch self {
        case .string, .number, .bool: return true
        default: return false
        }
    }
}

/// One attribute of an `object({...})` constraint: `optional(type, default)` makes it optional and
/// gives the value used when it is absent or null.
public struct ObjectAttribute: Sendable, Hashable {
    public var type: TypeConstraint
    public var optional: Bool
    public var defaultValue: HCLValue?

    public init(type: TypeConstraint, optional: Bool = false, defaultValue: HCLValue? = nil) {
        self.type = type
        self.optional = optional
        self.defaultValue = defaultValue
    }
}

extension TypeConstraint: CustomStringConvertible {
    /// The constraint as it is written in a configuration: `list(string)`, `object({a=number})`.
    public var description: String {
        switch self {
        case .any: return "any"
        case .string: return "string"
        case .number: return "number"
        case .bool: return "bool"
        case .list(let element): return "list(\(element))"
        case .set(let element): return "set(\(element))"
        case .map(let element): return "map(\(element))"
        case .tuple(let elements): return "tuple([" + elements.map(\.description).joined(separator: ", ") + "])"
        case .object(let attributes):
            let items = attributes.keys.sorted().map { name -> String in
                guard let attribute = attributes[name] else { return name }
                if !attribute.optional { return "\(name)=\(attribute.type)" }
                if let value = attribute.defaultValue { return "\(name)=optional(\(attribute.type), \(JSONText.encode(value)))" }
                return "\(name)=optional(\(attribute.type))"
            }
            return "object({" + items.joined(separator: ", ") + "})"
        }
    }

    /// cty's friendly name used in conversion messages: `list of string`, `map of number`, `object`.
    var friendlyName: String {
        switch self {
        case .any: return "any type"
        case .string, .number, .bool: return description
        case .list(let element): return "list of \(element.friendlyName)"
        case .set(let element): return "set of \(element.friendlyName)"
        case .map(let element): return "map of \(element.friendlyName)"
        case .tuple: return "tuple"
        case .object: return "object"
        }
    }
}
