import HCL

/// cty's type unification for the elements of one collection, reduced to what drift's untyped
/// values need: when primitive elements mix kinds (`["a", 1, true]`) they all become strings, as
/// `tolist`, `coalesce` and `setunion` do in Terraform. Numbers and bools have no common type.
enum Unify {
    /// The values with mixed primitives made strings; unchanged when they cannot be unified.
    static func primitives(_ values: [HCLValue]) -> [HCLValue] { unified(values) ?? values }

    /// nil when numbers and bools meet without a string to convert both to.
    private static func unified(_ values: [HCLValue]) -> [HCLValue]? {
        var kinds = Set<String>()
        for value in values {
            switch value {
            case .string: kinds.insert("string")
            case .number: kinds.insert("number")
            case .bool: kinds.insert("bool")
            default: break
            }
        }
        guard kinds.count > 1 else { return values }
        guard kinds.contains("string") else { return nil }
        return values.map { value in
            switch value {
            case .number, .bool: return Primitive.string(value).map(HCLValue.string) ?? value
            default: return value
            }
        }
    }
}
