import DriftModel
import HCL

/// Every instance of one `resource` block; the value other expressions see as `T.N` is built
/// from it on first reference (`ModuleInstance.referenceValue`).
struct ResourceResult {
    enum Shape { case single, counted, keyed, undecidable }

    var instances: [ResourceInstance]
    /// An object for a single instance, a tuple for `count`, an object by key for `for_each`,
    /// `unknown` when the repetition is not known offline.
    var shape: Shape
    /// Top-level arguments derived from sensitive values (in any instance).
    var sensitive: Set<String>

    static let unknown = ResourceResult(instances: [], shape: .undecidable, sensitive: [])

    /// Whether a traversal `T.N<steps>` reads a sensitive argument.
    func touchesSensitive(_ steps: [TraversalStep]) -> Bool {
        guard !sensitive.isEmpty else { return false }
        for step in steps {
            if case .attribute(let name) = step { return sensitive.contains(name) }
        }
        return true
    }
}

/// What expressions need of one instance; its `DeclaredResource` goes to `LoadSession.resourceChunks`
/// as soon as it is built, while its memory is still warm, instead of being copied out later.
struct ResourceInstance {
    var index: ResourceIndex?
    /// The evaluated arguments (HCL values), `tags_all`, `id` and defaults: the reference object
    /// before the schema's other attributes are filled in.
    var partialReference: [String: HCLValue]
}

extension ModuleInstance {
    /// The resource's instances, evaluated once; a resource that refers to itself (directly or
    /// through others) is reported as a cycle.
    func resourceResult(_ decl: ResourceDecl) -> ResourceResult {
        if let cached = session.lock.sync({ resourceCache[decl.key] }) { return cached }
        let key = keyPrefix + decl.key
        let evaluated = session.guarded(key, at: decl.block.typeRange, describe: { chain in
            chain.hasPrefix(key + " → " + key)
                ? "Self-referential block: configuration for \(key) may not refer to itself"
                : "Cycle: the chain is \(chain)"
        }) { evaluateResource(decl) }
        let result = evaluated?.result ?? .unknown
        return session.lock.sync {
            // Another thread (or, in a cycle, an inner reference) may have stored this block first:
            // only the stored result's resources are the block's.
            if let first = resourceCache[decl.key] { return first }
            resourceCache[decl.key] = result
            if let declared = evaluated?.declared, !declared.isEmpty { session.resourceChunks.append(declared) }
            return result
        }
    }

    private func evaluateResource(_ decl: ResourceDecl) -> (result: ResourceResult, declared: [DeclaredResource]) {
        checkEphemeralArguments(decl)
        let outcome = expansion(count: decl.count, forEach: decl.forEach, scope: [:])
        guard case .instances(let instances) = outcome else { return (.unknown, []) }
        let builder = ResourceInstanceBuilder(module: self, decl: decl)
        var built: [ResourceInstance] = []
        var declared: [DeclaredResource] = []
        built.reserveCapacity(instances.count)
        declared.reserveCapacity(instances.count)
        var sensitive: Set<String> = []
        let configBody = decl.configBody
        var layout: EvaluatedBody.Layout?
        for instance in instances {
            let (resource, reference) = builder.build(configBody: configBody, instance: instance, layout: &layout)
            built.append(ResourceInstance(index: resource.index, partialReference: reference))
            sensitive.formUnion(resource.sensitive)
            declared.append(resource)
        }
        // In address order while they are warm (`count` gives [10] before [2]): the session then
        // orders whole blocks (`LoadSession.takeSortedResources`).
        if zip(declared, declared.dropFirst()).contains(where: { !AddressOrder.precedes($0.address, $1.address) }) {
            declared.sort { AddressOrder.precedes($0.address, $1.address) }
        }
        let shape: ResourceResult.Shape = decl.forEach != nil ? .keyed : decl.count != nil ? .counted : .single
        return (ResourceResult(instances: built, shape: shape, sensitive: sensitive), declared)
    }

