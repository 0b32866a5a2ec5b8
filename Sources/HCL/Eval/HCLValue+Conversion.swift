/// The primitive conversions HCL applies implicitly (operands, template interpolations, keys),
/// following cty's rules: numbers and bools convert to strings; strings convert to numbers or
/// bools only when they spell one.
extension HCLValue {
    /// The number this value converts to, or nil (null, unknown and non-numeric values).
    public var asNumber: HCLNumber? {
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
    public static func parseNumber(_ text: String) -> HCLNumber? {
        var utf8 = Substring(text).utf8[...]
        let negative = utf8.first == UInt8(ascii: "-")
        if negative || utf8.first == UInt8(ascii: "+") { utf8 = utf8.dropFirst() }
        if utf8.elementsEqual("Inf".utf8) || utf8.elementsEqual("inf".utf8) { return negative ? .negativeInfinity : .positiveInfinity }
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
        return HCLNumber(parsing: text)
    }

    /// Formats a number as HCL does in strings: Go's `big.Float.Text('f', -1)`, never an exponent
    /// (`1e+20` → `100000000000000000000`, `1/3` → 154 threes and a 5).
    public static func formatNumber(_ value: HCLNumber) -> String { value.text }

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
