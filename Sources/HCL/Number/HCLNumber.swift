import BigInt

/// A number as Terraform holds it: cty's `big.Float`, a binary floating-point value with a
/// precision of its own (512 bits for a literal or a parsed string, 64 for a count, 53 for the
/// result of a float function such as `pow`), rounded to nearest-even after every operation.
///
/// Why not `Double`: `9007199254740993` or `1/3` would silently become a neighbouring number,
/// which the comparer would report as drift (or miss). Why not a decimal type: Terraform's own
/// results (`1/3` prints 154 threes and a 5) come from binary rounding at 512 bits.
///
/// Most numbers in a configuration are small integers, so a value that a `Double` holds exactly
/// is stored as one and computed with `Double` arithmetic whenever the result is provably exact
/// (an error-free transformation shows no rounding). Only other values use `BigUInt` limbs.
public struct HCLNumber: Sendable {
    enum Storage: Sendable {
        /// Any value a finite or infinite `Double` holds exactly (the canonical form for them).
        case double(Double)
        /// ± mantissa × 2^exponent, mantissa odd, for finite values no `Double` holds. Boxed so
        /// that a number (and an `HCLValue`) stays as small as a `Double` plus a tag.
        case big(Box)
    }

    /// Immutable parts behind one reference.
    final class Box: Sendable {
        let parts: Parts
        init(_ parts: Parts) { self.parts = parts }
    }

    /// ± mantissa × 2^exponent (finite); mantissa may be zero.
    struct Parts: Sendable, Hashable {
        var negative: Bool
        var mantissa: BigUInt
        var exponent: Int
    }

    var storage: Storage
    private let storedPrecision: UInt32
    /// Go's `big.Float` precision in bits: how the value rounds in later operations and how many
    /// digits its shortest decimal form needs.
    public var precision: Int { Int(storedPrecision) }

    /// The precision cty parses numbers with (`ParseNumberVal`).
    public static let parsePrecision = 512
    /// The precision of `big.Float.SetInt64` (cty's `NumberIntVal`).
    public static let integerPrecision = 64
    /// The precision of `big.Float.SetFloat64` (cty's `NumberFloatVal`).
    public static let floatPrecision = 53

    init(storage: Storage, precision: Int) {
        self.storage = storage
        self.storedPrecision = UInt32(clamping: precision)
    }

    /// An integer as cty's `NumberIntVal` makes it (counts, lengths, indexes).
    public init(_ value: Int) {
        self.init(storage: .double(Double(value)), precision: Self.integerPrecision)
        if Double(value).magnitude >= 9_007_199_254_740_992 {
            self = Self.exact(Parts(negative: value < 0, mantissa: BigUInt(value.magnitude), exponent: 0), precision: Self.integerPrecision)
        }
    }

    /// A float as cty's `NumberFloatVal` makes it (results of `pow`, `log`): 53 bits.
    public init(float value: Double) {
        self.init(storage: .double(value), precision: Self.floatPrecision)
    }

    /// An arbitrary integer, exactly, with `big.Float.SetInt`'s precision (its bit length, at
    /// least 64): what `parseint` returns.
    public init(integer value: BigInt) {
        let magnitude = value.magnitude
        self = Self.exact(
            Parts(negative: value.sign == .minus && !magnitude.isZero, mantissa: magnitude, exponent: 0),
            precision: Swift.max(magnitude.bitWidth, Self.integerPrecision))
    }

    public static let zero = HCLNumber(storage: .double(0), precision: integerPrecision)
    public static let positiveInfinity = HCLNumber(storage: .double(.infinity), precision: integerPrecision)
    public static let negativeInfinity = HCLNumber(storage: .double(-.infinity), precision: integerPrecision)

    /// The value from parts that are already within `precision` bits, in canonical storage.
    static func exact(_ parts: Parts, precision: Int) -> HCLNumber {
        if parts.mantissa.isZero {
            return HCLNumber(storage: .double(parts.negative ? -0.0 : 0.0), precision: precision)
        }
        let zeros = parts.mantissa.trailingZeroBitCount
        let mantissa = zeros == 0 ? parts.mantissa : parts.mantissa >> zeros
        let exponent = parts.exponent + zeros
        let width = mantissa.bitWidth
        if width <= 53, exponent >= -1074, exponent + width <= 1024 {
            let significand = Double(UInt64(mantissa))
            let value = Double(sign: parts.negative ? .minus : .plus, exponent: exponent, significand: significand)
            return HCLNumber(storage: .double(value), precision: precision)
        }
        return HCLNumber(storage: .big(Box(Parts(negative: parts.negative, mantissa: mantissa, exponent: exponent))), precision: precision)
    }

