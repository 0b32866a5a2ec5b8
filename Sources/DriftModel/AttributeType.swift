/// The cty type of a provider argument, from `terraform providers schema -json`. Terraform converts
/// every argument value to it before the provider sees it (`monitoring = "true"` becomes the bool
/// `true`, `instance_type = 5` the string `"5"`), so a declared value is only comparable with the
/// live one after the same conversion.
public indirect enum AttributeType: Sendable, Hashable {
    case string
    case number
    case bool
    case list(AttributeType)
    case set(AttributeType)
    case map(AttributeType)
    case object([String: AttributeType])
    case tuple([AttributeType])
    /// cty's `DynamicPseudoType`: any value, taken as written.
    case dynamic
}

extension AttributeType: CustomStringConvertible {
    /// The type as Terraform writes it in a type constraint: `set(string)`, `object({a=number})`.
    public var description: String {
        switch self {
        case .string: return "string"
        case .number: return "number"
        case .bool: return "bool"
        case .dynamic: return "any"
        case .list(let element): return "list(\(element))"
        case .set(let element): return "set(\(element))"
        case .map(let element): return "map(\(element))"
        case .tuple(let elements): return "tuple([" + elements.map(\.description).joined(separator: ", ") + "])"
        case .object(let attributes):
            return "object({" + attributes.keys.sorted().map { "\($0)=\(attributes[$0] ?? .dynamic)" }
                .joined(separator: ", ") + "})"
        }
    }
}
