import DriftModel
import HCL

/// `jsonencode`'s text: Go's `encoding/json` as cty drives it. Object keys sorted by bytes,
/// `<` `>` `&` U+2028 U+2029 escaped as `\u003c` …, numbers without a trailing `.0`, sets as arrays.
enum JSONText {
    /// The caller makes sure `value` is wholly known; an unknown inside prints as `null`.
    static func encode(_ value: HCLValue) -> String {
        var out = ""
        write(value, to: &out)
        return out
    }

    private static func write(_ value: HCLValue, to out: inout String) {
        switch value {
        case .null, .unknown: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += number.text
        case .string(let text): quote(text, to: &out)
        case .tuple(let items), .set(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, key) in sortedKeys(members).enumerated() {
                if index > 0 { out += "," }
                quote(key, to: &out)
                out += ":"
                write(members[key] ?? .null, to: &out)
            }
            out += "}"
        }
    }

    /// Keys in byte order, as Go sorts map keys.
    static func sortedKeys(_ members: [String: HCLValue]) -> [String] {
        members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    static func quote(_ text: String) -> String {
        var out = ""
        quote(text, to: &out)
        return out
    }

    private static func quote(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "<", ">", "&", "\u{2028}", "\u{2029}": out += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 { out += unicodeEscape(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }

    private static func unicodeEscape(_ code: UInt32) -> String {
        let hex = String(code, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Whether a number inside is ±∞, which cty refuses to write as JSON.
    static func containsInfinity(_ value: HCLValue) -> Bool {
        switch value {
        case .number(let number): return number.isInfinite
        case .tuple(let items), .set(let items): return items.contains(where: containsInfinity)
        case .object(let members): return members.values.contains(where: containsInfinity)
        default: return false
        }
    }

    /// `jsondecode`: objects become objects, arrays tuples, numbers numbers.
    /// The model parser decides validity and the error; numbers come from HCL's exact reader.
    static func decode(_ text: String) throws(JSONParseError) -> HCLValue {
        let value = try JSONParser.parse(text)
        return HCLValue.decodingJSON(text) ?? convert(value)
    }

    static func convert(_ value: Value) -> HCLValue {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .number(HCLNumber(modelDouble: number))
        case .string(let text): return .string(text)
        case .array(let items): return .tuple(items.map(convert))
        case .object(let members): return .object(members.mapValues(convert))
        }
    }
}
