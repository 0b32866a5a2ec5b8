import BigInt

/// cty's arithmetic (`cty/value_ops.go`) on Go's `big.Float`: every result is the exact result
/// rounded to nearest-even at the precision Go gives it. `Double` computes it whenever the
/// exact result is a `Double` too, which an error-free transformation proves.
extension HCLNumber {
    /// Why an operation has no result: Go's `big.Float` panics with `ErrNaN` (0/0, ∞/∞, ∞-∞, 0×∞).
    public struct NotANumber: Error, Sendable {}

    // MARK: rounding

    /// `parts` rounded to `bits` significant bits, nearest-even; `sticky` says that nonzero bits
    /// below `parts` were dropped earlier (a division's remainder).
    static func rounded(_ parts: Parts, to bits: Int, sticky: Bool = false) -> Parts {
        let width = parts.mantissa.bitWidth
        guard width > bits else { return parts }
        let drop = width - bits
        var kept = parts.mantissa >> drop
        let rest = parts.mantissa - (kept << drop)
        let half = BigUInt(1) << (drop - 1)
        let up: Bool
        if rest > half {
            up = true
        } else if rest < half {
            up = false
        } else {
            up = sticky || (kept.words.first ?? 0) & 1 == 1
        }
        if up { kept += 1 }
        return Parts(negative: parts.negative, mantissa: kept, exponent: parts.exponent + drop)
    }

    // MARK: operations

    public static prefix func - (x: HCLNumber) -> HCLNumber {
        switch x.storage {
        case .double(let value): return HCLNumber(storage: .double(-value), precision: x.precision)
        case .big(let box):
            var parts = box.parts
            parts.negative.toggle()
            return HCLNumber(storage: .big(Box(parts)), precision: x.precision)
        }
    }

    /// `|x|` with x's precision.
    public var magnitude: HCLNumber {
        isNegative ? -self : self
    }

    /// cty's `Add`: precision max(px, py).
    public func adding(_ other: HCLNumber) throws(NotANumber) -> HCLNumber {
        let precision = Swift.max(self.precision, other.precision)
        if case .double(let x) = storage, case .double(let y) = other.storage {
            let sum = x + y
            if sum.isNaN { throw NotANumber() }
            if !sum.isFinite {
                if x.isInfinite || y.isInfinite { return HCLNumber(storage: .double(sum), precision: precision) }
            } else {
                // TwoSum: the rounding error of x + y, exactly.
                let virtual = sum - x
                let error = (x - (sum - virtual)) + (y - virtual)
                if error == 0 { return HCLNumber(storage: .double(sum), precision: precision) }
            }
        }
        guard let a = parts, let b = other.parts else {
            // One side is infinite (the other finite, or both big): the infinity wins.
            if isInfinite && other.isInfinite && isNegative != other.isNegative { throw NotANumber() }
            return isInfinite ? HCLNumber(storage: storage, precision: precision) : HCLNumber(storage: other.storage, precision: precision)
        }
        return Self.exact(Self.sum(a, b, precision: precision), precision: precision)
    }

    /// cty's `Subtract`: `x + (-y)`.
    public func subtracting(_ other: HCLNumber) throws(NotANumber) -> HCLNumber {
        try adding(-other)
    }

    /// cty's `Multiply`: the product at 512 bits, with precision max(px, py, the bits it needs).
    public func multiplied(by other: HCLNumber) throws(NotANumber) -> HCLNumber {
        let basePrecision = Swift.max(precision, other.precision)
        if case .double(let x) = storage, case .double(let y) = other.storage {
            let product = x * y
            if product.isNaN { throw NotANumber() }
            if product.isInfinite && (x.isInfinite || y.isInfinite) {
                return HCLNumber(storage: .double(product), precision: basePrecision)
            }
            if product.isFinite, product == 0 || product.magnitude > 0x1p-900, product.addingProduct(-x, y) == 0 {
                if product != 0 || x == 0 || y == 0 {
                    return HCLNumber(storage: .double(product), precision: basePrecision)
                }
            }
        }
        guard let a = parts, let b = other.parts else {
            if isZero || other.isZero { throw NotANumber() }
            let negative = isNegative != other.isNegative
            return HCLNumber(storage: .double(negative ? -.infinity : .infinity), precision: basePrecision)
        }
        let exactProduct = Parts(negative: a.negative != b.negative, mantissa: a.mantissa * b.mantissa, exponent: a.exponent + b.exponent)
        let product = Self.rounded(exactProduct, to: Self.parsePrecision)
        let needed = product.mantissa.bitWidth - product.mantissa.trailingZeroBitCount
        let resultPrecision = Swift.max(basePrecision, product.mantissa.isZero ? 0 : needed)
        return Self.exact(Self.rounded(product, to: resultPrecision), precision: resultPrecision)
    }

    /// cty's `Divide`: precision max(px, py); x / 0 is ±∞; 0/0 and ∞/∞ have no result.
    public func divided(by other: HCLNumber) throws(NotANumber) -> HCLNumber {
        let precision = Swift.max(self.precision, other.precision)
        if case .double(let x) = storage, case .double(let y) = other.storage {
            let quotient = x / y
            if quotient.isNaN { throw NotANumber() }
            // (A finite quotient that overflows a Double is computed below, as Go would.)
            if x.isInfinite || y.isInfinite || x == 0 || y == 0 {
                return HCLNumber(storage: .double(quotient), precision: precision)
            }
            if quotient.isNormal, quotient.magnitude > 0x1p-900, x.magnitude > 0x1p-900, x.addingProduct(-quotient, y) == 0 {
                return HCLNumber(storage: .double(quotient), precision: precision)
            }
        }
        guard let a = parts, let b = other.parts else {
            if isInfinite && other.isInfinite { throw NotANumber() }
            let negative = isNegative != other.isNegative
            if isInfinite { return HCLNumber(storage: .double(negative ? -.infinity : .infinity), precision: precision) }
            return HCLNumber(storage: .double(negative ? -0.0 : 0.0), precision: precision)
        }
        if b.mantissa.isZero {
            if a.mantissa.isZero { throw NotANumber() }
            let negative = a.negative != b.negative
            return HCLNumber(storage: .double(negative ? -.infinity : .infinity), precision: precision)
        }
        return Self.exact(Self.quotient(a, b, precision: precision), precision: precision)
    }