    /// `T.N` as expressions see it: each instance's arguments plus every other schema attribute
    /// (computed ones unknown, unset optional ones null).
    ///
    /// `steps` are what a traversal reads after `T.N` when it is the expression's only reference
    /// to the resource: instances it does not select stay as their own arguments, and a selected
    /// one read through an attribute gets only that attribute's fill, since nothing else of them
    /// can be read. The whole value is memoized only when a second reference asks for it: the
    /// filled objects are several KB per instance, and most resources are read whole once (one
    /// `for_each`), so building them for that one reference keeps the memory transient.
    func referenceValue(_ decl: ResourceDecl, steps: ArraySlice<TraversalStep> = []) -> HCLValue {
        let result = resourceResult(decl)
        let filler = ReferenceFiller(type: decl.type, fill: session.referenceFill(for: decl.type))
        if let selected = filler.selection(of: result, reading: steps) { return selected }
        if let cached = session.lock.sync({ referenceCache[decl.key] }) { return cached }
        let value = filler.whole(result)
        return session.lock.sync {
            if wholeReferenceBuilt.insert(decl.key).inserted { return value }
            return referenceCache.storeFirst(value, for: decl.key)
        }
    }

    /// The instances `count`/`for_each` ask for (both set is an error).
    func expansion(count: Attribute?, forEach: Attribute?, scope: [String: HCLValue]) -> Expansion.Outcome {
        if let count, let forEach {
            log.error(
                "Invalid combination of \"count\" and \"for_each\": the \"count\" and \"for_each\" meta-arguments "
                    + "are mutually-exclusive, only one should be used to be explicit about the number of resources "
                    + "to be created", at: forEach.nameRange)
            _ = count
            return .undecidable
        }
        if let count {
            return Expansion.count(evaluate(count.expression, scope: scope).value, at: count.expression.range, log: log)
        }
        if let forEach {
            let value = evaluate(forEach.expression, scope: scope)
            if value.sensitive {
                log.error(
                    "Invalid for_each argument: sensitive values, or values derived from sensitive values, cannot "
                        + "be used as for_each arguments", at: forEach.expression.range)
                return .undecidable
            }
            return Expansion.forEach(value.value, at: forEach.expression.range, log: log)
        }
        return Expansion.single
    }

    /// The root provider key a resource (or a module's resources) use: `provider = aws.west` or
    /// the default provider of the type's prefix, through the module's `providers` map.
    func providerKey(for decl: ResourceDecl) -> String {
        let local: String
        if let attribute = decl.provider {
            if let ref = attribute.expression.providerReference {
                local = ref.alias.map { "\(ref.name).\($0)" } ?? ref.name
            } else {
                log.error("Invalid provider reference: a provider reference must be a name, optionally followed by "
                          + "an alias: aws or aws.west", at: attribute.expression.range)
                local = Self.providerName(for: decl.type)
            }
        } else {
            local = Self.providerName(for: decl.type)
        }
        return resolvedProviderKey(local, for: decl)
    }

    static func providerName(for type: String) -> String {
        // By bytes: iterating characters does grapheme breaking, once per resource block.
        guard let end = type.utf8.firstIndex(of: UInt8(ascii: "_")) else { return type }
        return String(type[..<end])
    }

    /// Evaluates every local, output and data source argument so that their errors are reported,
    /// then lists this instance's resources and walks child modules.
    func walk() {
        // Data sources first, as `terraform plan` reads them before it plans the resources.
        for key in config.dataSources.keys.sorted() {
            guard let block = config.dataSources[key] else { continue }
            _ = dataSourceResult(block)
        }
        let evaluatedAll = evaluateResourcesInParallel()
        // Only those no resource needed are left to evaluate (and to sort, for a stable order).
        let pending = session.lock.sync { config.locals.keys.filter { localCache[$0] == nil } }
        for name in pending.sorted() { _ = localValue(name) }
        // Evaluating a block hands its resources to the session.
        if !evaluatedAll {
            for decl in config.resources { _ = resourceResult(decl) }
        }
        recordMoves()
        for call in config.moduleCalls {
            for child in moduleResult(call).children { child.walk() }
        }
        for name in config.outputs.keys.sorted() { _ = outputValue(name) }
    }

