import DriftModel
import HCL

/// Every instance of one `module` call, and the value `module.NAME` has for the caller.
struct ModuleCallResult {
    var children: [ModuleInstance]
    var value: Evaluated

    static var unknown: ModuleCallResult { ModuleCallResult(children: [], value: .unknown) }
}

extension ModuleInstance {
    /// `module.NAME` as an expression sees it: an object of outputs per instance (a tuple for
    /// `count`, an object by key for `for_each`).
    func moduleValue(_ call: ModuleCallDecl) -> Evaluated {
        moduleResult(call).value
    }

    func moduleResult(_ call: ModuleCallDecl) -> ModuleCallResult {
        if let cached = session.lock.sync({ moduleCache[call.name] }) { return cached }
        let key = keyPrefix + "module.\(call.name)"
        let result = session.guarded(key, at: call.block.typeRange, describe: { "Cycle: the chain is \($0)" }) {
            evaluateCall(call)
        } ?? .unknown
        return session.lock.sync { moduleCache.storeFirst(result, for: call.name) }
    }

    private func evaluateCall(_ call: ModuleCallDecl) -> ModuleCallResult {
        guard let sourceAttribute = call.source else {
            log.error("Missing required argument: the argument \"source\" is required, but no definition was found",
                      at: call.block.typeRange)
            return .unknown
        }
        guard let source = sourceAttribute.expression.staticString else {
            log.error("Invalid module source: the module source must be a literal string",
                      at: sourceAttribute.expression.range)
            return .unknown
        }
        guard source.hasPrefix("./") || source.hasPrefix("../") else {
            _ = passedProviders(call)  // the caller's side is checked without the module
            session.warn(
                code: "ModuleNotEvaluable",
                "module \"\(call.name)\" uses source \"\(source)\", which is not a local path: it is not evaluable "
                    + "offline, its resources are not in the baseline and its outputs are unknown",
                source: sourceAttribute.range.location)
            return .unknown
        }
        let path = LoadSession.join(config.relativePath, source)
        let chain = ancestry + [config.relativePath]
        if chain.contains(path) {
            log.error(
                "Module source loop: module \"\(call.name)\" calls \"\(path)\", which is already being loaded "
                    + "by a calling module (\((chain + [path]).joined(separator: " → ")))",
                at: sourceAttribute.expression.range)
            return .unknown
        }
        guard let child = session.config(relativePath: path, reference: sourceAttribute.expression.range) else {
            return .unknown
        }
        for argument in call.arguments where child.variable(argument.name) == nil {
            log.error("Unsupported argument: an argument named \"\(argument.name)\" is not expected here",
                      at: argument.nameRange)
        }
        let outcome = expansion(count: call.count, forEach: call.forEach, scope: [:])
        guard case .instances(let instances) = outcome else { return .unknown }
        let providers = childProviderMap(call, child: child)
        let ownProviders = legacyProviders(call, child: child, source: source)
        var children: [ModuleInstance] = []
        var values: [HCLValue] = []
        var byKey: [String: HCLValue] = [:]
        var sensitive = false
        for instance in instances {
            var arguments: [String: Evaluated] = [:]
            for argument in call.arguments where child.variable(argument.name) != nil {
                arguments[argument.name] = evaluate(argument.expression, scope: instance.scope)
            }
            let address = keyPrefix + "module.\(call.name)" + (instance.index?.description ?? "")
            let module = ModuleInstance(
                session: session, config: child, address: address, inputs: .call(arguments, call: call),
                providerMap: Self.providerMap(providers, own: ownProviders, address: address), ancestry: chain)
            if !ownProviders.isEmpty { ProviderReader(module: module).readProviders() }
            children.append(module)
            var outputs: [String: HCLValue] = [:]
            for name in child.outputs.keys {
                let output = module.outputValue(name)
                outputs[name] = output.value
                sensitive = sensitive || output.sensitive
            }
            values.append(.object(outputs))
            if case .string(let k)? = instance.index { byKey[k] = .object(outputs) }
        }
        let value: HCLValue =
            call.forEach != nil ? .object(byKey) : call.count != nil ? .tuple(values) : (values.first ?? .unknown)
        return ModuleCallResult(children: children, value: Evaluated(value: value, sensitive: sensitive))
    }
}
