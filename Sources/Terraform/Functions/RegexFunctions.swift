import HCL

/// `regex` and `regexall`: no groups → the matched text; unnamed groups → a list of captures;
/// named groups → an object (mixing the two is an error, as in Terraform).
enum RegexFunctions {
    static var all: [HCLFunction] { [regex, regexall] }

    static let regex = Builtin.function("regex", ["pattern", "string"]) { args throws(FunctionError) in
        let pattern = try compile(args)
        let text = try args.string(1)
        guard let match = pattern.matches(in: text).first else {
            throw args.fail(nil, "pattern did not match any part of the given string")
        }
        return pattern.value(of: match, in: text)
    }

    static let regexall = Builtin.function("regexall", ["pattern", "string"]) { args throws(FunctionError) in
        let pattern = try compile(args)
        let text = try args.string(1)
        return .tuple(pattern.matches(in: text).map { pattern.value(of: $0, in: text) })
    }

    private static func compile(_ args: FunctionArguments) throws(FunctionError) -> RegexPattern {
        let pattern = try RegexPattern(try args.string(0), argumentIndex: 0)
        if pattern.mixesNamedAndUnnamed {
            throw args.invalid(0, "invalid regexp pattern: cannot mix both named and unnamed capture groups")
        }
        return pattern
    }
}
