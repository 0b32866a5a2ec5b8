/// Operators and conditionals, with cty's conversions and unknown handling.
extension EvaluationRun {
    /// An operand after conversion: a value (possibly unknown), null, or a failed conversion
    /// (already reported).
    private enum Operand {
        case value(HCLValue)
        case null
        case failed
    }

    /// cty's wording for a failed conversion: strings that do not spell the target get
    /// "a number is required"; values of the wrong kind get "number required".
    static func conversionProblem(_ value: HCLValue, to kind: String) -> String {
        if case .string = value, kind != "string" { return "a \(kind) is required" }
        return "\(kind) required"
    }

    private mutating func operand(
        _ value: HCLValue, _ kind: String, _ side: String, _ range: SourceRange, convert: (HCLValue) -> HCLValue?
    ) -> Operand {
        switch value {
        case .unknown: return .value(.unknown)
        case .null: return .null
        default:
            if let converted = convert(value) { return .value(converted) }
            _ = fail("Invalid operand", "Unsuitable value for \(side) operand: \(Self.conversionProblem(value, to: kind)).", at: range)
            return .failed
        }
    }

    private mutating func nullOperand(_ range: SourceRange) -> HCLValue {
        fail("Operation failed", "Error during operation: argument must not be null.", at: range)
    }

    mutating func unary(_ op: UnaryOperator, _ expression: Expression, range: SourceRange) -> HCLValue {
        let value = evaluate(expression)
        let isNegate = op == .negate
        let converted = operand(
            value, isNegate ? "number" : "bool", "unary", expression.range,
            convert: isNegate ? { $0.asNumber.map(HCLValue.number) } : { $0.asBool.map(HCLValue.bool) })
        switch converted {
        case .failed: return .unknown
        case .null: return nullOperand(range)
        case .value(.number(let number)): return .number(-number)
        case .value(.bool(let flag)): return .bool(!flag)
        case .value: return .unknown
        }
    }

    mutating func binary(_ op: BinaryOperator, _ left: Expression, _ right: Expression, range: SourceRange) -> HCLValue {
        switch op {
        case .or, .and:
            return logical(op, left, right, range: range)
        case .equal, .notEqual:
            let l = evaluate(left)
            let r = evaluate(right)
            guard let equal = Self.equals(l, r) else { return .unknown }
            return .bool(op == .equal ? equal : !equal)
        default:
            break
        }
        let l = evaluate(left)
        let r = evaluate(right)
        let toNumber: (HCLValue) -> HCLValue? = { $0.asNumber.map(HCLValue.number) }
        let lo = operand(l, "number", "left", left.range, convert: toNumber)
        let ro = operand(r, "number", "right", right.range, convert: toNumber)
        switch (lo, ro) {
        case (.failed, _), (_, .failed): return .unknown
        case (.null, _), (_, .null): return nullOperand(range)
        default: break
        }
        guard case .value(.number(let x)) = lo, case .value(.number(let y)) = ro else { return .unknown }
        do {
            switch op {
            case .add: return .number(try x.adding(y))
            case .subtract: return .number(try x.subtracting(y))
            case .multiply: return .number(try x.multiplied(by: y))
            case .divide: return .number(try x.divided(by: y))
            case .modulo: return .number(try x.remainder(dividingBy: y))
            case .less: return .bool(x < y)
            case .greater: return .bool(x > y)
            // cty: LessThan(...).Or(Equals(...)), and Equals compares non-integers by their text.
            case .lessOrEqual: return .bool(x < y || x == y)
            case .greaterOrEqual: return .bool(x > y || x == y)
            case .or, .and, .equal, .notEqual: return .unknown
            }
        } catch {
            // Go's big.Float panics with ErrNaN; cty reports it as HCL's "Operation failed".
            let detail = op == .divide ? "can't divide zero by zero or infinity by infinity" : "can't compute a number that is not a number"
            return fail("Operation failed", "Error during operation: \(detail).", at: range)
        }
    }

