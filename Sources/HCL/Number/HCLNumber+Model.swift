/// The boundary to drift's JSON model (`DriftModel.Value`, numbers as `Double`), where Terraform's
/// numbers meet AWS's: both sides are decimals in JSON, so a number crosses as the `Double` whose
/// shortest decimal is the one Terraform prints, and only when such a `Double` exists.
extension HCLNumber {
    /// The `Double` that stands for this number in JSON, or nil when none does: Terraform's
    /// decimal for it (`text`) must read back as a `Double` equal to it by cty's rules (`0.1` yes;
    /// `9007199254740993`, `1/3` or an infinity no).
    public var modelDouble: Double? {
        if case .double(let value) = storage, value.isFinite, value == value.rounded(.towardZero) { return value }
        guard !isInfinite, let value = Double(text), value.isFinite else { return nil }
        return HCLNumber(float: value) == self ? value : nil
    }

    /// A number read from drift's JSON model: the decimal the `Double` prints as, parsed at 512
    /// bits as cty parses JSON (`0.1` is HCL's `0.1`).
    public init(modelDouble value: Double) {
        if value.isFinite, value == value.rounded(.towardZero), value.magnitude < 9_007_199_254_740_992 {
            self.init(storage: .double(value), precision: Self.parsePrecision)
            return
        }
        self = HCLNumber(parsing: "\(value)") ?? HCLNumber(float: value)
    }
}
