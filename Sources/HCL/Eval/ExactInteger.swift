/// Terraform computes numbers exactly (cty's 512-bit `big.Float`); drift holds them as `Double`,
/// which is exact for every integer up to 2^53 and for none of the odd ones beyond. Where an
/// integer would not be exact, drift answers "unknown" rather than a neighbouring number: a wrong
/// value could turn into false or missed drift, an unknown one is only not compared.
public enum ExactInteger {
    /// 2^53: every integer of smaller magnitude is a `Double` exactly.
    public static let limit = 9_007_199_254_740_992.0

    /// The value of a decimal integer literal (`digits`, no sign), or nil when `Double` cannot
    /// hold it exactly.
    public static func value(ofDigits digits: Substring) -> Double? {
        let significant = digits.drop { $0 == "0" }
        guard let value = Double(digits) else { return nil }
        if significant.count <= 15 { return value }
        guard value < 18_446_744_073_709_551_616.0, let whole = UInt64(exactly: value) else { return nil }
        return String(whole) == significant ? value : nil
    }

    /// Whether `x op y`, both integers, came out exactly (their true result is an integer
    /// Terraform keeps exactly); false only for integer operands whose result `Double` rounded.
    static func isExact(_ op: BinaryOperator, _ x: Double, _ y: Double, result: Double) -> Bool {
        guard x == x.rounded(), y == y.rounded(), result.isFinite, abs(x) <= 1e300, abs(y) <= 1e300 else { return true }
        switch op {
        case .add, .subtract:
            let other = op == .add ? y : -y
            // TwoSum: the rounding error of x + other, exactly.
            let virtual = result - x
            let error = (x - (result - virtual)) + (other - virtual)
            return error == 0
        case .multiply:
            // The product's rounding error, exactly, by a fused multiply-add.
            return x.multipliedAdding(y, -result) == 0
        default:
            return true
        }
    }
}

extension Double {
    fileprivate func multipliedAdding(_ factor: Double, _ addend: Double) -> Double {
        addend.addingProduct(self, factor)
    }
}
