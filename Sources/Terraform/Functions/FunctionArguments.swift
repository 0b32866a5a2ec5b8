import HCL

/// The arguments of one call, with Terraform's parameter names so that type errors read like
/// Terraform's (`Invalid value for "str" parameter: string required.`). Accessors convert the way
/// cty converts a value to a parameter's type (`5` → `"5"` for a string parameter).
struct FunctionArguments {
    let function: String
    let names: [String]
    let values: [HCLValue]

    var count: Int { values.count }
    subscript(index: Int) -> HCLValue { values[index] }

    func name(_ index: Int) -> String { index < names.count ? names[index] : (names.last ?? "value") }

    /// `Invalid value for "name" parameter: detail.`, pointing at the argument: the whole detail
    /// Terraform prints under "Invalid function argument".
    func invalid(_ index: Int, _ detail: String) -> FunctionError {
        let trimmed = detail.hasSuffix(".") ? String(detail.dropLast()) : detail
        return FunctionError("Invalid value for \"\(name(index))\" parameter: \(trimmed).", argumentIndex: index)
    }

    /// A failed call. Blamed on an argument it reads like `invalid` (Terraform's argument errors);
    /// otherwise it is the bare reason Terraform prints after `Call to function "f" failed:`.
    func fail(_ index: Int?, _ message: String) -> FunctionError {
        guard let index else { return FunctionError(message) }
        return invalid(index, message)
    }

    func nonNull(_ index: Int) throws(FunctionError) -> HCLValue {
        let value = values[index]
        if case .null = value { throw invalid(index, "argument must not be null") }
        return value
    }

    /// The argument as a string, in NFC like every cty string (so hashes see Terraform's bytes).
    func string(_ index: Int) throws(FunctionError) -> String {
        guard let text = Primitive.string(try nonNull(index)) else { throw invalid(index, "string required") }
        return text.nfc
    }

    /// cty's wording: a string that does not spell a number "a number is required", anything else
    /// "number required".
    func number(_ index: Int) throws(FunctionError) -> HCLNumber {
        let value = try nonNull(index)
        guard let number = Primitive.number(value) else {
            if case .string = value { throw invalid(index, "a number is required") }
            throw invalid(index, "number required")
        }
        return number
    }

    /// A whole number that fits an `Int`; Terraform reports fractions the same way.
    func integer(_ index: Int) throws(FunctionError) -> Int {
        let number = try number(index)
        guard let whole = number.intValue else {
            throw invalid(index, "value must be a whole number")
        }
        return whole
    }

    /// The elements of a list, tuple or set argument.
    func sequence(_ index: Int) throws(FunctionError) -> [HCLValue] {
        switch try nonNull(index) {
        case .tuple(let items), .set(let items): return items
        default: throw invalid(index, "list of any single type required")
        }
    }

    /// The members of a map or object argument.
    func members(_ index: Int) throws(FunctionError) -> [String: HCLValue] {
        guard case .object(let members) = try nonNull(index) else { throw invalid(index, "map of any single type required") }
        return members
    }
}

/// Builds `HCLFunction`s with arity checks and cty's unknown rule: an argument that is itself
/// unknown makes the result unknown; unknowns nested inside collections reach the body, which decides
/// (so `length([unknown, 1])` is still 2, as in Terraform).
enum Builtin {
    static func function(
        _ name: String, _ parameters: [String], variadic: String? = nil, minimumVariadic: Int = 0,
        allowsUnknown: Bool = false,
        _ body: @escaping @Sendable (FunctionArguments) throws(FunctionError) -> HCLValue
    ) -> HCLFunction {
        HCLFunction(name: name, propagatesUnknown: false) { (values: [HCLValue]) throws(FunctionError) -> HCLValue in
            if values.count < parameters.count + minimumVariadic {
                let missing = values.count < parameters.count ? parameters[values.count] : (variadic ?? "value")
                let expected = parameters.count + minimumVariadic
                throw FunctionError(
                    "Not enough function arguments; function \"\(name)\" expects \(variadic == nil ? "" : "at least ")"
                        + "\(expected) argument(s). Missing value for \"\(missing)\".")
            }
            if variadic == nil, values.count > parameters.count {
                throw FunctionError(
                    "Too many function arguments; function \"\(name)\" expects only \(parameters.count) argument(s).")
            }
            if !allowsUnknown, values.contains(.unknown) { return .unknown }
            let names = parameters + (variadic.map { [$0] } ?? [])
            return try body(FunctionArguments(function: name, names: names, values: values)).nfcNormalized
        }
    }

    /// A function whose result is only known at apply time (`timestamp`, `uuid`): always unknown.
    static func impure(_ name: String, _ parameters: [String] = []) -> HCLFunction {
        function(name, parameters, allowsUnknown: true) { _ throws(FunctionError) in .unknown }
    }
}
