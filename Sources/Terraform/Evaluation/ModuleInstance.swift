import DriftModel
import HCL

/// A value with whether it derives from something `sensitive`.
struct Evaluated {
    var value: HCLValue
    var sensitive: Bool = false
    static let unknown = Evaluated(value: .unknown)
}

/// What a module instance's variables are given: the root's raw sources, or a call's arguments.
enum ModuleInputs {
    case root([String: RawVariableValue])
    case call([String: Evaluated], call: ModuleCallDecl)
}

/// One instance of a module (the root, or `module.m["k"]`): evaluates its variables, locals,
/// resources, outputs and child modules lazily, each once, building each expression's scope from
/// the references `Expression.traversals()` reports.
final class ModuleInstance {
    let session: LoadSession
    let config: ModuleConfig
    /// `module.a["k"].module.b`; `nil` for the root.
    let address: String?
    let inputs: ModuleInputs
    /// Local provider key (`aws`, `aws.west`) → the root provider key it stands for.
    let providerMap: [String: String]

    var variableCache: [String: Evaluated] = [:]
    var localCache: [String: Evaluated] = [:]
    var outputCache: [String: Evaluated] = [:]
    var resourceCache: [String: ResourceResult] = [:]
    var dataSourceCache: [String: DataSourceResult] = [:]
    /// Whole reference values asked for more than once (`referenceValue`), and those asked for once.
    var referenceCache: [String: HCLValue] = [:]
    var wholeReferenceBuilt: Set<String> = []
    var moduleCache: [String: ModuleCallResult] = [:]
    var contextCache: [ContextKey: CachedContext] = [:]

    /// Module directories of the calling instances, root first: a call back into one is a loop.
    let ancestry: [String]

    init(
        session: LoadSession, config: ModuleConfig, address: String?, inputs: ModuleInputs,
        providerMap: [String: String], ancestry: [String] = []
    ) {
        self.ancestry = ancestry
        self.session = session
        self.config = config
        self.address = address
        self.inputs = inputs
        self.providerMap = providerMap
    }

    var log: DiagnosticLog { session.log }
    var isRoot: Bool { address == nil }
    /// Prefix for evaluation-stack keys, so that two instances never share one.
    var keyPrefix: String { address.map { $0 + "." } ?? "" }
    var moduleDescription: String { address ?? "the root module" }

    /// Evaluates `expression` with `scope` (`count`, `each`, iterators) on top of module references.
    /// `contexts`: the evaluating block's own cache, when its instances evaluate on this thread.
    func evaluate(
        _ expression: Expression, scope: [String: HCLValue] = [:], contexts: BlockContexts? = nil
    ) -> Evaluated {
        switch expression.kind {
        case .literal(let value): return Evaluated(value: value)
        case .template(let parts) where parts.count == 1:
            if case .literal(let text) = parts[0] { return Evaluated(value: .string(text)) }
        case .getAttribute(let base, let name):
            if case .variable(let root) = base.kind, scope[root] == nil, let value = directReference(root, name) {
                return value
            }
        default: break
        }
        let (context, sensitive) = makeContext(for: expression, scope: scope, contexts: contexts)
        let (value, diagnostics) = HCLBridge.evaluate(expression, in: context)
        log.add(contentsOf: diagnostics)
        return Evaluated(value: value, sensitive: sensitive)
    }

    /// `local.x`, `var.x` or `T.N` alone (`for_each = local.envs`, `for_each = aws_s3_bucket.b`)
    /// is the memoized value itself: the same value and sensitivity the general path gives, without
    /// building a context and running the evaluator. `nil` for anything else, or when the name is
    /// not declared (the general path reports it).
    private func directReference(_ root: String, _ name: String) -> Evaluated? {
        switch root {
        case "local":
            return config.locals[name] == nil ? nil : localValue(name)
        case "var":
            return config.variable(name) == nil ? nil : variableValue(name)
        case "module", "data", "ephemeral", "path", "terraform", "count", "each", "self":
            return nil
        default:
            guard let decl = config.resource(type: root, name: name) else { return nil }
            let result = resourceResult(decl)
            return Evaluated(value: referenceValue(decl), sensitive: result.touchesSensitive([]))
        }
    }

