/// Numbers printed the way cty prints its big floats: `decimal` is Go's `Text('f', -1)` (used by
/// `tostring`, interpolation and `jsonencode`: `5`, `1.5`, `1000000000000000000000`) and `general`
/// is `Text('g', -1)` (used by `format("%v")`: `1e+06`). Both start from the shortest digits that
/// round-trip the `Double`.
enum NumberText {
    /// value = 0.d₁d₂… × 10^exponent, digits without leading or trailing zeros (empty for zero).
    struct Digits {
        var negative: Bool
        var digits: [Character]
        var exponent: Int
    }

    static func shortest(_ number: Double) -> Digits {
        guard number.isFinite, number != 0 else { return Digits(negative: number.sign == .minus, digits: [], exponent: 0) }
        let text = String(describing: number.magnitude)
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? text
        let exponentPart = parts.count > 1 ? Int(String(parts[1].filter { $0 != "+" })) ?? 0 : 0
        let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = pieces.first.map(String.init) ?? ""
        let fraction = pieces.count > 1 ? String(pieces[1]) : ""
        var digits = Array(whole + fraction)
        var exponent = whole.count + exponentPart
        while digits.first == "0" { digits.removeFirst(); exponent -= 1 }
        while digits.last == "0" { digits.removeLast() }
        return Digits(negative: number < 0, digits: digits, exponent: exponent)
    }

    static func decimal(_ number: Double) -> String {
        // Whole numbers (nearly every number in a configuration) print as integers: no digit search.
        if number == number.rounded(), abs(number) < 1e15, number != 0 || number.sign == .plus {
            return String(Int64(number))
        }
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Inf" : "+Inf" }
        let d = shortest(number)
        return (d.negative ? "-" : "") + fixed(d)
    }

    static func general(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Inf" : "+Inf" }
        let d = shortest(number)
        let sign = d.negative ? "-" : ""
        guard !d.digits.isEmpty else { return sign + "0" }
        let exponent = d.exponent - 1
        if exponent < -4 || exponent >= 6 {
            var text = String(d.digits[0])
            if d.digits.count > 1 { text += "." + String(d.digits[1...]) }
            let magnitude = abs(exponent)
            return sign + text + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + String(magnitude)
        }
        return sign + fixed(d)
    }

    private static func fixed(_ d: Digits) -> String {
        guard !d.digits.isEmpty else { return "0" }
        if d.exponent <= 0 { return "0." + String(repeating: "0", count: -d.exponent) + String(d.digits) }
        if d.exponent >= d.digits.count {
            return String(d.digits) + String(repeating: "0", count: d.exponent - d.digits.count)
        }
        return String(d.digits[..<d.exponent]) + "." + String(d.digits[d.exponent...])
    }
}
