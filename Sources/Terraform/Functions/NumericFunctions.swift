import BigInt
import Foundation
import HCL

/// Number functions: `abs`, `ceil`, `floor`, `max`, `min`, `sum`, `log`, `pow`, `signum`,
/// `parseint`, plus `range` and `sort` (which cty files under sequences and strings).
enum NumericFunctions {
    static var all: [HCLFunction] { [abs, ceil, floor, max, min, sum, log, pow, signum, parseint, range, sort] }

    static let abs = Builtin.function("abs", ["num"]) { args throws(FunctionError) in .number(try args.number(0).magnitude) }
    static let ceil = Builtin.function("ceil", ["num"]) { args throws(FunctionError) in .number(try args.number(0).ceiling) }
    static let floor = Builtin.function("floor", ["num"]) { args throws(FunctionError) in .number(try args.number(0).floor) }
    /// cty reads the argument into a Go int first, so only whole numbers in int64 range pass.
    static let signum = Builtin.function("signum", ["num"]) { args throws(FunctionError) in
        let number = try args.number(0)
        guard number.intValue != nil else {
            throw args.fail(nil, "value must be a whole number, between -9223372036854775808 and 9223372036854775807")
        }
        return .number(HCLNumber(number.signum))
    }
    /// `log` and `pow` compute in float64 (Go's `math`), so their results carry 53 bits.
    static let log = Builtin.function("log", ["num", "base"]) { args throws(FunctionError) in
        .number(HCLNumber(float: Foundation.log(try args.number(0).doubleValue) / Foundation.log(try args.number(1).doubleValue)))
    }
    static let pow = Builtin.function("pow", ["num", "power"]) { args throws(FunctionError) in
        .number(HCLNumber(float: Foundation.pow(try args.number(0).doubleValue, try args.number(1).doubleValue)))
    }

    /// cty keeps the first argument that is strictly greater (max) or less (min) than the best so far.
    static let max = Builtin.function("max", [], variadic: "numbers") { args throws(FunctionError) in
        let all = try numbers(args)
        guard var best = all.first else { throw args.fail(nil, "must pass at least one number") }
        for number in all.dropFirst() where number > best { best = number }
        return .number(best)
    }

    static let min = Builtin.function("min", [], variadic: "numbers") { args throws(FunctionError) in
        let all = try numbers(args)
        guard var best = all.first else { throw args.fail(nil, "must pass at least one number") }
        for number in all.dropFirst() where number < best { best = number }
        return .number(best)
    }

    private static func numbers(_ args: FunctionArguments) throws(FunctionError) -> [HCLNumber] {
        var result: [HCLNumber] = []
        for index in 0..<args.count { result.append(try args.number(index)) }
        return result
    }

    /// Terraform adds the elements left to right with cty's `Add`.
    static let sum = Builtin.function("sum", ["list"]) { args throws(FunctionError) in
        let items = try args.sequence(0)
        guard !items.isEmpty else { throw args.fail(0, "cannot sum an empty list") }
        var total: HCLNumber? = nil
        for item in items {
            if case .unknown = item { return .unknown }
            if case .null = item { throw args.fail(0, "argument must be list, set, or tuple of number values") }
            guard let number = Primitive.number(item) else { throw args.invalid(0, "list of number required") }
            if let sum = total {
                do { total = try sum.adding(number) } catch { throw args.fail(nil, "can't compute a sum of infinities of opposite signs") }
            } else {
                total = number
            }
        }
        return .number(total ?? .zero)
    }

    /// Exact at any size, as cty's `big.Int` parse: the result carries max(bits, 64) of precision.
    static let parseint = Builtin.function("parseint", ["number", "base"]) { args throws(FunctionError) in
        let text = try args.string(0)
        let base = try args.integer(1)
        guard (2...62).contains(base) else { throw args.fail(1, "base must be a whole number between 2 and 62 inclusive") }
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var digits = Substring(text)
        let negative = digits.hasPrefix("-")
        if negative || digits.hasPrefix("+") { digits = digits.dropFirst() }
        guard !digits.isEmpty else { throw args.fail(0, "cannot parse \(JSONText.quote(text)) as a base \(base) integer") }
        var value = BigUInt(0)
        var chunk: UInt64 = 0
        var chunkScale: UInt64 = 1
        for character in digits {
            var digit = alphabet.firstIndex(of: character)
            if base <= 36, let found = digit, found >= 36 { digit = found - 26 }
            guard let found = digit, found < base else {
                throw args.fail(0, "cannot parse \(JSONText.quote(text)) as a base \(base) integer")
            }
            chunk = chunk * UInt64(base) + UInt64(found)
            chunkScale *= UInt64(base)
            if chunkScale > UInt64(1) << 56 {
                value = value * BigUInt(chunkScale) + BigUInt(chunk)
                chunk = 0
                chunkScale = 1
            }
        }
        value = value * BigUInt(chunkScale) + BigUInt(chunk)
        let signed = negative ? -BigInt(value) : BigInt(value)
        return .number(HCLNumber(integer: signed))
    }

    /// Terraform caps `range` at 1024 elements to keep bad arguments from exhausting memory.
    static let range = Builtin.function("range", [], variadic: "params", minimumVariadic: 1) { args throws(FunctionError) in
        var parameters: [HCLNumber] = []
        for index in 0..<args.count { parameters.append(try args.number(index)) }
        var start = HCLNumber.zero, end = HCLNumber.zero, step = HCLNumber(1)
        switch parameters.count {
        case 1: end = parameters[0]; step = HCLNumber(end < .zero ? -1 : 1)
        case 2: start = parameters[0]; end = parameters[1]; step = HCLNumber(end < start ? -1 : 1)
        case 3: start = parameters[0]; end = parameters[1]; step = parameters[2]
        default: throw args.fail(3, "must have one, two, or three arguments")
        }
        // Terraform's zero-step check never fires (it compares big numbers by identity), so a zero
        // step runs into the 1024-element limit below, as it does there.
        let down = step < .zero
        if down, end > start { throw args.fail(1, "end must be less than start when step is negative") }
        if !down, end < start { throw args.fail(1, "end must be greater than start when step is positive") }
        var values: [HCLValue] = []
        var number = start
        // cty stops at LessThanOrEqualTo / GreaterThanOrEqualTo (Equals compares by text).
        while down ? !(number < end || number == end) : !(number > end || number == end) {
            guard values.count < 1024 else {
                throw args.fail(nil, "more than 1024 values were generated; either decrease the difference between start and end or use a smaller step")
            }
            values.append(.number(number))
            do { number = try number.adding(step) } catch { throw args.fail(nil, "can't compute a range over infinities") }
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