    /// The scope `expression` needs: only the roots its traversals name, each resolved lazily.
    /// Everything but `scope` depends only on this module instance's (memoized) values, so it is
    /// built once per expression and reused: every instance of a counted resource evaluates the
    /// same expressions with only `count`/`each` changed.
    func makeContext(
        for expression: Expression, scope: [String: HCLValue], contexts: BlockContexts? = nil
    ) -> (EvalContext, Bool) {
        // Without `count`/`each`/an iterator, an expression is evaluated once per module instance
        // (locals, outputs and single resources are memoized): nothing to reuse.
        guard !scope.isEmpty else {
            let (roots, sensitive) = buildRoots(for: expression, scope: scope)
            return (EvalContext(variables: roots, functions: session.functions), sensitive)
        }
        // A block's own cache when its instances evaluate on this thread, else the module's.
        let blockKey = BlockContexts.key(expression.range)
        let cached = if let contexts { contexts.entries[blockKey] } else {
            session.lock.sync { contextCache[ContextKey(expression.range)] }
        }
        if let cached, cached.matches(scope) {
            return (EvalContext(variables: cached.roots, functions: session.functions, scope: scope), cached.sensitive)
        }
        let (roots, sensitive) = buildRoots(for: expression, scope: scope)
        let entry = CachedContext(roots: roots, sensitive: sensitive, scopeNames: Array(scope.keys))
        if let contexts {
            contexts.entries[blockKey] = entry
        } else {
            session.lock.sync { contextCache[ContextKey(expression.range)] = entry }
        }
        return (EvalContext(variables: roots, functions: session.functions, scope: scope), sensitive)
    }

    /// The roots `expression` reads apart from `scope`, and whether any derives from a sensitive value.
    private func buildRoots(for expression: Expression, scope: [String: HCLValue]) -> ([String: HCLValue], Bool) {
        var roots: [String: HCLValue] = [:]
        var vars: [String: HCLValue] = [:]
        var locals: [String: HCLValue] = [:]
        var modules: [String: HCLValue] = [:]
        var resources: [String: [String: HCLValue]] = [:]
        var data: [String: [String: HCLValue]] = [:]
        var ephemeral: [String: [String: HCLValue]] = [:]
        var sensitive = false
        // traversals() already leaves out names bound inside the expression (for variables).
        let traversals = HCLBridge.traversals(expression)
        // A resource read by one traversal gets only what that traversal reads filled in
        // (`referenceValue`); read by several, the whole value.
        var readsOfResource: [String: Int] = [:]
        if traversals.count > 1 {
            for traversal in traversals where scope[traversal.root] == nil {
                if case .attribute(let name)? = traversal.steps.first { readsOfResource[traversal.root + "." + name, default: 0] += 1 }
            }
        }
        for traversal in traversals {
            let root = traversal.root
            if scope[root] != nil { continue }
            let first: String? = if case .attribute(let name)? = traversal.steps.first { name } else { nil }
            switch root {
            case "var":
                guard let name = first else { continue }
                guard config.variable(name) != nil else {
                    log.error(
                        "Reference to undeclared input variable: an input variable with the name \"\(name)\" has "
                            + "not been declared. This variable can be declared with a variable \"\(name)\" {} block",
                        at: traversal.range)
                    vars[name] = .unknown
                    continue
                }
                let value = variableValue(name)
                vars[name] = value.value
                sensitive = sensitive || value.sensitive
            case "local":
                guard let name = first else { continue }
                guard config.locals[name] != nil else {
                    log.error(
                        "Reference to undeclared local value: a local value with the name \"\(name)\" has not "
                            + "been declared", at: traversal.range)
                    locals[name] = .unknown
                    continue
                }
                let value = localValue(name)
                locals[name] = value.value
                sensitive = sensitive || value.sensitive
            case "module":
                guard let name = first else { continue }
                guard let call = config.moduleCall(name) else {
                    log.error(
                        "Reference to undeclared module: no module call named \"\(name)\" is declared in "
                            + "\(moduleDescription)", at: traversal.range)
                    modules[name] = .unknown
                    continue
                }
                let value = moduleValue(call)
                modules[name] = value.value
                sensitive = sensitive || value.sensitive
            case "data":
                guard let type = first, traversal.steps.count >= 2,
                    case .attribute(let name) = traversal.steps[1]
                else { continue }
                guard let block = config.dataSources["\(type).\(name)"] else {
                    log.error(
                        "Reference to undeclared resource: a data resource \"\(type)\" \"\(name)\" has not been "
                            + "declared in \(moduleDescription)", at: traversal.range)
                    data[type, default: [:]][name] = .unknown
                    continue
                }
                let result = dataSourceResult(block)
                let rest = traversal.steps.dropFirst(2)
                data[type, default: [:]][name] = Self.fillPath(data[type]?[name] ?? result.value, Array(rest))
                sensitive = sensitive || result.touchesSensitive(rest)
            case "ephemeral":
                guard let type = first, traversal.steps.count >= 2,
                    case .attribute(let name) = traversal.steps[1]
                else { continue }
                if !config.ephemeralResources.contains("\(type).\(name)") {
                    log.error(
                        "Reference to undeclared resource: an ephemeral resource \"\(type)\" \"\(name)\" has not "
                            + "been declared in \(moduleDescription)", at: traversal.range)
                }
                ephemeral[type, default: [:]][name] = .unknown
            case "path":
                roots["path"] = pathObject
            case "terraform":
                roots["terraform"] = .object(["workspace": .string(session.workspace)])
            case "count":
                log.error(
                    "Reference to \"count\" in non-counted context: the \"count\" object can only be used in "
                        + "\"module\", \"resource\", and \"data\" blocks, and only when the \"count\" argument is set",
                    at: traversal.range)
                roots["count"] = .object(["index": .unknown])
            case "each":
                log.error(
                    "Reference to \"each\" in context without for_each: the \"each\" object can be used only in "
                        + "\"module\" or \"resource\" blocks, and only when the \"for_each\" argument is set",
                    at: traversal.range)
                roots["each"] = .object(["key": .unknown, "value": .unknown])
            case "self":
                roots["self"] = .unknown
            default:
                guard let name = first else {
                    if config.resourceTypes.contains(root) {
                        log.error(
                            "Invalid reference: a reference to a resource type must be followed by at least one "
                                + "attribute access, specifying the resource name", at: traversal.range)
                    }
                    continue
                }
                guard let decl = config.resource(type: root, name: name) else {
                    log.error(
                        "Reference to undeclared resource: a managed resource \"\(root)\" \"\(name)\" has not been "
                            + "declared in \(moduleDescription)", at: traversal.range)
                    resources[root, default: [:]][name] = .unknown
                    continue
                }
                let result = resourceResult(decl)
                let rest = Array(traversal.steps.dropFirst())
                let selection = (readsOfResource[decl.key] ?? 1) > 1 ? [] : rest[...]
                resources[root, default: [:]][name] = Self.fillPath(
                    resources[root]?[name] ?? referenceValue(decl, steps: selection), rest)
                sensitive = sensitive || result.touchesSensitive(rest)
            }
        }
        if !vars.isEmpty { roots["var"] = .object(vars) }
        if !locals.isEmpty { roots["local"] = .object(locals) }
        if !modules.isEmpty { roots["module"] = .object(modules) }
        if !data.isEmpty { roots["data"] = .object(data.mapValues { .object($0) }) }
        if !ephemeral.isEmpty { roots["ephemeral"] = .object(ephemeral.mapValues { .object($0) }) }
        for (type, byName) in resources { roots[type] = .object(byName) }
        return (roots, sensitive)
    }

