import BigInt

/// Equality and order as cty defines them. Order is by value. Equality (`rawNumberEqual`) is by
/// value for whole numbers and by the printed decimal otherwise, so `0.1` parsed at 512 bits
/// equals `0.1` from a float64 (both print `0.1`), while `1/3` does not equal `0.3333333333333333`.
/// -0 equals 0. Hashing follows equality.
extension HCLNumber: Equatable, Hashable, Comparable {
    public static func == (a: HCLNumber, b: HCLNumber) -> Bool {
        if case .double(let x) = a.storage, case .double(let y) = b.storage {
            if x == y && (a.precision == b.precision || x == x.rounded(.towardZero)) { return true }
            if x != y && (a.precision == b.precision || x == x.rounded(.towardZero) || y == y.rounded(.towardZero)) {
                return false
            }
        }
        if a.signum != b.signum { return false }
        let wholeA = a.isInteger
        let wholeB = b.isInteger
        if wholeA != wholeB { return false }
        if wholeA { return compare(a, b) == 0 }
        return a.text == b.text
    }

    public func hash(into hasher: inout Hasher) {
        if isInteger {
            switch storage {
            case .double(let value): hasher.combine(value == 0 ? 0 : value)
            case .big(let box): hasher.combine(box.parts)
            }
        } else {
            hasher.combine(text)
        }
    }

    public static func < (a: HCLNumber, b: HCLNumber) -> Bool { compare(a, b) < 0 }

    /// -1, 0 or 1 as a is below, equal to or above b by value (-0 equals 0).
    public static func compare(_ a: HCLNumber, _ b: HCLNumber) -> Int {
        if case .double(let x) = a.storage, case .double(let y) = b.storage {
            return x < y ? -1 : x > y ? 1 : 0
        }
        if a.isInfinite || b.isInfinite {
            let ra = a.isInfinite ? (a.isNegative ? -2 : 2) : 0
            let rb = b.isInfinite ? (b.isNegative ? -2 : 2) : 0
            if ra == rb && ra != 0 { return 0 }
            if ra != 0 || rb != 0 { return ra < rb ? -1 : 1 }
        }
        guard let p = a.parts, let q = b.parts else { return 0 }
        let sa = p.mantissa.isZero ? 0 : (p.negative ? -1 : 1)
        let sb = q.mantissa.isZero ? 0 : (q.negative ? -1 : 1)
        if sa != sb { return sa < sb ? -1 : 1 }
        if sa == 0 { return 0 }
        let magnitude = compareMagnitude(p, q)
        return sa > 0 ? magnitude : -magnitude
    }

    private static func compareMagnitude(_ p: Parts, _ q: Parts) -> Int {
        let topP = p.exponent + p.mantissa.bitWidth
        let topQ = q.exponent + q.mantissa.bitWidth
        if topP != topQ { return topP < topQ ? -1 : 1 }
        let exponent = Swift.min(p.exponent, q.exponent)
        let x = p.mantissa << (p.exponent - exponent)
        let y = q.mantissa << (q.exponent - exponent)
        return x < y ? -1 : x > y ? 1 : 0
    }
}
