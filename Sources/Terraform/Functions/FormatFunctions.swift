import BigInt
import HCL

/// `format` and `formatlist`: cty's printf dialect. Verbs `%v %#v %t %b %d %o %x %X %e %E %f %g %G
/// %s %q %%`, flags `space + - # 0`, width and precision, and `%[n]v` argument indexes. Widths count
/// characters (grapheme clusters); `%v` prints numbers shortest (`1e+06`) and collections as JSON.
enum FormatFunctions {
    static var all: [HCLFunction] { [format, formatlist] }

    static let format = Builtin.function("format", ["format"], variadic: "args") { args throws(FunctionError) in
        let specification = try args.string(0)
        let values = Array(args.values.dropFirst())
        guard values.allSatisfy(\.isKnown) else { return .unknown }
        return .string(try render(specification, values))
    }

    static let formatlist = Builtin.function("formatlist", ["format"], variadic: "args", allowsUnknown: true) {
        args throws(FunctionError) in
        if case .unknown = args[0] { return .unknown }
        let specification = try args.string(0)
        let values = Array(args.values.dropFirst())
        var length: Int?
        var chooser = 0
        for (offset, value) in values.enumerated() {
            switch value {
            case .unknown: return .unknown
            case .tuple(let items), .set(let items):
                if let length, items.count != length {
                    throw args.fail(offset + 1, "argument \(offset + 1) has length \(items.count), which is inconsistent with argument \(chooser + 1) of length \(length)")
                }
                if length == nil { length = items.count; chooser = offset }
            default: break
            }
        }
        var results: [HCLValue] = []
        for row in 0..<(length ?? 1) {
            let rowValues: [HCLValue] = values.map { value in
                switch value {
                case .tuple(let items), .set(let items): return items[row]
                default: return value
                }
            }
            guard rowValues.allSatisfy(\.isKnown) else { results.append(.unknown); continue }
            do throws(FunctionError) {
                results.append(.string(try render(specification, rowValues)))
            } catch {
                throw FunctionError("error on format iteration \(row): \(error.message)")
            }
        }
        return .tuple(results)
    }

    struct Verb {
        var raw = "%", offset = 0, argument = 0, mode: Character = "v"
        var zero = false, sharp = false, plus = false, minus = false, space = false
        var width: Int?, precision: Int?
    }

    static func render(_ specification: String, _ values: [HCLValue]) throws(FunctionError) -> String {
        let characters = Array(specification)
        var out = ""
        var index = 0, nextArgument = 0, byteOffset = 0, highestUsed = 0
        while index < characters.count {
            let character = characters[index]
            guard character == "%" else { out.append(character); byteOffset += character.utf8.count; index += 1; continue }
            var verb = Verb(offset: byteOffset)
            var cursor = index + 1
            func digits() -> Int? {
                var number: Int?
                while cursor < characters.count, let digit = characters[cursor].wholeNumberValue, characters[cursor].isASCII {
                    number = Swift.min((number ?? 0) * 10 + digit, 1 << 20)
                    cursor += 1
                }
                return number
            }
            if cursor < characters.count, characters[cursor] == "%" {
                out.append("%"); byteOffset += 2; index = cursor + 1; continue
            }
            flags: while cursor < characters.count {
                switch characters[cursor] {
                case " ": verb.space = true
                case "+": verb.plus = true
                case "-": verb.minus = true
                case "#": verb.sharp = true
                case "0": verb.zero = true
                default: break flags
                }
                cursor += 1
            }
            if cursor < characters.count, characters[cursor] == "[" {
                cursor += 1
                guard let number = digits(), cursor < characters.count, characters[cursor] == "]", number > 0 else {
                    throw FunctionError("invalid format string starting at offset \(byteOffset)")
                }
                cursor += 1
                nextArgument = number - 1
            }
            verb.width = digits()
            if cursor < characters.count, characters[cursor] == "." {
                cursor += 1
                guard let precision = digits() else { throw FunctionError("invalid format string starting at offset \(byteOffset)") }
                verb.precision = precision
            }
            guard cursor < characters.count else { throw FunctionError("invalid format string starting at offset \(byteOffset)") }
            verb.mode = characters[cursor]
            verb.raw = String(characters[index...cursor])
            verb.argument = nextArgument
            nextArgument += 1
            highestUsed = Swift.max(highestUsed, nextArgument)
            out += try append(verb, values)
            byteOffset += verb.raw.utf8.count
            index = cursor + 1
        }
        if highestUsed < values.count {
            throw FunctionError("Invalid value for \"args\" parameter: too many arguments; only \(highestUsed) used by format string.", argumentIndex: highestUsed + 1)
        }
        return out
    }

