import BigInt

/// Numbers as text, as Go's `big.Float` writes them: `Text('f', -1)` (interpolation, `tostring`,
/// JSON) and `Text('g', -1)` (`format("%v")`), both from the fewest decimal digits that parse
/// back to the same value at the number's own precision.
extension HCLNumber {
    /// Decimal digits of a value: 0.d₁d₂… × 10^point, no leading or trailing zeros (Go's `decimal`).
    public struct Digits: Sendable, Equatable {
        /// ASCII digits; empty for zero.
        public var digits: [UInt8]
        public var point: Int

        public func at(_ index: Int) -> UInt8 {
            index >= 0 && index < digits.count ? digits[index] : UInt8(ascii: "0")
        }

        /// Rounds to `count` digits, a tie to even (Go's `decimal.round`).
        public mutating func round(_ count: Int) {
            guard count >= 0, count < digits.count else { return }
            let tieToEven = digits[count] == UInt8(ascii: "5") && count + 1 == digits.count
            let up = tieToEven ? count > 0 && (digits[count - 1] - UInt8(ascii: "0")) & 1 == 1 : digits[count] >= UInt8(ascii: "5")
            if up { roundUp(count) } else { roundDown(count) }
        }

        public mutating func roundUp(_ count: Int) {
            guard count >= 0, count < digits.count else { return }
            var n = count
            while n > 0 && digits[n - 1] >= UInt8(ascii: "9") { n -= 1 }
            if n == 0 {
                digits = [UInt8(ascii: "1")]
                point += 1
                return
            }
            digits[n - 1] += 1
            digits.removeSubrange(n...)
        }

        public mutating func roundDown(_ count: Int) {
            guard count >= 0, count < digits.count else { return }
            digits.removeSubrange(count...)
            while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        }

        /// The exact digits of mantissa × 2^exponent.
        init(mantissa: BigUInt, exponent: Int) {
            guard !mantissa.isZero else {
                digits = []
                point = 0
                return
            }
            let text: String
            let scale: Int
            if exponent >= 0 {
                text = HCLNumber.decimalString(mantissa << exponent)
                scale = 0
            } else {
                // m / 2^k = m × 5^k / 10^k.
                text = HCLNumber.decimalString(mantissa * BigUInt(5).power(-exponent))
                scale = -exponent
            }
            var bytes = Array(text.utf8)
            point = bytes.count - scale
            while bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
            digits = bytes
        }

        init(digits: [UInt8], point: Int) {
            self.digits = digits
            self.point = point
        }
    }

    static func decimalString(_ value: BigUInt) -> String {
        if value.bitWidth <= 64 { return String(UInt64(value)) }
        return String(value)
    }

    /// The shortest digits that identify the value at its precision (Go's `roundShortest`,
    /// including its symmetric half-ulp bounds); nil for an infinity.
    public var shortestDigits: Digits? {
        guard let parts else { return nil }
        var d = Digits(mantissa: parts.mantissa, exponent: parts.exponent)
        guard !d.digits.isEmpty else { return d }
        // mantissa × 2^exponent with exactly precision + 1 bits: its last bit is half an ulp.
        let shift = parts.mantissa.bitWidth - (precision + 1)
        let scaled = shift < 0 ? parts.mantissa << -shift : parts.mantissa >> shift
        let exponent = parts.exponent + shift
        let lower = Digits(mantissa: scaled - 1, exponent: exponent)
        let upper = Digits(mantissa: scaled + 1, exponent: exponent)
        let inclusive = (scaled.words.first ?? 0) & 2 == 0
        for i in 0..<d.digits.count {
            let m = d.digits[i]
            let l = lower.at(i)
            let u = upper.at(i)
            let okDown = l != m || inclusive && i + 1 == lower.digits.count
            let okUp = m != u && (inclusive || m + 1 < u || i + 1 < upper.digits.count)
            if okDown && okUp {
                d.round(i + 1)
                return d
            } else if okDown {
                d.roundDown(i + 1)
                return d
            } else if okUp {
                d.roundUp(i + 1)
                return d
            }
        }
        return d
    }

    /// A whole `Double` that prints as itself at any precision ≥ 53: the common case, no digit search.
    private var smallIntegerText: String? {
        guard case .double(let value) = storage, value == value.rounded(.towardZero), value.magnitude < 9_007_199_254_740_992 else { return nil }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        return String(Int64(value))
    }

    /// Go's `Text('f', -1)`: `5`, `-0`, `0.1`, `1000000000000000000000`, `+Inf`.
    public var text: String {
        if let small = smallIntegerText { return small }
        guard let d = shortestDigits else { return isNegative ? "-Inf" : "+Inf" }
        return (isNegative ? "-" : "") + Self.fixed(d, fraction: Swift.max(d.digits.count - d.point, 0))
    }

    /// Go's `Text('g', -1)`: like `text` but with an exponent outside 1e-4 ..< 1e6 (`1.5e+06`).
    public var generalText: String {
        guard let d = shortestDigits else { return isNegative ? "-Inf" : "+Inf" }
        let sign = isNegative ? "-" : ""
        let exponent = d.point - 1
        if exponent < -4 || exponent >= 6 {
            return sign + Self.exponential(d, fraction: d.digits.count - 1, marker: "e")
        }
        return sign + Self.fixed(d, fraction: Swift.max(d.digits.count - d.point, 0))
    }

    /// Go's `fmtF`: digits with `fraction` places after the point.
    public static func fixed(_ d: Digits, fraction: Int) -> String {
        var out: [UInt8] = []
        if d.point > 0 {
            let whole = Swift.min(d.digits.count, d.point)
            out += d.digits[..<whole]
            if whole < d.point { out += [UInt8](repeating: UInt8(ascii: "0"), count: d.point - whole) }
        } else {
            out.append(UInt8(ascii: "0"))
        }
        if fraction > 0 {
            out.append(UInt8(ascii: "."))
            for i in 0..<fraction { out.append(d.at(d.point + i)) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Go's `fmtE`: one digit, `fraction` more after the point, then `e±dd`.
    public static func exponential(_ d: Digits, fraction: Int, marker: Character) -> String {
        var out = String(UnicodeScalar(d.digits.first ?? UInt8(ascii: "0")))
        if fraction > 0 {
            out += "."
            var i = 1
            let end = Swift.min(d.digits.count, fraction + 1)
            if i < end {
                out += String(decoding: d.digits[i..<end], as: UTF8.self)
                i = end
            }
            while i <= fraction { out += "0"; i += 1 }
        }
        out.append(marker)
        var exponent = d.digits.isEmpty ? 0 : d.point - 1
        out += exponent < 0 ? "-" : "+"
        exponent = Swift.abs(exponent)
        if exponent < 10 { out += "0" }
        return out + String(exponent)
    }

    /// The exact digits of a finite value (no shortening); nil for an infinity.
    public var exactDigits: Digits? {
        guard let parts else { return nil }
        return Digits(mantissa: parts.mantissa, exponent: parts.exponent)
    }
}

extension HCLNumber: CustomStringConvertible {
    public var description: String { text }
}
