import HCL

/// `%e %E %f %g %G` as Go's `big.Float.Format` prints cty numbers: the exact decimal digits of
/// the binary value rounded half-even to the precision asked for (default 6 for `%e`/`%f`), or
/// the shortest digits for `%g` without one. `+Inf` keeps its sign; zero padding skips infinities.
enum GoFloatFormat {
    struct Flags {
        var plus = false, space = false, minus = false, zero = false
    }

    static func format(_ number: HCLNumber, verb: Character, precision: Int?, width: Int?, flags: Flags) -> String {
        var sign = ""
        let body: String
        if number.isInfinite {
            body = "Inf"
            sign = number.isNegative ? "-" : flags.space ? " " : "+"
        } else {
            body = digits(number, verb: verb, precision: precision)
            sign = number.isNegative ? "-" : flags.plus ? "+" : flags.space ? " " : ""
        }
        let total = sign.count + body.count
        guard let width, total < width else { return sign + body }
        if flags.zero, !number.isInfinite { return sign + String(repeating: "0", count: width - total) + body }
        if flags.minus { return sign + body + String(repeating: " ", count: width - total) }
        return String(repeating: " ", count: width - total) + sign + body
    }

    /// Go's `Float.Append` for a finite value, without the sign.
    private static func digits(_ number: HCLNumber, verb: Character, precision: Int?) -> String {
        let marker: Character = verb == "E" || verb == "G" ? "E" : "e"
        let shortest = precision == nil && (verb == "g" || verb == "G")
        guard var d = shortest ? number.shortestDigits : number.exactDigits else { return "Inf" }
        var prec = precision ?? (shortest ? -1 : 6)
        switch verb {
        case "e", "E":
            d.round(1 + prec)
            return HCLNumber.exponential(d, fraction: prec, marker: marker)
        case "f":
            d.round(d.point + prec)
            return HCLNumber.fixed(d, fraction: prec)
        default:
            if shortest {
                prec = d.digits.count
            } else {
                if prec == 0 { prec = 1 }
                d.round(prec)
            }
            var eprec = prec
            if eprec > d.digits.count && d.digits.count >= d.point { eprec = d.digits.count }
            if shortest { eprec = 6 }
            let exponent = d.point - 1
            if exponent < -4 || exponent >= eprec {
                if prec > d.digits.count { prec = d.digits.count }
                return HCLNumber.exponential(d, fraction: prec - 1, marker: marker)
            }
            if prec > d.point { prec = d.digits.count }
            return HCLNumber.fixed(d, fraction: Swift.max(prec - d.point, 0))
        }
    }
}
