/// `for` expressions, templates and their directives.
extension EvaluationRun {
    /// The (key, value) pairs a `for` iterates: tuples by index, sets by value, objects by key in
    /// sorted order. Nil (with a diagnostic) when the collection is not iterable.
    mutating func iterationPairs(_ collection: HCLValue, range: SourceRange, what: String) -> [(HCLValue, HCLValue)]? {
        switch collection {
        case .tuple(let items):
            return items.enumerated().map { (HCLValue.number(HCLNumber($0.offset)), $0.element) }
        case .set(let items):
            return items.map { ($0, $0) }
        case .object(let members):
            return members.keys.sorted(by: HCLValue.keyOrder).map { (HCLValue.string($0), members[$0] ?? .null) }
        case .null:
            _ = fail("Iteration over null value", "A null value cannot be used as the collection in a '\(what)' expression.", at: range)
            return nil
        default:
            _ = fail(
                "Iteration over non-iterable value",
                "A value of type \(collection.typeName) cannot be used as the collection in a '\(what)' expression.", at: range)
            return nil
        }
    }

    mutating func forExpression(_ loop: ForExpression, range: SourceRange) -> HCLValue {
        let collection = evaluate(loop.collection)
        if case .unknown = collection { return .unknown }
        guard let pairs = iterationPairs(collection, range: loop.collection.range, what: "for") else { return .unknown }
        var tuple: [HCLValue] = []
        var members: [String: HCLValue] = [:]
        var groups: [String: [HCLValue]] = [:]
        var unknown = false
        for (key, value) in pairs {
            let step: HCLValue? = with(loop.keyVariable, key) { run in
                run.with(loop.valueVariable, value) { run in
                    run.forStep(loop, tuple: &tuple, members: &members, groups: &groups)
                }
            }
            if step == .unknown { unknown = true }
            if step == nil { return .unknown }
        }
        if unknown { return .unknown }
        if loop.keyExpression == nil { return .tuple(tuple) }
        if loop.grouping { return .object(groups.mapValues { HCLValue.tuple($0) }) }
        return .object(members)
    }

    /// One element of a `for`: nil on a fatal error, `.unknown` when the element makes the whole
    /// result unknown, `.null` otherwise.
    private mutating func forStep(
        _ loop: ForExpression, tuple: inout [HCLValue], members: inout [String: HCLValue], groups: inout [String: [HCLValue]]) -> HCLValue? {
        if let condition = loop.condition {
            let value = evaluate(condition)
            switch value {
            case .unknown: return .unknown
            case .null:
                _ = fail("Invalid 'for' condition", "The value of the 'if' clause must not be null.", at: condition.range)
                return nil
            default:
                guard let flag = value.asBool else {
                    _ = fail("Invalid 'for' condition", "The 'if' clause value is invalid: \(Self.conversionProblem(value, to: "bool")).", at: condition.range)
                    return nil
                }
                if !flag { return .null }
            }
        }
        guard let keyExpression = loop.keyExpression else {
            tuple.append(evaluate(loop.valueExpression))
            return .null
        }
        let key = evaluate(keyExpression)
        let value = evaluate(loop.valueExpression)
        switch key {
        case .unknown: return .unknown
        case .null:
            _ = fail("Invalid object key", "Key expression in 'for' expression must not produce a null value.", at: keyExpression.range)
            return nil
        default:
            guard let name = key.asString else {
                _ = fail("Invalid object key", "The key expression produced an invalid result: \(Self.conversionProblem(key, to: "string")).", at: keyExpression.range)
                return nil
            }
            if loop.grouping {
                groups[name, default: []].append(value)
            } else if members[name] != nil {
                _ = fail(
                    "Duplicate object key",
                    "Two different items produced the key \"\(name)\" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.",
                    at: keyExpression.range)
                return nil
            } else {
                members[name] = value
            }
            return .null
        }
    }

    // MARK: templates

    mutating func evaluateTemplate(_ parts: [TemplatePart]) -> HCLValue {
        var output = ""
        var unknown = false
        appendTemplate(parts, to: &output, unknown: &unknown)
        return unknown ? .unknown : .string(Normalization.nfc(output))
    }

    private mutating func appendTemplate(_ parts: [TemplatePart], to output: inout String, unknown: inout Bool) {
        for part in parts {
            switch part {
            case .literal(let text):
                output += text
            case .interpolation(let expression):
                let value = evaluate(expression)
                switch value {
                case .unknown:
                    unknown = true
                case .null:
                    _ = fail(
                        "Invalid template interpolation value",
                        "The expression result is null. Cannot include a null value in a string template.", at: expression.range)
                    unknown = true
                default:
                    if let text = value.asString {
                        output += text
                    } else if !value.isKnown {
                        unknown = true
                    } else {
                        _ = fail(
                            "Invalid template interpolation value",
                            "Cannot include the given value in a string template: string required.", at: expression.range)
                        unknown = true
                    }
                }
            case .ifDirective(let condition, let then, let otherwise):
                let value = evaluate(condition)
                switch value {
                case .unknown:
                    unknown = true
                case .null:
                    _ = fail("Null condition", "The condition value is null. Conditions must either be true or false.", at: condition.range)
                    unknown = true
                default:
                    guard let flag = value.asBool else {
                        _ = fail(
                            "Incorrect condition type", "The condition expression must be of type bool.", at: condition.range)
                        unknown = true
                        continue
                    }
                    appendTemplate(flag ? then : otherwise, to: &output, unknown: &unknown)
                }
            case .forDirective(let keyVariable, let valueVariable, let collection, let body):
                let value = evaluate(collection)
                if case .unknown = value {
                    unknown = true
                    continue
                }
                guard let pairs = iterationPairs(value, range: collection.range, what: "for") else {
                    unknown = true
                    continue
                }
                for (key, element) in pairs {
                    with(keyVariable, key) { run in
                        run.with(valueVariable, element) { run in
                            run.appendTemplate(body, to: &output, unknown: &unknown)
                        }
                    }
                }
            }
        }
    }
}
