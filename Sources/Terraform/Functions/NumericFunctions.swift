import Foundation
import HCL

/// Number functions: `abs`, `ceil`, `floor`, `max`, `min`, `sum`, `log`, `pow`, `signum`,
/// `parseint`, plus `range` and `sort` (which cty files under sequences and strings).
enum NumericFunctions {
    static var all: [HCLFunction] { [abs, ceil, floor, max, min, sum, log, pow, signum, parseint, range, sort] }

    static let abs = Builtin.function("abs", ["num"]) { args throws(FunctionError) in .number(Swift.abs(try args.number(0))) }
    static let ceil = Builtin.function("ceil", ["num"]) { args throws(FunctionError) in .number(Foundation.ceil(try args.number(0))) }
    static let floor = Builtin.function("floor", ["num"]) { args throws(FunctionError) in .number(Foundation.floor(try args.number(0))) }
    static let signum = Builtin.function("signum", ["num"]) { args throws(FunctionError) in
        let number = try args.number(0)
        return .number(number > 0 ? 1 : number < 0 ? -1 : 0)
    }
    static let log = Builtin.function("log", ["num", "base"]) { args throws(FunctionError) in
        .number(Foundation.log(try args.number(0)) / Foundation.log(try args.number(1)))
    }
    static let pow = Builtin.function("pow", ["num", "power"]) { args throws(FunctionError) in
        .number(Foundation.pow(try args.number(0), try args.number(1)))
    }

    static let max = Builtin.function("max", [], variadic: "numbers") { args throws(FunctionError) in
        guard let result = try numbers(args).max() else { throw args.fail(nil, "must pass at least one number") }
        return .number(result)
    }

    static let min = Builtin.function("min", [], variadic: "numbers") { args throws(FunctionError) in
        guard let result = try numbers(args).min() else { throw args.fail(nil, "must pass at least one number") }
        return .number(result)
    }

    private static func numbers(_ args: FunctionArguments) throws(FunctionError) -> [Double] {
        var result: [Double] = []
        for index in 0..<args.count { result.append(try args.number(index)) }
        return result
    }

    static let sum = Builtin.function("sum", ["list"]) { args throws(FunctionError) in
        let items = try args.sequence(0)
        guard !items.isEmpty else { throw args.fail(0, "cannot sum an empty list") }
        var total = 0.0
        for item in items {
            if case .unknown = item { return .unknown }
            if case .null = item { throw args.fail(0, "argument must be list, set, or tuple of number values") }
            guard let number = Primitive.number(item) else { throw args.invalid(0, "list of number required") }
            total += number
        }
        return .number(total)
    }

    static let parseint = Builtin.function("parseint", ["number", "base"]) { args throws(FunctionError) in
        let text = try args.string(0)
        let base = try args.integer(1)
        guard (2...62).contains(base) else { throw args.fail(1, "base must be a whole number between 2 and 62 inclusive") }
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var digits = Substring(text)
        let negative = digits.hasPrefix("-")
        if negative || digits.hasPrefix("+") { digits = digits.dropFirst() }
        guard !digits.isEmpty else { throw args.fail(0, "cannot parse \(JSONText.quote(text)) as a base \(base) integer") }
        var value = 0.0
        var exact: UInt64? = 0
        for character in digits {
            var digit = alphabet.firstIndex(of: character)
            if base <= 36, let found = digit, found >= 36 { digit = found - 26 }
            guard let found = digit, found < base else {
                throw args.fail(0, "cannot parse \(JSONText.quote(text)) as a base \(base) integer")
            }
            value = value * Double(base) + Double(found)
            exact = exact.flatMap { e in
                let (product, o1) = e.multipliedReportingOverflow(by: UInt64(base))
                let (sum, o2) = product.addingReportingOverflow(UInt64(found))
                return o1 || o2 ? nil : sum
            }
        }
        // Terraform's result is exact; Double's only up to 2^53 (or where it happens to hold it).
        guard let whole = exact, Double(exactly: whole) != nil else { return .unknown }
        value = Double(whole)
        return .number(negative ? -value : value)
    }

    /// Terraform caps `range` at 1024 elements to keep bad arguments from exhausting memory.
    static let range = Builtin.function("range", [], variadic: "params", minimumVariadic: 1) { args throws(FunctionError) in
        var parameters: [Double] = []
        for index in 0..<args.count { parameters.append(try args.number(index)) }
        var start = 0.0, end = 0.0, step = 1.0
        switch parameters.count {
        case 1: end = parameters[0]; step = end < 0 ? -1 : 1
        case 2: start = parameters[0]; end = parameters[1]; step = end < start ? -1 : 1
        case 3: start = parameters[0]; end = parameters[1]; step = parameters[2]
        default: throw args.fail(3, "must have one, two, or three arguments")
        }
        // Terraform's zero-step check never fires (it compares big numbers by identity), so a zero
        // step runs into the 1024-element limit below, as it does there.
        if step < 0, end > start { throw args.fail(1, "end must be less than start when step is negative") }
        if step >= 0, end < start { throw args.fail(1, "end must be greater than start when step is positive") }
        var values: [HCLValue] = []
        var number = start
        while step >= 0 ? number < end : number > end {
            guard values.count < 1024 else {
                throw args.fail(nil, "more than 1024 values were generated; either decrease the difference between start and end or use a smaller step")
            }
            values.append(.number(number))
            number += step
        }
        return .tuple(values)
    }

    static let sort = Builtin.function("sort", ["list"]) { args throws(FunctionError) in
        let items = try args.sequence(0)
        guard items.allSatisfy(\.isKnown) else { return .unknown }
        var texts: [String] = []
        for (position, item) in items.enumerated() {
            if case .null = item {
                throw args.fail(0, "given list element \(position) is null; a null string cannot be sorted")
            }
            guard let text = Primitive.string(item) else { throw args.invalid(0, "list of string required") }
            texts.append(text)
        }
        return .tuple(texts.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map(HCLValue.string))
    }
}
