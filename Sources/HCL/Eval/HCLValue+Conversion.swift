/// The primitive conversions HCL applies implicitly (operands, template interpolations, keys),
/// following cty's rules: numbers and bools convert to strings; strings convert to numbers or
/// bools only when they spell one.
extension HCLValue {
    /// The number this value converts to, or nil (null, unknown and non-numeric values).
    public var asNumber: Double? {
        switch self {
        case .number(let value): return value
        case .string(let text): return HCLValue.parseNumber(text)
        default: return nil
        }
    }

    /// The bool this value converts to: a bool, or the strings "true" / "false" / "1" / "0"
    /// (cty accepts all four).
    public var asBool: Bool? {
        switch self {
        case .bool(let value): return value
        case .string("true"), .string("1"): return true
        case .string("false"), .string("0"): return false
        default: return nil
        }
    }

    /// The string this value converts to: a string, a number in HCL's decimal form, or a bool.
    public var asString: String? {
        switch self {
        case .string(let text): return text
        case .number(let value): return HCLValue.formatNumber(value)
        case .bool(let value): return value ? "true" : "false"
        default: return nil
        }
    }

    /// Parses a number as cty does from a string: optional sign, decimal digits with an optional
    /// fraction and exponent (`1.`, `.5` and `1.e3` included), or `Inf`/`inf`. No hex, no
    /// surrounding spaces.
    public static func parseNumber(_ text: String) -> Double? {
        var utf8 = Substring(text).utf8[...]
        let negative = utf8.first == UInt8(ascii: "-")
        if negative || utf8.first == UInt8(ascii: "+") { utf8 = utf8.dropFirst() }
        if utf8.elementsEqual("Inf".utf8) || utf8.elementsEqual("inf".utf8) { return negative ? -.infinity : .infinity }
        func digits(_ s: inout Substring.UTF8View.SubSequence) -> Int {
            var count = 0
            while let b = s.first, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
                s = s.dropFirst()
                count += 1
            }
            return count
        }
        let whole = digits(&utf8)
        var fraction = 0
        if utf8.first == UInt8(ascii: ".") {
            utf8 = utf8.dropFirst()
            fraction = digits(&utf8)
        }
        guard whole + fraction > 0 else { return nil }
        if utf8.first == UInt8(ascii: "e") || utf8.first == UInt8(ascii: "E") {
            utf8 = utf8.dropFirst()
            if utf8.first == UInt8(ascii: "-") || utf8.first == UInt8(ascii: "+") { utf8 = utf8.dropFirst() }
            guard digits(&utf8) > 0 else { return nil }
        }
        guard utf8.isEmpty else { return nil }
        return Double(text)
    }

    /// Formats a number as HCL does in strings: shortest round-trip decimal, never an exponent
    /// (`1e+20` → `100000000000000000000`, `1.5e-07` → `0.00000015`).
    public static func formatNumber(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let description = "\(value)"
        guard let e = description.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return description }
        let mantissa = description[..<e]
        guard let exponent = Int(description[description.index(after: e)...]) else { return description }
        let negative = mantissa.hasPrefix("-")
        let unsigned = negative ? mantissa.dropFirst() : mantissa
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        let integerDigits = String(parts[0])
        var fractionDigits = parts.count > 1 ? String(parts[1]) : ""
        if fractionDigits == "0" { fractionDigits = "" }
        let allDigits = integerDigits + fractionDigits
        let point = integerDigits.count + exponent
        var result: String
        if point <= 0 {
            result = "0." + String(repeating: "0", count: -point) + allDigits
        } else if point >= allDigits.count {
            result = allDigits + String(repeating: "0", count: point - allDigits.count)
        } else {
            let index = allDigits.index(allDigits.startIndex, offsetBy: point)
            result = allDigits[..<index] + "." + allDigits[index...]
        }
        return negative ? "-" + result : result
    }

    /// A set value with HCL's canonical order (see `canonicalOrder`) and no duplicates.
    public static func normalizedSet(_ items: [HCLValue]) -> HCLValue {
        var sorted = items.sorted(by: HCLValue.canonicalOrder)
        var unique: [HCLValue] = []
        unique.reserveCapacity(sorted.count)
        for item in sorted where unique.last != item || item == .unknown { unique.append(item) }
        sorted = unique
        return .set(sorted)
    }

    /// A total order for set elements: by kind, then strings by UTF-8 bytes, numbers by value,
    /// false before true, collections element-wise. Unknowns sort last.
    public static func canonicalOrder(_ a: HCLValue, _ b: HCLValue) -> Bool {
        if a.kindRank != b.kindRank { return a.kindRank < b.kindRank }
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return !x && y
        case (.number(let x), .number(let y)): return x < y
        case (.string(let x), .string(let y)): return x.utf8.lexicographicallyPrecedes(y.utf8)
        case (.tuple(let x), .tuple(let y)), (.set(let x), .set(let y)):
            for (l, r) in zip(x, y) where l != r { return canonicalOrder(l, r) }
            return x.count < y.count
        case (.object(let x), .object(let y)):
            let xk = x.keys.sorted(by: HCLValue.keyOrder)
            let yk = y.keys.sorted(by: HCLValue.keyOrder)
            if xk != yk { return xk.lexicographicallyPrecedes(yk, by: HCLValue.keyOrder) }
            for key in xk where x[key] != y[key] {
                return canonicalOrder(x[key] ?? .null, y[key] ?? .null)
            }
            return false
        default: return false
        }
    }

    /// Object keys in cty's iteration order (by UTF-8 bytes).
    public static func keyOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    private var kindRank: Int {
        switch self {
        case .null: return 0
        case .bool: return 1
        case .number: return 2
        case .string: return 3
        case .tuple: return 4
        case .set: return 5
        case .object: return 6
        case .unknown: return 7
        }
    }
}

extension Double {
    /// The value rounded to 15 significant decimal digits, as text (`%.15g` without Foundation).
    var formatted15: String {
        guard isFinite, self != 0 else { return "\(self)" }
        let exponent = Int((abs(self)).log10Floor)
        let scale = 14 - exponent
        // Scale into an integer of 15 digits, round, and rebuild via the exponent.
        let scaled = (self * Double.power10(scale)).rounded()
        guard abs(scaled) < 1e16 else { return "\(self)" }
        return "\(Int64(scaled))e\(-scale)"
    }

    fileprivate var log10Floor: Double {
        var e = 0.0
        var v = self
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }

    fileprivate static func power10(_ n: Int) -> Double {
        var result = 1.0
        if n >= 0 { for _ in 0..<n { result *= 10 } } else { for _ in 0..<(-n) { result /= 10 } }
        return result
    }
}
