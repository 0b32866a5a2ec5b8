import HCL

/// How provider configurations reach child modules, as Terraform 1.11 resolves them (checked with
/// `terraform validate`/`plan` and hashicorp/aws 5.100; fixture `differential/module-provider-passing`):
/// - a default (unaliased) configuration is inherited from the caller, with or without a
///   `providers` argument on the call, unless the call passes that name;
/// - an aliased configuration reaches a child only when the call passes it
///   (`providers = { aws.west = aws.west }`); a resource that names an alias its module neither
///   configures nor receives is an error ("Provider configuration not present");
/// - an alias the child declares in `configuration_aliases` must be passed by every call;
/// - a call may pass only configurations its own module has ("missing provider").
///
/// `providerMap` holds a module's local keys (`aws`, `aws.west`) → the key `session.providers`
/// knows the configuration by; a local key the map lacks is the root's own configuration of that
/// name (only defaults reach that far down). Runs once per module call or resource declaration,
/// never per resource instance.
extension ModuleInstance {
    /// The child's provider map for one call: the caller's default configurations, then the
    /// call's `providers = { aws = aws.west }` entries, each resolved to the key of the configuration.
    func childProviderMap(_ call: ModuleCallDecl, child: ModuleConfig) -> [String: String] {
        var map = providerMap.filter { !$0.key.contains(".") }
        let required = RequiredProviders(child)
        var passed: Set<String> = []
        if let attribute = call.providers {
            guard case .object(let items) = attribute.expression.kind else {
                log.error("Invalid providers argument: a map of provider references is required",
                          at: attribute.expression.range)
                return map
            }
            for item in items {
                guard let childRef = item.key.providerReference ?? item.key.staticString.map({ ($0, nil) }),
                    let parentRef = item.value.providerReference
                else {
                    log.error("Invalid provider reference: a provider reference must be a name, optionally followed "
                              + "by an alias: aws or aws.west", at: item.value.range)
                    continue
                }
                let childKey = childRef.alias.map { "\(childRef.name).\($0)" } ?? childRef.name
                let parentKey = parentRef.alias.map { "\(parentRef.name).\($0)" } ?? parentRef.name
                if configurationKey(parentKey) == nil {
                    log.error("missing provider \(providerAddress(parentKey))", at: item.value.range)
                }
                map[childKey] = providerMap[parentKey] ?? parentKey
                passed.insert(childKey)
                warnIfUndeclared(childKey, parentName: parentRef.name, child: child, required: required, call: call,
                                 at: item.key.range)
            }
        }
        for alias in required.configurationAliases where !passed.contains(alias) {
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
        return map
    }

    /// The configuration key a resource in this module uses for `local` (`aws`, `aws.west`); an
    /// alias the module neither configures nor receives is reported as Terraform does.
    func resolvedProviderKey(_ local: String, for decl: ResourceDecl) -> String {
        if let key = configurationKey(local) { return key }
        let path = Self.staticPath(address).map { $0 + "." } ?? ""
        let resource = "\(path)\(decl.type).\(decl.name)"
        log.error(
            "Provider configuration not present: to work with \(resource) its original provider configuration at "
                + "\(providerAddress(local)) is required, but it has been removed. This occurs when a provider "
                + "configuration is removed while objects created by that provider still exist in the state. "
                + "Re-add the provider configuration to destroy \(resource), after which you can remove the provider "
                + "configuration again.",
            at: decl.provider?.expression.range ?? decl.block.typeRange)
        return local
    }

    /// The key of the configuration `local` names in this module, nil when there is none: defaults
    /// always exist (inherited, or an implied empty configuration); an alias exists when the module
    /// receives or configures it (the root's own blocks are not in its map).
    private func configurationKey(_ local: String) -> String? {
        if let key = providerMap[local] { return key }
        guard local.contains(".") else { return local }
        guard address == nil, config.providers.contains(where: { Self.localProviderKey($0) == local }) else {
            return nil
        }
        return local
    }

    /// `module.c.provider["registry.terraform.io/hashicorp/aws"].west`: the configuration address
    /// Terraform's messages name, with this module's static path.
    private func providerAddress(_ local: String) -> String {
        let name = String(local.prefix { $0 != "." })
        let alias = local.dropFirst(name.count)
        let path = Self.staticPath(address).map { $0 + "." } ?? ""
        return "\(path)provider[\"\(RequiredProviders(config).fullName(name))\"]\(alias)"
    }

    /// Terraform's warning for a `providers` entry whose child-side name the child does not declare
    /// (in `required_providers`, `configuration_aliases` or an empty proxy `provider` block): it
    /// assumes the default `hashicorp/NAME` provider.
    private func warnIfUndeclared(
        _ name: String, parentName: String, child: ModuleConfig, required: RequiredProviders, call: ModuleCallDecl, at range: SourceRange
    ) {
        if required.declares(name) || required.configurationAliases.contains(name) { return }
        if child.providers.contains(where: { Self.localProviderKey($0) == name && Self.isEmptyProviderBlock($0) }) {
            return
        }
        let provider = RequiredProviders(config).displayName(parentName)
        guard provider.hasPrefix("hashicorp/") else { return }
        let childPath = Self.staticPath(address).map { $0 + ".module.\(call.name)" } ?? "module.\(call.name)"
        log.warning(
            "Reference to undefined provider: there is no explicit declaration for local provider name \"\(name)\" "
                + "in \(childPath), so Terraform is assuming you mean to pass a configuration for \"\(provider)\".",
            at: range,
            notes: [
                "If you also control the child module, add a required_providers entry named \"\(name)\" with the "
                    + "source address \"\(provider)\"."
            ])
    }
}
