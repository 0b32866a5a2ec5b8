import DriftModel
import HCL

/// A root variable's value as its source gave it, before type conversion.
enum RawVariableValue {
    /// From `TF_VAR_*` or `--var`: literal for primitive types, HCL for complex ones.
    case text(String, origin: String)
    /// From a `.tfvars` file.
    case expression(Expression)
    /// From a `.tfvars.json` file.
    case value(HCLValue, range: SourceRange)
}

extension ModuleInstance {
    /// `var.name`: the given value (or the default), converted to the declared type, `nullable`
    /// applied and `validation` rules checked.
    func variableValue(_ name: String) -> Evaluated {
        if let cached = session.lock.sync({ variableCache[name] }) { return cached }
        guard let decl = config.variable(name) else { return .unknown }
        var sensitive = false
        if let flag = decl.sensitive { sensitive = evaluate(flag.expression).value == .bool(true) }
        var type: VariableType?
        if let typeAttribute = decl.type {
            switch VariableType.parse(typeAttribute.expression.jsonKeywordExpression) {
            case .success(let t): type = t
            case .failure(let e):
                log.add(Diagnostic(message: e.summary, range: e.range, notes: [e.detail]))
            }
        }
        let nullable = decl.nullable.map { evaluate($0.expression).value != .bool(false) } ?? true
        var given = givenValue(decl, type: type)
        if given.map({ $0.value.value == .null && !nullable }) == true { given = nil }
        var result: Evaluated
        if let given {
            result = convert(given.value, type: type, decl: decl, at: given.range, isDefault: false)
        } else if let defaultAttribute = decl.defaultValue {
            result = convert(evaluate(defaultAttribute.expression), type: type, decl: decl,
                             at: defaultAttribute.expression.range, isDefault: true)
        } else {
            reportMissing(decl)
            result = .unknown
        }
        // A null default of a non-nullable variable is a configuration error, reported at load.
        if result.value == .null && !nullable && given != nil {
            log.error(
                "Invalid value for input variable: the variable \"\(name)\" is not nullable, so it cannot be null",
                at: decl.block.typeRange)
            result = .unknown
        }
        result.sensitive = result.sensitive || sensitive
        result = session.lock.sync { variableCache.storeFirst(result, for: name) }
        validate(decl, value: result)
        return result
    }

    private func givenValue(_ decl: VariableDecl, type: VariableType?) -> (value: Evaluated, range: SourceRange)? {
        switch inputs {
        case .call(let arguments, let call):
            guard let value = arguments[decl.name] else { return nil }
            let range = call.block.body.attribute(decl.name)?.expression.range ?? call.block.typeRange
            return (value, range)
        case .root(let raw):
            guard let input = raw[decl.name] else { return nil }
            switch input {
            case .value(let value, let range): return (Evaluated(value: value), range)
            case .expression(let expression):
                let (value, diagnostics) = HCLBridge.evaluate(
                    expression, in: EvalContext(variables: [:], functions: session.functions))
                log.add(contentsOf: diagnostics)
                return (Evaluated(value: value), expression.range)
            case .text(let text, let origin):
                if type?.isPrimitive ?? true {
                    return (Evaluated(value: .string(text)), HCLBridge.emptyRange(origin))
                }
                let (expression, parseDiagnostics) = HCLBridge.parseExpression(text, filename: origin)
                log.addSource(text, filename: origin)
                log.add(contentsOf: parseDiagnostics)
                let (value, diagnostics) = HCLBridge.evaluate(
                    expression, in: EvalContext(variables: [:], functions: session.functions))
                log.add(contentsOf: diagnostics)
                return (Evaluated(value: value), expression.range)
            }
        }
    }

    private func convert(
        _ value: Evaluated, type: VariableType?, decl: VariableDecl, at range: SourceRange, isDefault: Bool
    ) -> Evaluated {
        guard let type, value.value != .unknown else { return value }
        switch type.convert(value.value) {
        case .success(let converted): return Evaluated(value: converted, sensitive: value.sensitive)
        case .failure(let message):
            let what = isDefault ? "Invalid default value for variable" : "Invalid value for input variable"
            log.error("\(what): the given value is not suitable for var.\(decl.name) declared at \(decl.block.typeRange.location): \(message)", at: range)
            return .unknown
        }
    }

    private func reportMissing(_ decl: VariableDecl) {
        switch inputs {
        case .root:
            guard !log.loadingFailed else { return }
            log.error(
                "No value for required variable: the root module input variable \"\(decl.name)\" is not set, and "
                    + "has no default value. Use a -var or -var-file command line argument to provide a value for "
                    + "this variable", at: decl.block.typeRange)
        case .call(_, let call):
            log.error(
                "Missing required argument: the argument \"\(decl.name)\" is required, but no definition was found",
                at: call.block.typeRange)
        }
    }

    private func validate(_ decl: VariableDecl, value: Evaluated) {
        guard value.value.isKnown else { return }
        for rule in decl.validations {
            guard let condition = rule.body.attribute("condition") else {
                log.error(
                    "Missing required argument: the argument \"condition\" is required, but no definition was found",
                    at: rule.typeRange)
                continue
            }
            switch evaluate(condition.expression).value {
            case .bool(true), .unknown: continue
            case .bool(false):
                var notes: [String] = []
                if let text = rule.body.attribute("error_message"),
                    case .string(let s) = evaluate(text.expression).value
                {
                    notes.append(s)
                }
                notes.append("This was checked by the validation rule at \(condition.range.location).")
                log.add(Diagnostic(message: "Invalid value for variable", range: condition.expression.range, notes: notes))
            case let other:
                log.error(
                    "Invalid variable validation result: the condition must return a bool, not \(other.typeName)",
                    at: condition.expression.range)
            }
        }
    }

    /// `local.name`, evaluated on first use; a cycle is reported with its chain.
    func localValue(_ name: String) -> Evaluated {
        if let cached = session.lock.sync({ localCache[name] }) { return cached }
        guard let attribute = config.locals[name] else { return .unknown }
        let result = session.guarded(keyPrefix + "local.\(name)", at: attribute.nameRange, describe: { chain in
            "Cycle in local values: the chain is \(chain)"
        }) { evaluate(attribute.expression) } ?? .unknown
        return session.lock.sync { localCache.storeFirst(result, for: name) }
    }

    /// `output "name"` of this instance, as the calling module sees `module.m.name`.
    func outputValue(_ name: String) -> Evaluated {
        if let cached = session.lock.sync({ outputCache[name] }) { return cached }
        guard let decl = config.outputs[name], let value = decl.value else { return .unknown }
        var result = session.guarded(keyPrefix + "output.\(name)", at: decl.block.typeRange, describe: { chain in
            "Cycle: the chain is \(chain)"
        }) { evaluate(value.expression) } ?? .unknown
        if let flag = decl.sensitive, evaluate(flag.expression).value == .bool(true) { result.sensitive = true }
        return session.lock.sync { outputCache.storeFirst(result, for: name) }
    }
}
