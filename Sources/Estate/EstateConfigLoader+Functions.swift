import HCL

/// The functions `drift.hcl` expressions may call: `env` for what must stay out of the file, and
/// a few string and list functions with Terraform's meaning. There are no file, time or network
/// functions: reading the configuration has no effects and gives the same result every time
/// for the same environment.
enum EstateFunctions {
    static func all(environment: [String: String]) -> [String: HCLFunction] {
        var functions: [String: HCLFunction] = [:]
        for function in [
            env(environment), lower, upper, trimspace, trimprefix, trimsuffix, join, split, concat, coalesce,
        ] {
            functions[function.name] = function
        }
        return functions
    }

    /// `env("NAME")`: the variable's value; unset or empty is an error at the call, so a missing
    /// secret stops the run instead of scanning with the wrong settings. `env("NAME", default)`
    /// gives `default` instead (`null` leaves an optional argument unset).
    static func env(_ environment: [String: String]) -> HCLFunction {
        HCLFunction(name: "env") { arguments throws(FunctionError) in
            guard (1...2).contains(arguments.count) else {
                throw FunctionError("env takes a variable name and an optional default: env(\"NAME\") or env(\"NAME\", \"default\").")
            }
            guard case .string(let name) = arguments[0], !name.isEmpty else {
                throw FunctionError("the variable name must be a non-empty string.", argumentIndex: 0)
            }
            if let value = environment[name], !value.isEmpty { return .string(value) }
            if arguments.count == 2 { return arguments[1] }
            throw FunctionError(
                "the environment variable \(name) is not set (or is empty). Set it, or give a default: env(\"\(name)\", \"...\").")
        }
    }

    static let lower = stringFunction("lower") { $0.lowercased() }
    static let upper = stringFunction("upper") { $0.uppercased() }
    static let trimspace = stringFunction("trimspace") { $0.trimmingWhitespace() }

    static let trimprefix = HCLFunction(name: "trimprefix") { arguments throws(FunctionError) in
        let (text, prefix) = try pair("trimprefix", arguments)
        return .string(text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text)
    }

    static let trimsuffix = HCLFunction(name: "trimsuffix") { arguments throws(FunctionError) in
        let (text, suffix) = try pair("trimsuffix", arguments)
        return .string(text.hasSuffix(suffix) ? String(text.dropLast(suffix.count)) : text)
    }

    static let join = HCLFunction(name: "join") { arguments throws(FunctionError) in
        let (separator, items) = try stringAndList("join", arguments)
        return .string(items.joined(separator: separator))
    }

    static let split = HCLFunction(name: "split") { arguments throws(FunctionError) in
        let (separator, text) = try pair("split", arguments)
        guard !separator.isEmpty else { throw FunctionError("the separator must not be empty.", argumentIndex: 0) }
        return .tuple(text.split(separator: separator, omittingEmptySubsequences: false).map { .string(String($0)) })
    }

    static let concat = HCLFunction(name: "concat") { arguments throws(FunctionError) in
        var items: [HCLValue] = []
        for (index, argument) in arguments.enumerated() {
            guard case .tuple(let list) = argument else { throw FunctionError("a list is required.", argumentIndex: index) }
            items += list
        }
        return .tuple(items)
    }

    /// The first argument that is neither null nor an empty string.
    static let coalesce = HCLFunction(name: "coalesce") { arguments throws(FunctionError) in
        for argument in arguments where argument != .null && argument != .string("") { return argument }
        throw FunctionError("no non-null, non-empty-string arguments.")
    }

    private static func stringFunction(_ name: String, _ body: @escaping @Sendable (String) -> String) -> HCLFunction {
        HCLFunction(name: name) { arguments throws(FunctionError) in
            guard arguments.count == 1 else { throw FunctionError("\(name) takes 1 argument.") }
            guard let text = arguments[0].asString else { throw FunctionError("a string is required.", argumentIndex: 0) }
            return .string(body(text))
        }
    }

    private static func pair(_ name: String, _ arguments: [HCLValue]) throws(FunctionError) -> (String, String) {
        guard arguments.count == 2 else { throw FunctionError("\(name) takes 2 arguments.") }
        guard let first = arguments[0].asString else { throw FunctionError("a string is required.", argumentIndex: 0) }
        guard let second = arguments[1].asString else { throw FunctionError("a string is required.", argumentIndex: 1) }
        return (first, second)
    }

    private static func stringAndList(_ name: String, _ arguments: [HCLValue]) throws(FunctionError) -> (String, [String]) {
        guard arguments.count == 2 else { throw FunctionError("\(name) takes 2 arguments.") }
        guard let separator = arguments[0].asString else { throw FunctionError("a string is required.", argumentIndex: 0) }
        guard case .tuple(let items) = arguments[1] else { throw FunctionError("a list is required.", argumentIndex: 1) }
        var strings: [String] = []
        for item in items {
            guard let text = item.asString else { throw FunctionError("a list of strings is required.", argumentIndex: 1) }
            strings.append(text)
        }
        return (separator, strings)
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks (Terraform's `trimspace`).
    fileprivate func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