    /// `||` and `&&`: a decisive left operand short-circuits (the right side's evaluation errors
    /// are dropped, as HCL does); a known decisive value on either side wins over an unknown.
    private mutating func logical(_ op: BinaryOperator, _ left: Expression, _ right: Expression, range: SourceRange) -> HCLValue {
        let decisive = op == .or
        let l = evaluate(left)
        let saved = diagnostics
        let r = evaluate(right)
        let rightDiagnostics = Array(diagnostics[saved.count...])
        diagnostics = saved
        let toBool: (HCLValue) -> HCLValue? = { $0.asBool.map(HCLValue.bool) }
        let lo = operand(l, "bool", "left", left.range, convert: toBool)
        let ro = operand(r, "bool", "right", right.range, convert: toBool)
        let lv: HCLValue
        let rv: HCLValue
        switch (lo, ro) {
        case (.failed, _), (_, .failed): return .unknown
        case (.value(let a), .value(let b)):
            lv = a
            rv = b
        case (.value(let a), .null) where a == .bool(decisive):
            return a
        default:
            diagnostics += rightDiagnostics
            return nullOperand(range)
        }
        if lv == .bool(decisive) { return .bool(decisive) }
        diagnostics += rightDiagnostics
        if rv == .bool(decisive) { return .bool(decisive) }
        if lv == .unknown || rv == .unknown { return .unknown }
        return .bool(!decisive)
    }

    /// HCL equality: values of different types are unequal; null equals only null; nil when the
    /// answer depends on an unknown.
    static func equals(_ a: HCLValue, _ b: HCLValue) -> Bool? {
        switch (a, b) {
        case (.unknown, _), (_, .unknown): return nil
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        case (.tuple(let x), .tuple(let y)), (.set(let x), .set(let y)):
            guard x.count == y.count else { return false }
            var unknown = false
            for (l, r) in zip(x, y) {
                guard let equal = equals(l, r) else {
                    unknown = true
                    continue
                }
                if !equal { return false }
            }
            return unknown ? nil : true
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            var unknown = false
            for (key, l) in x {
                guard let r = y[key] else { return false }
                guard let equal = equals(l, r) else {
                    unknown = true
                    continue
                }
                if !equal { return false }
            }
            return unknown ? nil : true
        default:
            return a == b
        }
    }

    /// `c ? a : b`: an unknown condition gives unknown; only the chosen branch's errors count;
    /// the result is converted to the unified type of both branches, as HCL does.
    mutating func conditional(_ condition: Expression, _ then: Expression, _ otherwise: Expression) -> HCLValue {
        let value = evaluate(condition)
        let saved = diagnostics
        let thenValue = evaluate(then)
        let thenDiagnostics = Array(diagnostics[saved.count...])
        diagnostics = saved
        let elseValue = evaluate(otherwise)
        let elseDiagnostics = Array(diagnostics[saved.count...])
        diagnostics = saved
        let flag: Bool
        switch value {
        case .unknown:
            return .unknown
        case .null:
            return fail("Null condition", "The condition value is null. Conditions must either be true or false.", at: condition.range)
        default:
            guard let converted = value.asBool else {
                return fail("Incorrect condition type", "The condition expression must be of type bool.", at: condition.range)
            }
            flag = converted
        }
        diagnostics += flag ? thenDiagnostics : elseDiagnostics
        let chosen = flag ? thenValue : elseValue
        guard let unified = ValueType.unify(ValueType(of: thenValue), ValueType(of: elseValue)) else {
            return fail(
                "Inconsistent conditional result types",
                ["The true and false result expressions must have consistent types.", ValueType.mismatch(ValueType(of: thenValue), ValueType(of: elseValue))]
                    .compactMap { $0 }.joined(separator: " "),
                at: then.range.spanning(otherwise.range))
        }
        return unified.convert(chosen)
    }
}
