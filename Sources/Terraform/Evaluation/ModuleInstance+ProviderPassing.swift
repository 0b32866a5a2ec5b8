import HCL

/// How provider configurations reach child modules, as Terraform 1.11 resolves them (checked with
/// `terraform validate`/`plan` and hashicorp/aws 5.100; fixture `differential/module-provider-passing`):
/// - a default (unaliased) configuration is inherited from the caller, with or without a
///   `providers` argument on the call, unless the call passes that name;
/// - an aliased configuration reaches a child only when the call passes it
///   (`providers = { aws.west = aws.west }`); a resource that names an alias its module neither
///   configures nor receives is an error ("Provider configuration not present");
/// - an alias the child declares in `configuration_aliases` must be passed by every call;
/// - a call may pass only configurations its own module has: a `provider` block of its own, or
///   one its caller passes explicitly; an implicitly inherited default is not enough ("missing
///   provider");
/// - the warnings of `terraform validate` for names a module does not declare, and for empty
///   ("proxy") provider blocks in child modules.
///
/// `providerMap` holds a module's local keys (`aws`, `aws.west`) → the key `session.providers`
/// knows the configuration by; a local key the map lacks is the root's own configuration of that
/// name (only defaults reach that far down). Runs once per module call or resource declaration,
/// never per resource instance.
extension ModuleInstance {
    /// One `providers = { aws.west = aws.east2 }` entry: the child's key and local name, the
    /// caller's key, and where the child's side is written.
    struct PassedProvider {
        var childKey: String
        var childName: String
        var parentKey: String
        var childRange: SourceRange
        /// Where the caller's side (`aws.east2`) is written.
        var parentRange: SourceRange
    }

    /// A call's `providers` entries, after the caller's side of each is checked: the configuration
    /// must exist in this module and an unaliased name should be declared here. Runs for every
    /// local call, and for a call whose module is not evaluable offline (its side needs no child).
    func passedProviders(_ call: ModuleCallDecl) -> [PassedProvider] {
        guard let attribute = call.providers else { return [] }
        guard case .object(let items) = attribute.expression.kind else {
            log.error("Invalid providers argument: a map of provider references is required",
                      at: attribute.expression.range)
            return []
        }
        var passed: [PassedProvider] = []
        for item in items {
            guard let childRef = item.key.providerReference ?? item.key.staticString.map({ ($0, nil) }),
                let parentRef = item.value.providerReference
            else {
                log.error("Invalid provider reference: a provider reference must be a name, optionally followed "
                          + "by an alias: aws or aws.west", at: item.value.range)
                continue
            }
            let parentKey = parentRef.alias.map { "\(parentRef.name).\($0)" } ?? parentRef.name
            checkPassedConfiguration(parentKey, name: parentRef.name, at: item.value.range)
            passed.append(PassedProvider(
                childKey: childRef.alias.map { "\(childRef.name).\($0)" } ?? childRef.name, childName: childRef.name,
                parentKey: parentKey, childRange: item.key.range, parentRange: item.value.range))
        }
        return passed
    }

    /// The child's provider map for one call: the caller's default configurations, then the
    /// call's `providers = { aws = aws.west }` entries, each resolved to the key of the configuration.
    /// Reports what Terraform reports about the call's provider passing.
    func childProviderMap(_ call: ModuleCallDecl, child: ModuleConfig) -> [String: String] {
        var map = providerMap.filter { !$0.key.contains(".") }
        let required = RequiredProviders(child)
        var passed: Set<String> = []
        for entry in passedProviders(call) {
            map[entry.childKey] = providerMap[entry.parentKey] ?? entry.parentKey
            passed.insert(entry.childKey)
            checkAccepted(entry.childKey, name: entry.childName, child: child, required: required, call: call,
                          at: entry.childRange)
            checkProviderType(entry, required: required, call: call)
        }
        for alias in required.configurationAliases where !passed.contains(alias) {
            if child.providers.contains(where: { Self.localProviderKey($0) == alias && !Self.isEmptyProviderBlock($0) }) {
                continue
            }
            let name = String(alias.prefix { $0 != "." })
            log.error(
                "Missing required provider configuration: the child module requires an additional configuration "
                    + "for provider \(required.displayName(name)), with the local name \"\(alias)\".",
                at: call.block.typeRange,
                notes: [
                    "Refer to the module's documentation to understand the intended purpose of this additional "
                        + "provider configuration, and then add an entry for \(alias) in the \"providers\" "
                        + "meta-argument in the module block to choose which provider configuration the module "
                        + "should use for that purpose."
                ])
            map[alias] = alias  // reported once here, not again for each resource that uses it
        }
        warnEmptyProviderBlocks(child, call: call, required: required)
        return map
    }

