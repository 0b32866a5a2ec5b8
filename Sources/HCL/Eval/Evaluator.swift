/// Evaluates HCL expressions with HCL's semantics: implicit primitive conversions, unknown
/// propagation through every operation, null checks, and errors as diagnostics at the range of
/// the offending sub-expression (with HCL's own summaries and details, checked against Terraform).
///
/// Functions come from the context. As in cty, a function with `propagatesUnknown` is not called
/// when an argument *is* unknown; an argument that merely *contains* unknowns (a list with an
/// unknown element) is passed through, so such functions must handle nested `.unknown` values.
public enum Evaluator {
    /// Evaluates `expression` in `context`. On errors the value is `.unknown` (so callers can keep
    /// going) and the diagnostics say what went wrong.
    public static func evaluate(_ expression: Expression, in context: EvalContext) -> (HCLValue, [Diagnostic]) {
        var run = EvaluationRun(context: context)
        let value = run.evaluate(expression)
        return (value, run.diagnostics)
    }
}

/// One evaluation: the context, the names bound by enclosing `for` expressions and splats, and
/// the diagnostics collected so far.
struct EvaluationRun {
    let context: EvalContext
    var bindings: [String: HCLValue] = [:]
    var splatItems: [HCLValue] = []
    var diagnostics: [Diagnostic] = []

