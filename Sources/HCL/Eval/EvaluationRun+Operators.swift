/// Operators and conditionals, with cty's conversions and unknown handling.
extension EvaluationRun {
    private func required(_ kind: String) -> String { "a \(kind) is required" }

    /// Converts an operand for an operator needing `kind`; `.unknown` passes through.
    private mutating func operand(
        _ value: HCLValue, _ kind: String, _ side: String, _ range: SourceRange, convert: (HCLValue) -> HCLValue?
    ) -> HCLValue? {
        if case .unknown = value { return .unknown }
        if let converted = convert(value) { return converted }
        let reason = value == .null ? "argument must not be null" : required(kind)
        _ = fail("Invalid operand", "Unsuitable value for \(side) operand: \(reason).", at: range)
        return nil
    }

    mutating func unary(_ op: UnaryOperator, _ expression: Expression) -> HCLValue {
        let value = evaluate(expression)
        switch op {
        case .negate:
            guard let converted = operand(value, "number", "unary", expression.range, convert: { $0.asNumber.map(HCLValue.number) }) else { return .unknown }
            guard case .number(let number) = converted else { return .unknown }
            return .number(-number)
        case .not:
            guard let converted = operand(value, "bool", "unary", expression.range, convert: { $0.asBool.map(HCLValue.bool) }) else { return .unknown }
            guard case .bool(let flag) = converted else { return .unknown }
            return .bool(!flag)
        }
    }

    mutating func binary(_ op: BinaryOperator, _ left: Expression, _ right: Expression, range: SourceRange) -> HCLValue {
        switch op {
        case .or, .and:
            return logical(op, left, right)
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
        guard case .number(let x)? = lo, case .number(let y)? = ro else { return .unknown }
        switch op {
        case .add: return .number(x + y)
        case .subtract: return .number(x - y)
        case .multiply: return .number(x * y)
        case .divide:
            if y == 0 { return fail("Operation failed", "Error during operation: can't divide by zero.", at: range) }
            return .number(x / y)
        case .modulo:
            if y == 0 { return fail("Operation failed", "Error during operation: can't use modulo by zero.", at: range) }
            return .number(x.truncatingRemainder(dividingBy: y))
        case .less: return .bool(x < y)
        case .greater: return .bool(x > y)
        case .lessOrEqual: return .bool(x <= y)
        case .greaterOrEqual: return .bool(x >= y)
        case .or, .and, .equal, .notEqual: return .unknown
        }
    }

    /// `||` and `&&`: a decisive left operand short-circuits (the right side's evaluation errors
    /// are dropped, as HCL does); a known decisive value on either side wins over an unknown.
    private mutating func logical(_ op: BinaryOperator, _ left: Expression, _ right: Expression) -> HCLValue {
        let decisive = op == .or
        let l = evaluate(left)
        let saved = diagnostics
        let r = evaluate(right)
        let rightDiagnostics = Array(diagnostics[saved.count...])
        diagnostics = saved
        let toBool: (HCLValue) -> HCLValue? = { $0.asBool.map(HCLValue.bool) }
        let lo = operand(l, "bool", "left", left.range, convert: toBool)
        let ro = operand(r, "bool", "right", right.range, convert: toBool)
        guard let lo, let ro else { return .unknown }
        if lo == .bool(decisive) { return .bool(decisive) }
        diagnostics += rightDiagnostics
        if ro == .bool(decisive) { return .bool(decisive) }
        if lo == .unknown || ro == .unknown { return .unknown }
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
    /// primitive results are unified as HCL does (a string and a number give a string).
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
        let other = flag ? elseValue : thenValue
        switch (chosen, other) {
        case (.number, .string), (.bool, .string):
            return chosen.asString.map(HCLValue.string) ?? chosen
        default:
            return chosen
        }
    }
}