    /// The configuration key a resource in this module uses for `local` (`aws`, `aws.west`); an
    /// alias the module neither configures nor receives is reported as Terraform does.
    func resolvedProviderKey(_ local: String, for decl: ResourceDecl) -> String {
        resolvedProviderKey(local, resource: decl.key, at: decl.provider?.expression.range ?? decl.block.typeRange)
    }

    /// A data source's `provider = aws.west` gets the same check as a resource's: data sources are
    /// not listed, but Terraform rejects one whose configuration is missing.
    func checkDataSourceProvider(_ block: Block) {
        guard block.labels.count == 2, let attribute = block.body.attribute("provider"),
            let ref = attribute.expression.providerReference, let alias = ref.alias
        else { return }
        _ = resolvedProviderKey(
            "\(ref.name).\(alias)", resource: "data.\(block.labels[0]).\(block.labels[1])",
            at: attribute.expression.range)
    }

    private func resolvedProviderKey(_ local: String, resource name: String, at range: SourceRange) -> String {
        if let key = configurationKey(local) { return key }
        let resource = (Self.staticPath(address).map { $0 + "." } ?? "") + name
        log.error(
            "Provider configuration not present: to work with \(resource) its original provider configuration at "
                + "\(providerAddress(local)) is required, but it has been removed. This occurs when a provider "
                + "configuration is removed while objects created by that provider still exist in the state. "
                + "Re-add the provider configuration to destroy \(resource), after which you can remove the provider "
                + "configuration again.",
            at: range)
        return local
    }

    /// The key of the configuration `local` names in this module, nil when there is none: defaults
    /// always exist (inherited, or an implied empty configuration); an alias exists when the module
    /// receives or configures it (the root's own blocks are not in its map).
    private func configurationKey(_ local: String) -> String? {
        if let key = providerMap[local] { return key }
        guard local.utf8.contains(UInt8(ascii: ".")) else { return local }
        guard address == nil else { return nil }
        if config.providers.contains(where: { Self.localProviderKey($0) == local }) { return local }
        if session.rootAliasesArePassedIn && RequiredProviders(config).configurationAliases.contains(local) { return local }
        return nil
    }

    /// The caller's side of one `providers` entry, `= aws` or `= aws.west`: the configuration must
    /// exist in this module (a `provider` block, or passed in explicitly), and an unaliased name
    /// should be declared here and, in a child module, passed in by name.
    private func checkPassedConfiguration(_ parentKey: String, name: String, at range: SourceRange) {
        if !parentKey.contains(".") {
            let provider = "hashicorp/\(name)"
            let configured = config.providers.contains {
                Self.localProviderKey($0) == name && !Self.isEmptyProviderBlock($0)
            }
            if !configured && !RequiredProviders(config).declares(name) {
                log.warning(
                    "Reference to undefined provider: there is no explicit declaration for local provider name "
                        + "\"\(name)\" in \(moduleText), so Terraform is assuming you mean to pass a configuration for "
                        + "provider \"\(provider)\".",
                    at: range,
                    notes: [
                        "To clarify your intent and silence this warning, add to \(parentModuleText) a required_providers "
                            + "entry named \"\(name)\" with source = \"\(provider)\", or a different source address if "
                            + "appropriate."
                    ])
            } else if !configured, let call = callingDecl, Self.passedProviderNames(call)[name] == nil {
                log.warning(
                    "Missing required provider configuration: the configuration for \(moduleText) expects to inherit a "
                        + "configuration for provider \(provider) with local name \"\(name)\", but \(parentModuleText) "
                        + "doesn't pass a configuration under that name.",
                    at: call.block.typeRange,
                    notes: [
                        "To satisfy this requirement, add an entry for \"\(name)\" to the \"providers\" argument in the "
                            + "module \"\(call.name)\" block."
                    ])
            }
        }
        let explicit = config.providers.contains { Self.localProviderKey($0) == parentKey }
            || callingDecl.map { Self.passedProviderNames($0)[parentKey] != nil } ?? false
        if !explicit {
            log.error("missing provider \(providerAddress(parentKey))", at: range)
        }
    }

