import DriftModel
import HCL

/// Every instance of one `data` block, as expressions see `data.T.N`.
struct DataSourceResult {
    var shape: ResourceResult.Shape
    var instances: [(index: ResourceIndex?, value: HCLValue)]
    /// Attributes that are sensitive (`aws_ssm_parameter.value`) or derive from sensitive values.
    var sensitive: Set<String>

    static let unknown = DataSourceResult(shape: .undecidable, instances: [], sensitive: [])

    /// An object for a single instance, a tuple for `count` (empty for `count = 0`), an object by
    /// key for `for_each`, `unknown` when the repetition is not known.
    var value: HCLValue {
        switch shape {
        case .undecidable: return .unknown
        case .single: return instances.first?.value ?? .unknown
        case .counted: return .tuple(instances.map(\.value))
        case .keyed:
            var byKey: [String: HCLValue] = [:]
            for (index, value) in instances { if case .string(let key)? = index { byKey[key] = value } }
            return .object(byKey)
        }
    }

    /// Whether a traversal `data.T.N<steps>` reads a sensitive attribute.
    func touchesSensitive(_ steps: ArraySlice<TraversalStep>) -> Bool {
        guard !sensitive.isEmpty else { return false }
        for step in steps {
            if case .attribute(let name) = step { return sensitive.contains(name) }
        }
        return true
    }
}

extension ModuleInstance {
    /// The data block's instances, evaluated and read once: `aws_iam_policy_document` rendered
    /// offline, other types read through the session's `DataSourceReader` when their arguments are
    /// known, else unknown (as `terraform plan` shows a data source it cannot read yet).
    func dataSourceResult(_ block: Block) -> DataSourceResult {
        guard block.labels.count == 2 else { return .unknown }
        let key = "data.\(block.labels[0]).\(block.labels[1])"
        if let cached = session.lock.sync({ dataSourceCache[key] }) { return cached }
        let stackKey = keyPrefix + key
        let evaluated = session.guarded(stackKey, at: block.declRange, describe: { chain in
            chain.hasPrefix(stackKey + " → " + stackKey)
                ? "Self-referential block: configuration for \(stackKey) may not refer to itself"
                : "Cycle: the chain is \(chain)"
        }) { evaluateDataSource(block, address: stackKey) }
        return session.lock.sync { dataSourceCache.storeFirst(evaluated ?? .unknown, for: key) }
    }

    private static let metaArguments: Set<String> = ["count", "for_each", "provider", "depends_on"]

    private func evaluateDataSource(_ block: Block, address: String) -> DataSourceResult {
        checkDataSourceProvider(block)
        let type = block.labels[0]
        let count = block.body.attribute("count"), forEach = block.body.attribute("for_each")
        guard case .instances(let instances) = expansion(count: count, forEach: forEach, scope: [:]) else {
            return .unknown
        }
        var body = block.body
        body.attributes.removeAll { Self.metaArguments.contains($0.name) }
        body.blocks.removeAll { $0.type == "lifecycle" }
        let evaluator = BodyEvaluator(module: self)
        var result = DataSourceResult(
            shape: forEach != nil ? .keyed : count != nil ? .counted : .single, instances: [], sensitive: [])
        for instance in instances {
            let evaluated = evaluator.evaluate(body, schema: nil, scope: instance.scope, owner: block.typeRange)
            result.sensitive.formUnion(evaluated.sensitive)
            let instanceAddress = address + (instance.index?.description ?? "")
            let (value, sensitive) = read(type: type, arguments: evaluated.values, address: instanceAddress, block: block)
            result.sensitive.formUnion(sensitive)
            result.instances.append((instance.index, value))
        }
        return result
    }

    /// One instance's value: its arguments with the attributes the provider reads on top.
    private func read(
        type: String, arguments: [String: HCLValue], address: String, block: Block
    ) -> (HCLValue, Set<String>) {
        if type == "aws_iam_policy_document" {
            switch PolicyDocument.build(arguments) {
            case .unknown: return (.unknown, [])
            case .failed(let message):
                log.error("Reading \(address) failed", at: block.declRange, notes: [message])
                return (.unknown, [])
            case .rendered(let document):
                let (json, minified, id) = document.rendered
                var members = arguments
                members["json"] = .string(json)
                members["minified_json"] = .string(minified)
                members["id"] = .string(id)
                members["version"] = .string(arguments["version"]?.asString ?? "2012-10-17")
                return (.object(members), [])
            }
        }
        guard let reader = session.dataSourceReader else { return (.unknown, []) }
        guard reader.reads(type) else {
            session.warn(
                code: "UnreadDataSource",
                "data sources of type \(type) are not read by drift: what depends on them is unknown",
                source: nil)
            return (.unknown, [])
        }
        guard arguments.values.allSatisfy(\.isKnown) else { return (.unknown, []) }
        let key = dataSourceProviderKey(block)
        let request = DataSourceRequest(
            type: type, address: address,
            arguments: arguments.filter { $0.value != .null }.mapValues(ValueConverter.plain),
            providerKey: key, provider: session.provider(key) ?? ProviderSettings())
        switch reader.read(request) {
        case .found(let attributes, let sensitive):
            var members = arguments
            for (name, value) in attributes { members[name] = ValueConverter.hclValue(value) }
            return (.object(members), sensitive)
        case .failed(let message):
            log.error("Reading \(address) failed", at: block.declRange, notes: [message])
            return (.unknown, [])
        case .undetermined(let reason):
            session.warn(code: "UndeterminedDataSource", "\(address) is unknown: \(reason)",
                         source: block.declRange.location)
            return (.unknown, [])
        case .unreadable(let error):
            session.addReadError(error)
            return (.unknown, [])
        }
    }

    /// The root provider configuration a data block reads through: `provider = aws.west` or the
    /// type's default provider, through the module's `providers` map.
    private func dataSourceProviderKey(_ block: Block) -> String {
        var local = Self.providerName(for: block.labels[0])
        if let ref = block.body.attribute("provider")?.expression.providerReference {
            local = ref.alias.map { "\(ref.name).\($0)" } ?? ref.name
        }
        return providerMap[local] ?? local
    }
}
