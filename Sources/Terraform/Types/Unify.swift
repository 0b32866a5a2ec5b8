import HCL

/// cty's unification applied to values, for functions whose arguments or elements must share one
/// type (`distinct`, `coalesce`, `setunion`, `matchkeys`): every value converted to the type they
/// unify to (`[[1], ["a"]]` → `[["1"], ["a"]]`), or nil when there is none (numbers and bools).
enum Unify {
    static func values(_ values: [HCLValue]) -> [HCLValue]? {
        guard let target = TypeUnification.unify(values.map(TypeUnification.inferred)) else { return nil }
        if target == .any { return values }
        var result: [HCLValue] = []
        for value in values {
            guard let converted = try? target.converted(value) else { return nil }
            result.append(converted)
        }
        return result
    }

    /// `values(_:)`, keeping the originals when they do not unify.
    static func primitives(_ values: [HCLValue]) -> [HCLValue] { Unify.values(values) ?? values }
}