    /// `path.module` (relative to the root, `.` for the root), `path.root`, `path.cwd`.
    var pathObject: HCLValue {
        .object([
            "module": .string(config.relativePath), "root": .string("."),
            "cwd": .string(session.rootDirectory),
        ])
    }

    /// Adds `unknown` for an attribute a traversal reads that the reference object lacks (a
    /// computed attribute of a type the schema table does not describe).
    static func fillPath(_ value: HCLValue, _ steps: [TraversalStep]) -> HCLValue {
        guard let step = steps.first else { return value }
        switch (value, step) {
        case (.object(var members), .attribute(let name)):
            members[name] = fillPath(members[name] ?? .unknown, Array(steps.dropFirst()))
            return .object(members)
        case (.object(var members), .index(.string(let key))):
            if let member = members[key] { members[key] = fillPath(member, Array(steps.dropFirst())) }
            return .object(members)
        case (.tuple(var items), .index(.number(let n))):
            if let i = n.intValue, items.indices.contains(i) { items[i] = fillPath(items[i], Array(steps.dropFirst())) }
            return .tuple(items)
        default:
            return value
        }
    }
}

/// An expression by where it was parsed: two expressions at one place in one file are the same.
struct ContextKey: Hashable {
    var filename: String
    var start: Int
    var end: Int

    init(_ range: SourceRange) {
        filename = range.filename
        start = range.start.offset
        end = range.end.offset
    }
}

/// `makeContext`'s result minus the scope it was given, and which names that scope had (a
/// reference to one of them came from the scope, not the module).
struct CachedContext {
    var roots: [String: HCLValue]
    var sensitive: Bool
    var scopeNames: [String]

    /// Whether `scope` binds the same names (a reference to one of them came from the scope).
    func matches(_ scope: [String: HCLValue]) -> Bool {
        scopeNames.count == scope.count && scopeNames.allSatisfy { scope[$0] != nil }
    }
}

/// The contexts of one resource block's expressions, shared by its instances: one thread
/// evaluates a block, so they need neither the session's lock nor a filename in the key.
final class BlockContexts {
    var entries: [Int: CachedContext] = [:]

    static func key(_ range: SourceRange) -> Int { range.start.offset << 32 | range.end.offset }
}

extension Dictionary {
    /// Stores `value` unless another thread stored one first, and returns what is stored: every
    /// reader then sees one value (one set of child module instances, for module calls).
    mutating func storeFirst(_ value: Value, for key: Key) -> Value {
        if let first = self[key] { return first }
        self[key] = value
        return value
    }
}
