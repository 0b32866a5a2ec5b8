/// `%e %E %f %g %G` as Go's `big.Float` formats cty numbers. cty parses a literal into a 512-bit
/// binary float (0.05 is 0.05 ± 2⁻⁵¹⁶, not the `Double`'s 0.05000000000000000277), so digits come
/// from the shortest decimal that round-trips the `Double`, and a tie in those digits is decided the
/// way the 512-bit value falls: half-even when it is exact (2.5), up or down by the sign of its
/// rounding error otherwise (0.05 → 0.1, 99.55 → 99.6, 0.15 → 0.1).
enum GoFloatFormat {
    struct Flags {
        var plus = false, space = false, minus = false, zero = false
    }

    static func format(_ number: Double, verb: Character, precision: Int?, width: Int?, flags: Flags) -> String {
        var body: String
        if number.isNaN {
            body = "NaN"
        } else if number.isInfinite {
            body = "Inf"
        } else {
            let digits = NumberText.shortest(number)
            switch verb {
            case "e", "E": body = exponential(digits, precision: precision ?? 6, number: number)
            case "f": body = fixed(digits, precision: precision ?? 6, number: number)
            default: body = general(digits, precision: precision, number: number)
            }
            if verb == "E" || verb == "G" { body = body.uppercased() }
        }
        let negative = number < 0 || (number == 0 && number.sign == .minus)
        let sign = negative ? "-" : flags.plus ? "+" : flags.space ? " " : ""
        let total = sign.count + body.count
        guard let width, total < width else { return sign + body }
        if flags.minus { return sign + body + String(repeating: " ", count: width - total) }
        if flags.zero, number.isFinite { return sign + String(repeating: "0", count: width - total) + body }
        return String(repeating: " ", count: width - total) + sign + body
    }

    /// The digits rounded to `count` significant digits (count may be 0 or negative: everything
    /// rounds away or to one unit at the top), with the exponent adjusted for a carry.
    static func rounded(_ d: NumberText.Digits, to count: Int, number: Double) -> NumberText.Digits {
        var result = d
        guard count < d.digits.count else { return result }
        if count < 0 {
            result.digits = []
            return result
        }
        let values = d.digits.map { Int($0.asciiValue ?? 48) - 48 }
        var kept = Array(values[..<count])
        let next = values[count]
        let tail = values[(count + 1)...]
        var roundUp = next > 5 || (next == 5 && tail.contains { $0 != 0 })
        if next == 5, !tail.contains(where: { $0 != 0 }) {
            switch tieDirection(d, number: number) {
            case .even: roundUp = kept.last.map { $0 % 2 == 1 } ?? false
            case .up: roundUp = true
            case .down: roundUp = false
            }
        }
        if roundUp {
            var index = kept.count - 1
            while index >= 0, kept[index] == 9 { kept[index] = 0; index -= 1 }
            if index >= 0 { kept[index] += 1 } else { kept.insert(1, at: 0); result.exponent += 1 }
        }
        while kept.last == 0 { kept.removeLast() }
        result.digits = kept.map { Character(String($0)) }
        return result
    }

    enum Tie { case even, up, down }

    /// Where cty's 512-bit float for the decimal 0.digits × 10^exponent = M / 10^k lies against it.
    /// With s = 511 − ⌊log₂ D⌋ the float is round(D·2^s)/2^s, and D·2^s = M·2^(s−k) / 5^k: its
    /// fractional part r/5^k (r = M·2^(s−k) mod 5^k) says whether rounding went up (2r > 5^k),
    /// down, or nowhere (r = 0: exact).
    static func tieDirection(_ d: NumberText.Digits, number: Double) -> Tie {
        let k = d.digits.count - d.exponent
        guard k > 0 else { return .even }
        guard k <= 27, d.digits.count <= 19, let mantissa = UInt64(String(d.digits)) else { return .up }
        var modulus: UInt64 = 1
        for _ in 0..<k { modulus *= 5 }
        let shift = 511 - Int(number.magnitude.exponent) - k
        guard shift >= 0 else { return .up }
        let r = mulmod(mantissa % modulus, powmod(2, UInt64(shift), modulus), modulus)
        if r == 0 { return .even }
        return r > modulus - r ? .up : .down
    }

    private static func mulmod(_ a: UInt64, _ b: UInt64, _ m: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return m.dividingFullWidth((product.high, product.low)).remainder
    }

    private static func powmod(_ base: UInt64, _ exponent: UInt64, _ m: UInt64) -> UInt64 {
        var result: UInt64 = 1 % m, b = base % m, e = exponent
        while e > 0 {
            if e & 1 == 1 { result = mulmod(result, b, m) }
            b = mulmod(b, b, m)
            e >>= 1
        }
        return result
    }

    private static func digitString(_ d: NumberText.Digits, from start: Int, count: Int) -> String {
        var out = ""
        for index in start..<(start + count) { out.append(index >= 0 && index < d.digits.count ? d.digits[index] : "0") }
        return out
    }

    static func fixed(_ digits: NumberText.Digits, precision: Int, number: Double) -> String {
        let d = rounded(digits, to: digits.exponent + precision, number: number)
        let whole = d.exponent > 0 ? digitString(d, from: 0, count: d.exponent) : "0"
        guard precision > 0 else { return whole }
        return whole + "." + digitString(d, from: d.exponent, count: precision)
    }

    static func exponential(_ digits: NumberText.Digits, precision: Int, number: Double) -> String {
        let d = rounded(digits, to: precision + 1, number: number)
        let exponent = d.digits.isEmpty ? 0 : d.exponent - 1
        var out = digitString(d, from: 0, count: 1)
        if precision > 0 { out += "." + digitString(d, from: 1, count: precision) }
        let magnitude = abs(exponent)
        return out + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + String(magnitude)
    }

    /// `%g`: shortest digits without a precision (`%e` past 1e+21-ish… exactly: exponent < -4 or
    /// ≥ 6), otherwise that many significant digits, trailing zeros dropped.
    static func general(_ digits: NumberText.Digits, precision: Int?, number: Double) -> String {
        guard let precision else { return NumberText.general(number.magnitude) }
        let d = rounded(digits, to: Swift.max(precision, 1), number: number)
        guard !d.digits.isEmpty else { return "0" }
        var eprec = Swift.max(precision, 1)
        if eprec > d.digits.count, d.digits.count >= d.exponent { eprec = d.digits.count }
        let exponent = d.exponent - 1
        if exponent < -4 || exponent >= eprec {
            return exponential(d, precision: Swift.min(Swift.max(precision, 1), d.digits.count) - 1, number: number)
        }
        let significant = Swift.max(precision, 1) > d.exponent ? d.digits.count : Swift.max(precision, 1)
        return fixed(d, precision: Swift.max(significant - d.exponent, 0), number: number)
    }
}
