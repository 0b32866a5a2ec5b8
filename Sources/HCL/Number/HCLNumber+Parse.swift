import BigInt

/// Decimal text to a number as cty's `ParseNumberVal` does it: Go's `big.ParseFloat(s, 10, 512,
/// ToNearestEven)`, one correct rounding of the exact decimal value to 512 bits.
extension HCLNumber {
    /// Exponents beyond this many decimal places are refused rather than computed for minutes.
    static let exponentLimit = 100_000

    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]`, `.5`, `5.`, or `[+-]Inf`/`inf`. Callers check
    /// their own grammar first (HCL literals, cty's string conversion); nil when the text is none
    /// of these.
    public init?(parsing text: some StringProtocol, precision: Int = HCLNumber.parsePrecision) {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        if bytes.elementsEqual("Inf".utf8) || bytes.elementsEqual("inf".utf8) {
            self.init(storage: .double(negative ? -.infinity : .infinity), precision: precision)
            return
        }
        var small: UInt64 = 0
        var smallDigits = 0
        var big: BigUInt? = nil
        var digitCount = 0
        var fractionDigits = 0
        var seenPoint = false
        while let byte = bytes.first {
            if byte == UInt8(ascii: ".") {
                if seenPoint { break }
                seenPoint = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digitCount += 1
                if seenPoint { fractionDigits += 1 }
                small = small &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
                smallDigits += 1
                if smallDigits == 19 {
                    big = (big ?? 0) * BigUInt(10).power(19) + BigUInt(small)
                    small = 0
                    smallDigits = 0
                }
            } else {
                break
            }
            bytes = bytes.dropFirst()
        }
        guard digitCount > 0 else { return nil }
        var exponent = 0
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            var negativeExponent = false
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                negativeExponent = sign == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            var count = 0
            while let byte = bytes.first, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if exponent < 100_000_000 { exponent = exponent * 10 + Int(byte - UInt8(ascii: "0")) }
                count += 1
                bytes = bytes.dropFirst()
            }
            guard count > 0 else { return nil }
            if negativeExponent { exponent = -exponent }
        }
        guard bytes.isEmpty else { return nil }
        let mantissa: BigUInt
        if let big {
            mantissa = smallDigits == 0 ? big : big * BigUInt(10).power(smallDigits) + BigUInt(small)
        } else {
            mantissa = BigUInt(small)
        }
        let power = exponent - fractionDigits
        guard let value = Self.decimal(negative: negative, mantissa: mantissa, power: power, precision: precision) else { return nil }
        self = value
    }

    /// ± mantissa × 10^power rounded to `precision` bits; nil for an absurd exponent.
    static func decimal(negative: Bool, mantissa: BigUInt, power: Int, precision: Int) -> HCLNumber? {
        if mantissa.isZero { return HCLNumber(storage: .double(negative ? -0.0 : 0.0), precision: precision) }
        if mantissa.bitWidth <= 53 {
            let m = UInt64(mantissa)
            if power == 0 {
                return HCLNumber(storage: .double(negative ? -Double(m) : Double(m)), precision: precision)
            }
            if power > 0, power <= 15 {
                let (product, overflow) = m.multipliedReportingOverflow(by: Self.powersOfTen[power])
                if !overflow, product <= 1 << 53 {
                    return HCLNumber(storage: .double(negative ? -Double(product) : Double(product)), precision: precision)
                }
            }
            if power < 0, power >= -27 {
                let five = Self.powersOfFive[-power]
                if m % five == 0 {
                    let value = Double(sign: negative ? .minus : .plus, exponent: power, significand: Double(m / five))
                    return HCLNumber(storage: .double(value), precision: precision)
                }
            }
        }
        guard Swift.abs(power) <= exponentLimit else { return nil }
        let parts = Parts(negative: negative, mantissa: mantissa, exponent: 0)
        if power >= 0 {
            let product = Parts(negative: negative, mantissa: mantissa * BigUInt(10).power(power), exponent: 0)
            return exact(rounded(product, to: precision), precision: precision)
        }
        let divisor = Parts(negative: false, mantissa: BigUInt(10).power(-power), exponent: 0)
        return exact(quotient(parts, divisor, precision: precision), precision: precision)
    }

    static let powersOfTen: [UInt64] = (0...19).map { n in (0..<n).reduce(UInt64(1)) { acc, _ in acc * 10 } }
    static let powersOfFive: [UInt64] = (0...27).map { n in (0..<n).reduce(UInt64(1)) { acc, _ in acc * 5 } }
}