    private static func append(_ verb: Verb, _ values: [HCLValue]) throws(FunctionError) -> String {
        guard verb.argument < values.count else {
            throw FunctionError("not enough arguments for \(JSONText.quote(verb.raw)) at \(verb.offset): need index \(verb.argument + 1) but have \(values.count) total")
        }
        let value = values[verb.argument]
        let context = "unsupported value for \(JSONText.quote(verb.raw)) at \(verb.offset)"
        if verb.mode != "v", case .null = value { throw FunctionError("\(context): null value cannot be formatted") }
        switch verb.mode {
        case "v":
            if !verb.sharp {
                if case .string(let text) = value { return pad(text, verb) }
                if case .number(let number) = value { return pad(number.generalText, verb) }
            }
            return pad(JSONText.encode(value), verb)
        case "t":
            guard let flag = Primitive.bool(value) else { throw FunctionError("\(context): bool required") }
            return flag ? "true" : "false"
        case "b", "d", "o", "x", "X":
            guard let number = Primitive.number(value) else { throw FunctionError("\(context): a number is required") }
            guard let whole = number.integerValue else { throw FunctionError("\(context): an integer is required") }
            return integer(whole, verb)
        case "e", "E", "f", "g", "G":
            guard let number = Primitive.number(value) else { throw FunctionError("\(context): a number is required") }
            return float(number, verb)
        case "s", "q":
            guard var text = Primitive.string(value) else { throw FunctionError("\(context): string required") }
            if let precision = verb.precision, precision > 0 { text = String(text.prefix(precision)) }
            return pad(verb.mode == "q" ? JSONText.quote(text) : text, verb)
        default:
            throw FunctionError("unsupported format verb '\(verb.mode)' in \(JSONText.quote(verb.raw)) at offset \(verb.offset)")
        }
    }

    private static func pad(_ text: String, _ verb: Verb) -> String {
        guard let width = verb.width, text.count < width else { return text }
        let padding = String(repeating: verb.zero ? "0" : " ", count: width - text.count)
        return verb.minus ? text + padding : padding + text
    }

    private static func integer(_ number: BigInt, _ verb: Verb) -> String {
        let radix: Int = switch verb.mode { case "b": 2; case "o": 8; case "x", "X": 16; default: 10 }
        var digits = String(number.magnitude, radix: radix, uppercase: verb.mode == "X")
        if let precision = verb.precision, digits.count < precision {
            digits = String(repeating: "0", count: precision - digits.count) + digits
        }
        var prefix = number < 0 ? "-" : verb.plus ? "+" : verb.space ? " " : ""
        if verb.sharp {
            switch verb.mode {
            case "x": prefix += "0x"
            case "X": prefix += "0X"
            case "o": if !digits.hasPrefix("0") { prefix += "0" }
            case "b": prefix += "0b"
            default: break
            }
        }
        let body = prefix + digits
        guard let width = verb.width, body.count < width else { return body }
        if verb.minus { return body + String(repeating: " ", count: width - body.count) }
        if verb.zero, verb.precision == nil { return prefix + String(repeating: "0", count: width - body.count) + digits }
        return String(repeating: " ", count: width - body.count) + body
    }

    private static func float(_ number: HCLNumber, _ verb: Verb) -> String {
        let flags = GoFloatFormat.Flags(plus: verb.plus, space: verb.space, minus: verb.minus, zero: verb.zero)
        return GoFloatFormat.format(number, verb: verb.mode, precision: verb.precision, width: verb.width, flags: flags)
    }
}
