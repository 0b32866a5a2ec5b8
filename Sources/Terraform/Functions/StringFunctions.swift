import HCL

/// String functions. "Character" means grapheme cluster (`length`, `substr`, `strrev`), as in cty;
/// searching and splitting work on bytes like Go's `strings` package, never on canonical equivalence.
enum StringFunctions {
    static var all: [HCLFunction] {
        [
            join, split, replace, lower, upper, title, trimspace, trim, trimprefix, trimsuffix, substr,
            startswith, endswith, strcontains, strrev, chomp, indent,
        ]
    }

    static let join = Builtin.function("join", ["separator"], variadic: "lists", minimumVariadic: 1) { args throws(FunctionError) in
        let separator = try args.string(0)
        var parts: [String] = []
        for index in 1..<args.count {
            let items = try args.sequence(index)
            if !items.allSatisfy(\.isKnown) { return .unknown }
            for (position, item) in items.enumerated() {
                if case .null = item {
                    throw args.fail(index, args.count > 2
                        ? "element \(position) of list \(index) is null; cannot concatenate null values"
                        : "element \(position) is null; cannot concatenate null values")
                }
                guard let text = Primitive.string(item) else { throw args.invalid(index, "list of string required") }
                parts.append(text)
            }
        }
        return .string(parts.joined(separator: separator))
    }

    static let split = Builtin.function("split", ["separator", "str"]) { args throws(FunctionError) in
        let separator = try args.string(0), text = try args.string(1)
        return .tuple(ByteText.split(text, separator).map(HCLValue.string))
    }

    /// A `substring` wrapped in slashes is a regular expression (RE2 syntax, `$1` references).
    static let replace = Builtin.function("replace", ["str", "substr", "replace"]) { args throws(FunctionError) in
        let text = try args.string(0), search = try args.string(1), replacement = try args.string(2)
        if search.count > 1, search.hasPrefix("/"), search.hasSuffix("/") {
            let pattern = try RegexPattern(String(search.dropFirst().dropLast()), argumentIndex: nil)
            return .string(pattern.replaceAll(in: text, with: replacement))
        }
        return .string(ByteText.replaceAll(text, search, with: replacement))
    }

    static let lower = Builtin.function("lower", ["str"]) { args throws(FunctionError) in .string(CaseMapping.lower(try args.string(0))) }
    static let upper = Builtin.function("upper", ["str"]) { args throws(FunctionError) in .string(CaseMapping.upper(try args.string(0))) }

    /// Go's `strings.Title`: the first letter after a separator (space, punctuation) is upper-cased.
    static let title = Builtin.function("title", ["str"]) { args throws(FunctionError) in
        var result = ""
        var previousIsSeparator = true
        for scalar in try args.string(0).unicodeScalars {
            if previousIsSeparator {
                result.unicodeScalars.append(CaseMapping.title(scalar))
            } else {
                result.unicodeScalars.append(scalar)
            }
            previousIsSeparator = isSeparator(scalar)
        }
        return .string(result)
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            let alnum = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            return !(alnum || scalar == "_")
        }
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return false }
        return scalar.properties.isWhitespace
    }

    static let trimspace = Builtin.function("trimspace", ["str"]) { args throws(FunctionError) in
        var scalars = Substring(try args.string(0)).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return .string(String(String.UnicodeScalarView(scalars)))
    }

    static let trim = Builtin.function("trim", ["str", "cutset"]) { args throws(FunctionError) in
        let cut = Set(try args.string(1).unicodeScalars)
        var scalars = Substring(try args.string(0)).unicodeScalars[...]
        while let first = scalars.first, cut.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, cut.contains(last) { scalars = scalars.dropLast() }
        return .string(String(String.UnicodeScalarView(scalars)))
    }

    static let trimprefix = Builtin.function("trimprefix", ["str", "prefix"]) { args throws(FunctionError) in
        let text = try args.string(0), prefix = try args.string(1)
        return .string(ByteText.hasPrefix(text, prefix) ? ByteText.dropBytes(text, prefix: prefix.utf8.count) : text)
    }

    static let trimsuffix = Builtin.function("trimsuffix", ["str", "suffix"]) { args throws(FunctionError) in
        let text = try args.string(0), suffix = try args.string(1)
        return .string(ByteText.hasSuffix(text, suffix) ? ByteText.dropBytes(text, suffix: suffix.utf8.count) : text)
    }

    static let substr = Builtin.function("substr", ["str", "offset", "length"]) { args throws(FunctionError) in
        let characters = Array(try args.string(0))
        var offset = try args.integer(1)
        let length = try args.integer(2)
        if offset < 0 { offset = Swift.max(0, offset + characters.count) }
        guard offset < characters.count else { return .string("") }
        let end = length < 0 || length >= characters.count - offset ? characters.count : offset + length
        return .string(String(characters[offset..<end]))
    }

    static let startswith = Builtin.function("startswith", ["str", "prefix"]) { args throws(FunctionError) in
        .bool(ByteText.hasPrefix(try args.string(0), try args.string(1)))
    }

    static let endswith = Builtin.function("endswith", ["str", "suffix"]) { args throws(FunctionError) in
        .bool(ByteText.hasSuffix(try args.string(0), try args.string(1)))
    }

    static let strcontains = Builtin.function("strcontains", ["str", "substr"]) { args throws(FunctionError) in
        let text = try args.string(0), search = try args.string(1)
        return .bool(search.isEmpty || ByteText.split(text, search).count > 1)
    }

    static let strrev = Builtin.function("strrev", ["str"]) { args throws(FunctionError) in
        .string(String(try args.string(0).reversed()))
    }

    /// Removes every trailing `\n`, `\r\n` or `\r`.
    static let chomp = Builtin.function("chomp", ["str"]) { args throws(FunctionError) in
        var scalars = Substring(try args.string(0)).unicodeScalars[...]
        while let last = scalars.last, last == "\n" || last == "\r" { scalars = scalars.dropLast() }
        return .string(String(String.UnicodeScalarView(scalars)))
    }

    static let indent = Builtin.function("indent", ["spaces", "str"]) { args throws(FunctionError) in
        let spaces = try args.integer(0)
        guard spaces <= 1 << 20 else { throw args.invalid(0, "value is too large") }
        let pad = String(repeating: " ", count: Swift.max(0, spaces))
        return .string(ByteText.replaceAll(try args.string(1), "\n", with: "\n" + pad))
    }
}