    /// Below this many resource blocks, starting threads costs more than it saves.
    static let parallelThreshold = 512

    /// Evaluates a large module's resources on `session.workers` threads at once, each taking the
    /// next batch of blocks in order; the walk then reads them from the cache in order, so the
    /// result does not depend on which thread evaluated what.
    /// Whether it evaluated them (false when the module is too small or workers already run).
    private func evaluateResourcesInParallel() -> Bool {
        let decls = config.resources
        let workers = min(session.workers, decls.count / Self.parallelThreshold)
        guard workers > 1, !session.lock.isShared else { return false }
        final class Cursor: @unchecked Sendable { var next = 0 }
        let cursor = Cursor()
        let batch = 64
        session.lock.isShared = true
        defer { session.lock.isShared = false }
        _ = LargeStackThread.runAll((0..<workers).map { _ in
            {
                while true {
                    let start = self.session.lock.sync {
                        defer { cursor.next += batch }
                        return cursor.next
                    }
                    guard start < decls.count else { return }
                    for decl in decls[start..<min(start + batch, decls.count)] { _ = self.resourceResult(decl) }
                }
            }
        })
        return true
    }
}

/// Builds a resource's reference value from its instances' own arguments and its type's fill.
private struct ReferenceFiller {
    let type: String
    let fill: [String: HCLValue]

    /// Every instance filled in.
    func whole(_ result: ResourceResult) -> HCLValue {
        switch result.shape {
        case .undecidable:
            return .unknown
        case .single:
            return result.instances.first.map { object($0, reading: []) } ?? .unknown
        case .counted:
            return .tuple(result.instances.map { object($0, reading: []) })
        case .keyed:
            var byKey: [String: HCLValue] = [:]
            byKey.reserveCapacity(result.instances.count)
            for item in result.instances {
                if case .string(let k)? = item.index { byKey[k] = object(item, reading: []) }
            }
            return .object(byKey)
        }
    }

    /// The value with only what `steps` read filled in: one instance selected by a literal index,
    /// or a single instance's attribute. `nil` when the steps select no one instance.
    func selection(of result: ResourceResult, reading steps: ArraySlice<TraversalStep>) -> HCLValue? {
        switch result.shape {
        case .undecidable:
            return nil
        case .single:
            guard case .attribute? = steps.first, let instance = result.instances.first else { return nil }
            return object(instance, reading: steps)
        case .counted:
            guard case .index(.number(let n))? = steps.first, let selected = n.intValue, selected >= 0,
                selected < result.instances.count
            else { return nil }
            return .tuple(result.instances.indices.map { i in
                i == selected
                    ? object(result.instances[i], reading: steps.dropFirst())
                    : .object(result.instances[i].partialReference)
            })
        case .keyed:
            guard case .index(.string(let selected))? = steps.first else { return nil }
            var byKey: [String: HCLValue] = [:]
            byKey.reserveCapacity(result.instances.count)
            for item in result.instances {
                guard case .string(let k)? = item.index else { continue }
                byKey[k] = k == selected ? object(item, reading: steps.dropFirst()) : .object(item.partialReference)
            }
            return .object(byKey)
        }
    }

    /// The whole object when `reading` is empty or starts elsewhere than at an attribute; else
    /// the instance's own arguments plus the one attribute read.
    private func object(_ instance: ResourceInstance, reading steps: ArraySlice<TraversalStep>) -> HCLValue {
        if case .attribute(let name)? = steps.first {
            var members = instance.partialReference
            if let own = members[name] {
                members[name] = BlockReferenceFill.reference(own, name: name, type: type)
            } else if let filled = fill[name] {
                members[name] = filled
            }
            return .object(members)
        }
        // The fill has every schema attribute and the instance a few: copying the fill's storage
        // and setting the few is far cheaper than merging the many into the few.
        var members = fill
        for (name, value) in instance.partialReference {
            members[name] = BlockReferenceFill.reference(value, name: name, type: type)
        }
        return .object(members)
    }
}