    /// The child's side of one `providers` entry: Terraform warns when the child declares the name
    /// nowhere (`required_providers`, `configuration_aliases`, an empty proxy block), and assumes
    /// the default `hashicorp/NAME` provider; for another provider that is an error.
    private func checkAccepted(
        _ key: String, name: String, child: ModuleConfig, required: RequiredProviders, call: ModuleCallDecl,
        at range: SourceRange
    ) {
        if required.declares(key) || required.configurationAliases.contains(key) { return }
        if child.providers.contains(where: { Self.localProviderKey($0) == key && Self.isEmptyProviderBlock($0) }) {
            return
        }
        let provider = required.displayName(name)
        let childPath = moduleText == "the root module" ? "module.\(call.name)" : "\(moduleText).module.\(call.name)"
        if provider.hasPrefix("hashicorp/") && provider.split(separator: "/").count == 2 {
            log.warning(
                "Reference to undefined provider: there is no explicit declaration for local provider name \"\(key)\" "
                    + "in \(childPath), so Terraform is assuming you mean to pass a configuration for \"\(provider)\".",
                at: range,
                notes: [
                    "If you also control the child module, add a required_providers entry named \"\(key)\" with the "
                        + "source address \"\(provider)\"."
                ])
        } else {
            log.error(
                "Reference to undefined provider: the child module does not declare any provider requirement with "
                    + "the local name \"\(key)\".",
                at: range,
                notes: [
                    "If you also control the child module, you can add a required_providers entry named \"\(key)\" "
                        + "with the source address \"\(provider)\" to accept this provider configuration."
                ])
        }
    }

    /// A `providers` entry must pass a configuration of the provider type the child's local name
    /// stands for (both sides' `required_providers` source, `hashicorp/NAME` when undeclared), in
    /// Terraform 1.11's words (configs/provider_validation.go): where the child declares the passed
    /// type under another local name the message suggests that name (at the child's side), else it
    /// names both types (at the caller's side). A name the child does not declare stands for
    /// `hashicorp/NAME` here; Terraform gives it the type a sibling call's child declares under that
    /// name, if any (its types are resolved per name across all calls), which drift does not copy.
    private func checkProviderType(_ entry: PassedProvider, required: RequiredProviders, call: ModuleCallDecl) {
        let own = RequiredProviders(config)
        let parentName = String(entry.parentKey.prefix { $0 != "." })
        // Terraform checks only a caller's name it knows the type of: required, or configured here.
        guard own.declares(parentName) || config.providers.contains(where: { $0.labels.first == parentName }) else {
            return
        }
        // Terraform looks the caller's type up by the child's key first (`aws` for `aws = myaws`).
        let parentLookup = own.declares(entry.childKey) ? entry.childKey : parentName
        let parentType = own.fullName(parentLookup)
        let childType = required.fullName(entry.childName)
        guard parentType != childType else { return }
        let childPath = moduleText == "the root module" ? "module.\(call.name)" : "\(moduleText).module.\(call.name)"
        let parentDisplay = own.displayName(parentLookup)
        let childDisplay = required.displayName(entry.childName)
        if let other = required.entries.first(where: { required.fullName($0.name) == parentType }) {
            log.error(
                "Provider type mismatch: The assigned configuration is for provider \"\(parentDisplay)\", but local "
                    + "name \"\(entry.childName)\" in \(moduleText) represents \"\(childDisplay)\".",
                at: entry.childRange,
                notes: ["To pass this configuration to the child module, use the local name \"\(other.name)\" instead."])
        } else {
            log.error(
                "Provider type mismatch: The local name \"\(entry.parentKey)\" in \(moduleText) represents provider "
                    + "\"\(parentDisplay)\", but \"\(entry.childKey)\" in \(childPath) represents \"\(childDisplay)\".",
                at: entry.parentRange,
                notes: [
                    "Each provider has its own distinct configuration schema and provider types, so this module's "
                        + "\"\(entry.childKey)\" can be assigned only a configuration for \(childDisplay), which is not "
                        + "required by \(childPath)."
                ])
        }
    }