    /// The exact parts of a finite value; nil for an infinity.
    var parts: Parts? {
        switch storage {
        case .big(let box): return box.parts
        case .double(let value):
            guard value.isFinite else { return nil }
            let bits = value.bitPattern
            let rawExponent = Int((bits >> 52) & 0x7FF)
            let fraction = bits & ((1 << 52) - 1)
            let negative = value.sign == .minus
            if rawExponent == 0 { return Parts(negative: negative, mantissa: BigUInt(fraction), exponent: -1074) }
            return Parts(negative: negative, mantissa: BigUInt(fraction | (1 << 52)), exponent: rawExponent - 1075)
        }
    }

    public var isInfinite: Bool {
        if case .double(let value) = storage { return value.isInfinite }
        return false
    }

    public var isZero: Bool {
        if case .double(let value) = storage { return value == 0 }
        return false
    }

    /// Whether the sign bit is set (true for -0 too, as in Go).
    public var isNegative: Bool {
        switch storage {
        case .double(let value): return value.sign == .minus
        case .big(let box): return box.parts.negative
        }
    }

    /// -1, 0 or 1 (0 for both zeros).
    public var signum: Int {
        if isZero { return 0 }
        return isNegative ? -1 : 1
    }

    /// Whether the value is a whole number (infinities are not).
    public var isInteger: Bool {
        switch storage {
        case .double(let value): return value.isFinite && value == value.rounded(.towardZero)
        case .big(let box): return box.parts.exponent >= 0
        }
    }

    /// The nearest `Double` (what Go's `big.Float.Float64` gives for the functions cty computes
    /// in float64: `pow`, `log`).
    public var doubleValue: Double {
        switch storage {
        case .double(let value): return value
        case .big(let box):
            let parts = box.parts
            let rounded = Self.rounded(parts, to: 53)
            let width = rounded.mantissa.bitWidth
            let top = rounded.exponent + width
            if top > 1024 { return parts.negative ? -.infinity : .infinity }
            if rounded.exponent < -1074 {
                // Below the normal range: round again at the subnormal position.
                let sub = Self.rounded(parts, to: Swift.max(0, top + 1074))
                if sub.mantissa.isZero || top + 1074 <= 0 { return parts.negative ? -0.0 : 0.0 }
                return Double(sign: parts.negative ? .minus : .plus, exponent: sub.exponent, significand: Double(UInt64(sub.mantissa)))
            }
            return Double(sign: parts.negative ? .minus : .plus, exponent: rounded.exponent, significand: Double(UInt64(rounded.mantissa)))
        }
    }

    /// The value as an `Int` when it is a whole number that fits one.
    public var intValue: Int? {
        switch storage {
        case .double(let value):
            guard value.isFinite, value == value.rounded(.towardZero) else { return nil }
            return Int(exactly: value)
        case .big(let box):
            let parts = box.parts
            guard parts.exponent >= 0, parts.exponent + parts.mantissa.bitWidth <= 63 else { return nil }
            let magnitude = Int(parts.mantissa << parts.exponent)
            return parts.negative ? -magnitude : magnitude
        }
    }

    /// The whole number, exactly, when the value is one.
    public var integerValue: BigInt? {
        guard isInteger, let parts else { return nil }
        let magnitude = parts.exponent >= 0 ? parts.mantissa << parts.exponent : parts.mantissa >> (-parts.exponent)
        return parts.negative ? -BigInt(magnitude) : BigInt(magnitude)
    }

    /// The value with the precision given (rounding if it had more bits), as `big.Float.SetPrec`.
    func withPrecision(_ newPrecision: Int) -> HCLNumber {
        guard let parts else { return HCLNumber(storage: storage, precision: newPrecision) }
        return Self.exact(Self.rounded(parts, to: newPrecision), precision: newPrecision)
    }
}

extension HCLNumber: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    /// An integer literal in Swift code; equal to the same literal in HCL.
    public init(integerLiteral value: Int) { self.init(value) }

    /// A float literal in Swift code means the decimal it spells (`0.1` is HCL's `0.1`, not the
    /// nearest `Double`): it is parsed from its shortest text at 512 bits, as cty parses `0.1`.
    public init(floatLiteral value: Double) {
        self = HCLNumber(parsing: "\(value)") ?? HCLNumber(float: value)
    }
}
