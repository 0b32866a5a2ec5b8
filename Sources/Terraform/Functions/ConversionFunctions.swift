import HCL

/// `tostring`, `tonumber`, `tobool`, `tolist`, `toset`, `tomap`: type conversions with the messages
/// Terraform gives; null converts to null, and collections unify mixed primitives to strings.
enum ConversionFunctions {
    static var all: [HCLFunction] { [tostring, tonumber, tobool, tolist, toset, tomap] }

    static let tostring = Builtin.function("tostring", ["v"]) { args throws(FunctionError) in
        switch args[0] {
        case .null: return .null
        case .string, .number, .bool: return .string(Primitive.string(args[0]) ?? "")
        default: throw args.invalid(0, "cannot convert \(args[0].typeName) to string")
        }
    }

    static let tonumber = Builtin.function("tonumber", ["v"]) { args throws(FunctionError) in
        switch args[0] {
        case .null: return .null
        case .number: return args[0]
        case .string(let text):
            guard let number = Primitive.parseNumber(text) else {
                throw args.invalid(0, "cannot convert \(JSONText.quote(text)) to number; given string must be a decimal representation of a number")
            }
            return .number(number)
        default: throw args.invalid(0, "cannot convert \(args[0].typeName) to number")
        }
    }

    static let tobool = Builtin.function("tobool", ["v"]) { args throws(FunctionError) in
        switch args[0] {
        case .null: return .null
        case .bool: return args[0]
        case .string(let text):
            if let flag = Primitive.bool(args[0]) { return .bool(flag) }
            throw args.invalid(0, "cannot convert \(JSONText.quote(text)) to bool; only the strings \"true\" or \"false\" are allowed")
        default: throw args.invalid(0, "cannot convert \(args[0].typeName) to bool")
        }
    }

    static let tolist = Builtin.function("tolist", ["v"]) { args throws(FunctionError) in
        try convert(args, to: .list(.any), "list")
    }

    static let toset = Builtin.function("toset", ["v"]) { args throws(FunctionError) in
        try convert(args, to: .set(.any), "set")
    }

    static let tomap = Builtin.function("tomap", ["v"]) { args throws(FunctionError) in
        try convert(args, to: .map(.any), "map")
    }

    private static func convert(_ args: FunctionArguments, to type: TypeConstraint, _ name: String) throws(FunctionError) -> HCLValue {
        switch type.convert(args[0]) {
        case .success(let value): return value
        case .failure(let error):
            _ = error
            throw args.invalid(0, "cannot convert \(args[0].typeName) to \(name) of any single type")
        }
    }
}
