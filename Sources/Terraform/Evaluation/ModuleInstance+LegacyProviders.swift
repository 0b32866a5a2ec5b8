import HCL

/// Child modules that configure their own `provider` blocks ("legacy modules"). Terraform gives
/// such a module its own provider configuration, addressed `module.M:aws` (`module.M:aws.ALIAS`
/// for an alias), which its resources and, unless a call passes `providers =`, its own child
/// modules use. An empty block (`provider "aws" {}`, `alias` aside) is a proxy when the call passes
/// that name in, and an empty configuration of its own when it does not. A module with non-empty
/// provider blocks cannot be called with `count`, `for_each` or `depends_on`, at any depth.
///
/// Everything here runs once per module call (or per child instance, which legacy modules have
/// only one of), never per resource instance.
extension ModuleInstance {
    /// The key `session.providers` holds a child's own configuration under: Terraform's
    /// provider config key in `terraform show -json` (`module.legacy:aws`, `module.a.module.b:aws.west`).
    static func ownProviderKey(address: String, local: String) -> String {
        "\(address):\(local)"
    }

    /// `providerMap` for one child instance: the caller's map with the child's own configurations
    /// (`own`, local keys) pointing at `module.M:aws`.
    static func providerMap(_ inherited: [String: String], own: [String], address: String) -> [String: String] {
        guard !own.isEmpty else { return inherited }
        var map = inherited
        for local in own { map[local] = ownProviderKey(address: address, local: local) }
        return map
    }

    /// The local keys (`aws`, `aws.tagged`) of the `provider "aws"` blocks `child` configures
    /// itself for this call, after reporting what Terraform rejects when loading the call:
    /// `count`/`for_each`/`depends_on` with configured providers anywhere below, and `providers =`
    /// entries that name a configuration the child has its own of.
    func legacyProviders(_ call: ModuleCallDecl, child: ModuleConfig, source: String) -> [String] {
        guard !child.providers.isEmpty || Self.repetitionRange(call) != nil else { return [] }
        let childPath = Self.staticPath(address) .map { $0 + ".module.\(call.name)" } ?? "module.\(call.name)"
        if let range = Self.repetitionRange(call) {
            reportConfiguredProviders(
                in: child, path: childPath, source: source, range: range, chain: ancestry + [config.relativePath])
        }
        let passed = Self.passedProviderNames(call)
        var own: [String] = []
        for block in child.providers {
            guard let local = Self.localProviderKey(block) else { continue }
            let configured = !Self.isEmptyProviderBlock(block)
            if let keyRange = passed[local] {
                if configured {
                    log.error(
                        "Cannot override provider configuration: the configuration of \(childPath) has its own local "
                            + "configuration for \(local), and so it cannot accept an overridden configuration "
                            + "provided by \(Self.staticPath(address) ?? "the root module")", at: keyRange)
                } else {
                    continue  // a proxy for the configuration the call passes in
                }
            }
            if block.labels.first == "aws" { own.append(local) }
        }
        return own
    }

    /// `count`, `for_each` or (the first entry of) `depends_on`, where Terraform reports a legacy
    /// module below the call.
    private static func repetitionRange(_ call: ModuleCallDecl) -> SourceRange? {
        if let count = call.count { return count.expression.range }
        if let forEach = call.forEach { return forEach.expression.range }
        guard let dependsOn = call.block.body.attribute("depends_on") else { return nil }
        if case .tuple(let items) = dependsOn.expression.kind, let first = items.first { return first.range }
        return dependsOn.expression.range
    }

    /// Walks the module tree below a repeated call statically, as `terraform init` does; a nested
    /// repeated call reports with its own range (the error names the closest cause).
    private func reportConfiguredProviders(
        in module: ModuleConfig, path: String, source: String, range: SourceRange, chain: [String]
    ) {
        if module.providers.contains(where: { !Self.isEmptyProviderBlock($0) }) {
            log.error(
                "Module is incompatible with count, for_each, and depends_on: the module at \(path) is a legacy "
                    + "module which contains its own local provider configurations, and so calls to it may not use "
                    + "the count, for_each, or depends_on arguments",
                at: range,
                notes: [
                    "If you also control the module \"\(source)\", consider updating this module to instead expect "
                        + "provider configurations to be passed by its caller."
                ])
        }
        let chain = chain + [module.relativePath]
        for call in module.moduleCalls {
            guard let source = call.source?.expression.staticString, source.hasPrefix("./") || source.hasPrefix("../")
            else { continue }
            let directory = LoadSession.join(module.relativePath, source)
            guard !chain.contains(directory),
                let child = session.config(relativePath: directory, reference: call.source?.expression.range)
            else { continue }
            reportConfiguredProviders(
                in: child, path: path + ".module.\(call.name)", source: source,
                range: Self.repetitionRange(call) ?? range, chain: chain)
        }
    }

    /// The child-side names of a call's `providers = { aws = aws.west }`, with their ranges.
    static func passedProviderNames(_ call: ModuleCallDecl) -> [String: SourceRange] {
        guard let attribute = call.providers, case .object(let items) = attribute.expression.kind else { return [:] }
        var names: [String: SourceRange] = [:]
        for item in items {
            guard let ref = item.key.providerReference ?? item.key.staticString.map({ ($0, nil) }) else { continue }
            names[ref.alias.map { "\(ref.name).\($0)" } ?? ref.name] = item.key.range
        }
        return names
    }

    /// `aws` or `aws.ALIAS` for a provider block; nil when the alias is not a literal name.
    static func localProviderKey(_ block: Block) -> String? {
        guard let name = block.labels.first else { return nil }
        guard let alias = block.body.attribute("alias") else { return name }
        return alias.expression.staticString.map { "\(name).\($0)" }
    }

    /// Terraform's test: a block with nothing but `alias`/`version` configures nothing.
    static func isEmptyProviderBlock(_ block: Block) -> Bool {
        block.body.blocks.isEmpty && block.body.attributes.allSatisfy { $0.name == "alias" || $0.name == "version" }
    }

    /// `module.a["k"].module.b` → `module.a.module.b`: the static path Terraform's load-time
    /// messages name. `nil` for the root.
    static func staticPath(_ address: String?) -> String? {
        guard let address else { return nil }
        var out = ""
        var depth = 0
        var inString = false
        var escaped = false
        for character in address {
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" {
                    inString = false
                }
                continue
            }
            switch character {
            case "[": depth += 1
            case "]": depth -= 1
            case "\"" where depth > 0: inString = true
            default: if depth == 0 { out.append(character) }
            }
        }
        return out
    }
}
