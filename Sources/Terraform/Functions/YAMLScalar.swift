import BigInt
import HCL

/// How `yamldecode` turns one scalar into a value: quoted scalars are strings; plain ones resolve as
/// Terraform's YAML library (go-yaml's YAML 1.1 table) does: `yes`/`on`/`true` → true, `~`/`null`/
/// empty → null, decimal numbers and YAML 1.2's `0x`/`0o` integers → numbers (no underscores, no
/// `0b`, as Terraform 1.11 reads them), dates → RFC 3339 strings, anything else a string.
enum YAMLScalar {
    struct Failure: Error { var message: String }

    static func resolve(plain text: String, tag: String?) throws(Failure) -> HCLValue {
        switch tag {
        case "!!str", "tag:yaml.org,2002:str": return .string(text)
        case "!!null": return .null
        case "!!bool":
            guard case .bool(let flag) = table[text] ?? .null else { throw Failure(message: "cannot parse \(JSONText.quote(text)) as !!bool") }
            return .bool(flag)
        case "!!int", "!!float":
            guard let number = number(text) else { throw Failure(message: "cannot parse \(JSONText.quote(text)) as \(tag ?? "")") }
            return .number(number)
        case nil, "!"?: break
        case let other?: throw Failure(message: "unsupported tag \(JSONText.quote(other))")
        }
        if tag == "!" { return .string(text) }
        if let known = table[text] { return known }
        if [".nan", ".NaN", ".NAN"].contains(text) { throw Failure(message: "floating point NaN is not supported") }
        guard let first = text.unicodeScalars.first else { return .null }
        switch first {
        case ".":
            if let value = Primitive.parseNumber(text) { return .number(value) }
        case "0"..."9", "+", "-":
            if let time = timestamp(text) { return .string(time) }
            if let value = Primitive.parseNumber(text) { return .number(value) }
            if text.hasPrefix("0x"), let value = UInt64(text.dropFirst(2), radix: 16) { return .number(HCLNumber(integer: BigInt(value))) }
            if text.hasPrefix("0o"), let value = UInt64(text.dropFirst(2), radix: 8) { return .number(HCLNumber(integer: BigInt(value))) }
        default: break
        }
        return .string(text)
    }

    private static let table: [String: HCLValue] = {
        var table: [String: HCLValue] = [:]
        for word in ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"] { table[word] = .bool(true) }
        for word in ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"] { table[word] = .bool(false) }
        for word in ["", "~", "null", "Null", "NULL"] { table[word] = .null }
        for word in [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"] { table[word] = .number(.positiveInfinity) }
        for word in ["-.inf", "-.Inf", "-.INF"] { table[word] = .number(.negativeInfinity) }
        return table
    }()

    private static func number(_ text: String) -> HCLNumber? {
        let plain = text.replacingAll("_", with: "")
        if let value = Primitive.parseNumber(plain) { return value }
        if plain.hasPrefix("0x"), let value = UInt64(plain.dropFirst(2), radix: 16) { return HCLNumber(integer: BigInt(value)) }
        if plain.hasPrefix("0o"), let value = UInt64(plain.dropFirst(2), radix: 8) { return HCLNumber(integer: BigInt(value)) }
        return binary(plain)
    }

    private static func binary(_ text: String) -> HCLNumber? {
        let negative = text.hasPrefix("-")
        guard let value = UInt64(text.dropFirst(negative ? 3 : 2), radix: 2) else { return nil }
        return HCLNumber(integer: negative ? -BigInt(value) : BigInt(value))
    }

    /// `2001-12-14`, `2001-12-14t21:59:43.10Z`, `2001-12-14 21:59:43.10` (UTC) as RFC 3339.
    static func timestamp(_ text: String) -> String? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4, text.dropFirst(4).first == "-" else { return nil }
        let scalars = Array(text)
        var index = 0
        func number(maxDigits: Int) -> Int? {
            var value = 0, count = 0
            while index < scalars.count, count < maxDigits, let digit = scalars[index].wholeNumberValue, scalars[index].isASCII {
                value = value * 10 + digit
                index += 1
                count += 1
            }
            return count > 0 ? value : nil
        }
        func expect(_ character: Character) -> Bool {
            guard index < scalars.count, scalars[index] == character else { return false }
            index += 1
            return true
        }
        guard let year = number(maxDigits: 4), expect("-"), let month = number(maxDigits: 2), expect("-"),
            let day = number(maxDigits: 2), (1...12).contains(month), day >= 1, day <= Timestamp.daysIn(month: month, year: year)
        else { return nil }
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        if index == scalars.count { return date + "T00:00:00Z" }
        guard index < scalars.count, ["T", "t", " "].contains(scalars[index]) else { return nil }
        let spaceSeparated = scalars[index] == " "
        index += 1
        guard let hour = number(maxDigits: 2), expect(":"), let minute = number(maxDigits: 2), expect(":"),
            let second = number(maxDigits: 2), hour < 24, minute < 60, second < 60
        else { return nil }
        if expect(".") { guard number(maxDigits: 9) != nil else { return nil } }
        var zone = "Z"
        if index < scalars.count {
            guard !spaceSeparated else { return nil }
            if expect("Z") {
                zone = "Z"
            } else if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" {
                let sign = scalars[index]
                index += 1
                guard let hours = number(maxDigits: 2), expect(":"), let minutes = number(maxDigits: 2) else { return nil }
                zone = hours == 0 && minutes == 0 ? "Z" : "\(sign)\(pad(hours, 2)):\(pad(minutes, 2))"
            } else {
                return nil
            }
        } else if !spaceSeparated {
            return nil
        }
        guard index == scalars.count else { return nil }
        return "\(date)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))\(zone)"
    }
}
