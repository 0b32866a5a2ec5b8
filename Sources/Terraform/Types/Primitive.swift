import HCL

/// cty's conversions between the primitive types, shared by function parameters and type
/// constraints: numbers and bools print as strings, strings parse as numbers (`"5"`) and bools
/// (`"true"`, `"false"`, `"1"`, `"0"`). Every function returns nil when the conversion is impossible.
enum Primitive {
    static func string(_ value: HCLValue) -> String? {
        switch value {
        case .string(let text): return text
        case .number(let number): return number.text
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }

    static func number(_ value: HCLValue) -> HCLNumber? {
        switch value {
        case .number(let number): return number
        case .string(let text): return parseNumber(text)
        default: return nil
        }
    }

    static func bool(_ value: HCLValue) -> Bool? {
        switch value {
        case .bool(let flag): return flag
        case .string("true"), .string("1"): return true
        case .string("false"), .string("0"): return false
        default: return nil
        }
    }

    /// A decimal number as cty parses it: optional sign, digits with an optional fraction and an
    /// optional exponent. No hex, no `inf`/`nan`, no surrounding spaces.
    static func parseNumber(_ text: String) -> HCLNumber? {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var digits = 0
        while let byte = bytes.first, isDigit(byte) { digits += 1; bytes = bytes.dropFirst() }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            while let byte = bytes.first, isDigit(byte) { digits += 1; bytes = bytes.dropFirst() }
        }
        guard digits > 0 else { return nil }
        if let byte = bytes.first, byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            var exponentDigits = 0
            while let byte = bytes.first, isDigit(byte) { exponentDigits += 1; bytes = bytes.dropFirst() }
            guard exponentDigits > 0 else { return nil }
        }
        guard bytes.isEmpty else { return nil }
        return HCLNumber(parsing: text)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