    init(context: EvalContext) {
        self.context = context
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func fail(_ message: String, _ detail: String?, at range: SourceRange) -> HCLValue {
        diagnostics.append(Diagnostic(message: message, range: range, notes: detail.map { [$0] } ?? []))
        return .unknown
    }

    func lookup(_ name: String) -> HCLValue? {
        if !bindings.isEmpty, let bound = bindings[name] { return bound }
        if !context.scope.isEmpty, let scoped = context.scope[name] { return scoped }
        return context.variables[name]
    }

    /// Runs `body` with `name` bound to `value`, restoring the previous binding afterwards.
    mutating func with<T>(_ name: String?, _ value: HCLValue, _ body: (inout EvaluationRun) -> T) -> T {
        guard let name else { return body(&self) }
        let previous = bindings.updateValue(value, forKey: name)
        defer {
            if let previous { bindings[name] = previous } else { bindings.removeValue(forKey: name) }
        }
        return body(&self)
    }

    mutating func evaluate(_ expression: Expression) -> HCLValue {
        switch expression.kind {
        case .literal(let value):
            return value
        case .template(let parts):
            if parts.count == 1, case .interpolation(let inner) = parts[0] { return evaluate(inner) }
            return evaluateTemplate(parts)
        case .variable(let name):
            if let value = lookup(name) { return value }
            return fail("Unknown variable", "There is no variable named \"\(name)\".", at: expression.range)
        case .getAttribute(let base, let name):
            return getAttribute(evaluate(base), name, expression: expression)
        case .index(let base, let key):
            let collection = evaluate(base)
            return index(collection, evaluate(key), keyRange: key.range)
        case .splat(let source, let each):
            return splat(evaluate(source), each: each)
        case .splatItem:
            return splatItems.last ?? .unknown
        case .tuple(let items):
            return .tuple(items.map { evaluate($0) })
        case .object(let items):
            return object(items)
        case .functionCall(let name, let arguments, let expandFinal):
            return call(name, arguments, expandFinal: expandFinal, range: expression.range)
        case .conditional(let condition, let then, let otherwise):
            return conditional(condition, then, otherwise)
        case .unary(let op, let operand):
            return unary(op, operand, range: expression.range)
        case .binary(let op, let left, let right):
            return binary(op, left, right, range: expression.range)
        case .forExpression(let loop):
            return forExpression(loop, range: expression.range)
        case .parenthesized(let inner):
            return evaluate(inner)
        }
    }

    // MARK: traversal steps

    /// The `.name` step at the end of the expression (HCL reports attribute errors there).
    private func attributeRange(_ expression: Expression, _ name: String) -> SourceRange {
        var range = expression.range
        let end = range.end
        range.start = SourcePosition(
            line: end.line, column: max(1, end.column - name.unicodeScalars.count - 1),
            offset: max(0, end.offset - name.utf8.count - 1))
        return range
    }

    mutating func getAttribute(_ base: HCLValue, _ name: String, expression: Expression) -> HCLValue {
        switch base {
        case .unknown:
            return .unknown
        case .null:
            return fail(
                "Attempt to get attribute from null value", "This value is null, so it does not have any attributes.",
                at: attributeRange(expression, name))
        case .object(let members):
            if let value = members[name] { return value }
            return fail(
                "Unsupported attribute", "This object does not have an attribute named \"\(name)\".",
                at: attributeRange(expression, name))
        case .tuple, .set:
            return fail("Unsupported attribute", "This value does not have any attributes.", at: attributeRange(expression, name))
        default:
            return fail(
                "Unsupported attribute", "Can't access attributes on a primitive-typed value (\(base.typeName)).",
                at: attributeRange(expression, name))
        }
    }

    mutating func index(_ collection: HCLValue, _ key: HCLValue, keyRange: SourceRange) -> HCLValue {
        if case .null = key {
            return fail("Invalid index", "Can't use a null value as an indexing key.", at: keyRange)
        }
        switch collection {
        case .unknown:
            return .unknown
        case .null:
            return fail("Attempt to index null value", "This value is null, so it does not have any indices.", at: keyRange)
        case .tuple(let items):
            if case .unknown = key { return .unknown }
            guard let number = key.asNumber else {
                return fail(
                    "Invalid index",
                    "The given key does not identify an element in this collection value: \(Self.conversionProblem(key, to: "number")).",
                    at: keyRange)
            }
            guard number.isInteger, let index = number.intValue, index >= 0, index < items.count else {
                let reason: String
                if !number.isInteger {
                    reason = ": indexing a sequence requires a whole number, but the given index has a fractional part."
                } else if number.isNegative && !number.isZero {
                    reason = ": a negative number is not a valid index for a sequence."
                } else if number == HCLNumber(items.count) {
                    // cty explains only the off-by-one case.
                    reason = items.isEmpty ? ": the collection has no elements." : ": the given index is greater than or equal to the length of the collection."
                } else {
                    reason = "."
                }
                return fail("Invalid index", "The given key does not identify an element in this collection value\(reason)", at: keyRange)
            }
            return items[index]
        case .object(let members):
            if case .unknown = key { return .unknown }
            guard let name = key.asString else {
                return fail(
                    "Invalid index",
                    "The given key does not identify an element in this collection value: \(Self.conversionProblem(key, to: "string")).",
                    at: keyRange)
            }
            if let value = members[name] { return value }
            return fail("Invalid index", "The given key does not identify an element in this collection value.", at: keyRange)
        case .set:
            return fail(
                "Invalid index",
                "Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.",
                at: keyRange)
        default:
            return fail("Invalid index", "This value does not have any indices.", at: keyRange)
        }
    }

    /// `source[*].each`: null → empty tuple; a non-collection is treated as a one-element tuple.
    mutating func splat(_ source: HCLValue, each: Expression) -> HCLValue {
        let items: [HCLValue]
        switch source {
        case .unknown: return .unknown
        case .null: return .tuple([])
        case .tuple(let values), .set(let values): items = values
        default: items = [source]
        }
        var results: [HCLValue] = []
        results.reserveCapacity(items.count)
        for item in items {
            splatItems.append(item)
            results.append(evaluate(each))
            splatItems.removeLast()
        }
        return .tuple(results)
    }

    mutating func object(_ items: [ObjectItem]) -> HCLValue {
        var members: [String: HCLValue] = [:]
        members.reserveCapacity(items.count)
        var unknownKey = false
        for item in items {
            let key = evaluate(item.key)
            let value = evaluate(item.value)
            switch key {
            case .unknown:
                unknownKey = true
            case .null:
                _ = fail("Null value as key", "Can't use a null value as a key.", at: item.key.range)
            default:
                guard let name = key.asString else {
                    _ = fail("Incorrect key type", "Can't use this value as a key: \(Self.conversionProblem(key, to: "string")).", at: item.key.range)
                    continue
                }
                members[name] = value
            }
        }
        return unknownKey ? .unknown : .object(members)
    }
}