    /// `terraform validate`'s deprecation warning for empty ("proxy") `provider` blocks in a child
    /// module: one per provider name, at the block that sorts first, with the
    /// `required_providers` entry that replaces them.
    private func warnEmptyProviderBlocks(_ child: ModuleConfig, call: ModuleCallDecl, required: RequiredProviders) {
        var groups: [(name: String, keys: [String], ranges: [SourceRange])] = []
        for block in child.providers where Self.isEmptyProviderBlock(block) {
            guard let name = block.labels.first, let key = Self.localProviderKey(block) else { continue }
            if let i = groups.firstIndex(where: { $0.name == name }) {
                groups[i].keys.append(key)
                groups[i].ranges.append(block.typeRange)
            } else {
                groups.append((name, [key], [block.typeRange]))
            }
        }
        let childPath = moduleText == "the root module" ? "module.\(call.name)" : "\(moduleText).module.\(call.name)"
        for group in groups {
            let source = group.keys.contains(group.name) ? required.displayName(group.name) : "hashicorp/\(group.name)"
            var snippet = "    \(group.name) = {\n      source = \"\(source)\"\n"
            if group.keys.contains(where: { $0.contains(".") }) {
                snippet += "      configuration_aliases = [\n"
                snippet += group.keys.sorted().map { "        \($0),\n" }.joined()
                snippet += "      ]\n"
            }
            snippet += "    }"
            // Terraform takes the range whose text (`file:line,column`) sorts first.
            let first = group.ranges.min { a, b in
                "\(a.filename):\(a.start.line),\(a.start.column)" < "\(b.filename):\(b.start.line),\(b.start.column)"
            }
            guard let range = first else { continue }
            log.warning(
                "Redundant empty provider block: earlier versions of Terraform used empty provider blocks "
                    + "(\"proxy provider configurations\") for child modules to declare their need to be passed a "
                    + "provider configuration by their callers. That approach was ambiguous and is now deprecated.",
                at: range,
                notes: [
                    "If you control this module, you can migrate to the new declaration syntax by removing all of the "
                        + "empty provider \"\(group.name)\" blocks and then adding or updating an entry like the "
                        + "following to the required_providers block of \(childPath):\n\(snippet)"
                ])
        }
    }

    /// `module.c.provider["registry.terraform.io/hashicorp/aws"].west`: the configuration address
    /// Terraform's messages name, with this module's static path.
    private func providerAddress(_ local: String) -> String {
        let name = String(local.prefix { $0 != "." })
        let alias = local.dropFirst(name.count)
        let path = Self.staticPath(address).map { $0 + "." } ?? ""
        return "\(path)provider[\"\(RequiredProviders(config).fullName(name))\"]\(alias)"
    }

    /// The `module` block that created this instance; nil for the root.
    private var callingDecl: ModuleCallDecl? {
        if case .call(_, let call) = inputs { return call }
        return nil
    }

    /// This module as Terraform's load-time messages name it.
    private var moduleText: String { Self.staticPath(address) ?? "the root module" }

    /// The calling module as Terraform's load-time messages name it.
    private var parentModuleText: String {
        guard let path = Self.staticPath(address), let last = path.range(of: ".module.", options: .backwards) else {
            return "the root module"
        }
        return String(path[..<last.lowerBound])
    }
}