    /// cty's `Modulo`: x - y × trunc(x / y), each step rounded at x's precision; x % 0 is x; with an
    /// infinity, x × y.
    public func remainder(dividingBy other: HCLNumber) throws(NotANumber) -> HCLNumber {
        if isInfinite || other.isInfinite { return try multiplied(by: other) }
        if other.isZero { return self }
        if case .double(let x) = storage, case .double(let y) = other.storage, precision >= 128, x.magnitude < y.magnitude * 0x1p70 {
            // fmod is exact; at 128+ bits a quotient below 2^70 of two Doubles never rounds onto a
            // whole number, and y × trunc(x / y) needs at most 123 bits. Go's x - x is +0.
            let r = x.truncatingRemainder(dividingBy: y)
            return HCLNumber(storage: .double(r == 0 ? 0 : r), precision: precision)
        }
        let ratio = try divided(by: other)
        guard let whole = ratio.truncated.parts else { throw NotANumber() }
        let work = Self.exact(Self.rounded(whole, to: precision), precision: precision)
        guard let w = work.parts, let y = other.parts, let x = parts else { throw NotANumber() }
        let product = Self.rounded(
            Parts(negative: w.negative != y.negative, mantissa: w.mantissa * y.mantissa, exponent: w.exponent + y.exponent), to: precision)
        var negated = product
        negated.negative.toggle()
        return Self.exact(Self.sum(x, negated, precision: precision), precision: precision)
    }

    /// The value with its fraction dropped (toward zero), at the same precision: `big.Float.Int`.
    var truncated: HCLNumber {
        guard !isInteger, let p = parts else { return self }
        // big.Int has no negative zero.
        if p.exponent + p.mantissa.bitWidth <= 0 { return HCLNumber(storage: .double(0), precision: precision) }
        return Self.exact(Parts(negative: p.negative, mantissa: p.mantissa >> (-p.exponent), exponent: 0), precision: precision)
    }

    /// cty's `floor`: the greatest whole number ≤ x, rounded to x's precision.
    public var floor: HCLNumber {
        guard !isInteger, !isInfinite else { return self }
        let t = truncated
        let stepped = isNegative ? ((try? t.subtracting(HCLNumber(storage: .double(1), precision: precision))) ?? t) : t
        return stepped.withPrecision(precision)
    }

    /// cty's `ceil`: the least whole number ≥ x, rounded to x's precision.
    public var ceiling: HCLNumber {
        guard !isInteger, !isInfinite else { return self }
        let t = truncated
        let stepped = isNegative ? t : ((try? t.adding(HCLNumber(storage: .double(1), precision: precision))) ?? t)
        return stepped.withPrecision(precision)
    }

    // MARK: exact helpers on parts

    /// `a + b` rounded to `precision` bits, without building huge shifts for far-apart exponents.
    static func sum(_ a: Parts, _ b: Parts, precision: Int) -> Parts {
        if a.mantissa.isZero && b.mantissa.isZero {
            return Parts(negative: a.negative && b.negative, mantissa: 0, exponent: 0)
        }
        if a.mantissa.isZero { return rounded(b, to: precision) }
        if b.mantissa.isZero { return rounded(a, to: precision) }
        var a = a, b = b
        let topA = a.exponent + a.mantissa.bitWidth
        let topB = b.exponent + b.mantissa.bitWidth
        // An operand far below the other's rounding position only decides the direction of
        // rounding: a single bit well below that position stands for it exactly as well.
        if topB <= topA - precision - 3 && b.exponent < a.exponent {
            b = Parts(negative: b.negative, mantissa: 1, exponent: Swift.min(a.exponent, topA - precision) - 4)
        } else if topA <= topB - precision - 3 && a.exponent < b.exponent {
            a = Parts(negative: a.negative, mantissa: 1, exponent: Swift.min(b.exponent, topB - precision) - 4)
        }
        let exponent = Swift.min(a.exponent, b.exponent)
        let x = a.mantissa << (a.exponent - exponent)
        let y = b.mantissa << (b.exponent - exponent)
        let result: Parts
        if a.negative == b.negative {
            result = Parts(negative: a.negative, mantissa: x + y, exponent: exponent)
        } else if x >= y {
            // x - x is +0 when rounding to nearest.
            result = Parts(negative: x == y ? false : a.negative, mantissa: x - y, exponent: exponent)
        } else {
            result = Parts(negative: b.negative, mantissa: y - x, exponent: exponent)
        }
        return rounded(result, to: precision)
    }

    /// `a / b` (b nonzero) correctly rounded to `precision` bits.
    static func quotient(_ a: Parts, _ b: Parts, precision: Int) -> Parts {
        let negative = a.negative != b.negative
        if a.mantissa.isZero { return Parts(negative: negative, mantissa: 0, exponent: 0) }
        let shift = Swift.max(0, precision + 2 + b.mantissa.bitWidth - a.mantissa.bitWidth)
        let (q, r) = (a.mantissa << shift).quotientAndRemainder(dividingBy: b.mantissa)
        let parts = Parts(negative: negative, mantissa: q, exponent: a.exponent - b.exponent - shift)
        return rounded(parts, to: precision, sticky: !r.isZero)
    }
}
