import HCL

/// Terraform 1.11's "Duplicate required provider" warnings (configs/provider_validation.go), for
/// one module: a provider type required under two local names, an official (`hashicorp/*`)
/// provider required under another name than the one its `provider` blocks use, and a resource or
/// data source whose implied local name (its type's prefix) is not required while its provider is,
/// under another name. Terraform walks Go maps here, so where it has several candidates its order
/// varies; drift reports in declaration order.
extension RequiredProviders {
    func warnDuplicates(in config: ModuleConfig, log: DiagnosticLog) {
        guard !entries.isEmpty else { return }
        var seenTypes: [String: String] = [:]  // full type → first local name
        var localNames: Set<String> = []
        for entry in entries where !localNames.contains(entry.name) {
            let type = fullName(entry.name)
            let range = entry.range ?? config.requiredProviders[0].typeRange
            if let previous = seenTypes[type] {
                log.warning(
                    "Duplicate required provider: Provider \(displayName(entry.name)) with the local name "
                        + "\"\(entry.name)\" was previously required as \"\(previous)\". A provider can only be "
                        + "required once within required_providers.", at: range)
            } else if let implied = Self.officialType(type), implied != entry.name,
                config.providers.contains(where: { $0.labels.first == implied })
            {
                log.warning(
                    "Duplicate required provider: Provider \(displayName(entry.name)) with the local name "
                        + "\"\(entry.name)\" was implicitly required via a configuration block as \"\(implied)\". The "
                        + "provider configuration block name must match the name used in required_providers.",
                    at: range)
            }
            if seenTypes[type] == nil { seenTypes[type] = entry.name }
            localNames.insert(entry.name)
        }
        // Official types required under another name: implied local name → those names.
        var renamed: [String: [String]] = [:]
        for entry in entries {
            if let implied = Self.officialType(fullName(entry.name)), implied != entry.name {
                renamed[implied, default: []].append(entry.name)
            }
        }
        guard !renamed.isEmpty else { return }
        func check(_ address: String, type: String, hasProvider: Bool, at range: SourceRange) {
            guard !hasProvider else { return }
            let implied = String(type.prefix { $0 != "_" })
            guard !localNames.contains(implied), let names = renamed[implied] else { return }
            for name in names {
                log.warning(
                    "Duplicate required provider: Provider \"registry.terraform.io/hashicorp/\(implied)\" was "
                        + "implicitly required via resource \"\(address)\", but listed in required_providers as "
                        + "\"\(name)\". Either the local name in required_providers must match the resource name, or "
                        + "the \"\(name)\" provider must be assigned within the resource block.", at: range)
            }
        }
        for decl in config.resources {
            check(decl.key, type: decl.type, hasProvider: decl.provider != nil, at: decl.block.typeRange)
        }
        let data = config.dataSources.values.sorted {
            ($0.typeRange.filename, $0.typeRange.start.offset) < ($1.typeRange.filename, $1.typeRange.start.offset)
        }
        for block in data where block.labels.count == 2 {
            check("data.\(block.labels[0]).\(block.labels[1])", type: block.labels[0],
                  hasProvider: block.body.attribute("provider") != nil, at: block.typeRange)
        }
    }

    /// `aws` for `registry.terraform.io/hashicorp/aws`; nil for other namespaces and hosts.
    private static func officialType(_ full: String) -> String? {
        let prefix = "registry.terraform.io/hashicorp/"
        guard full.hasPrefix(prefix) else { return nil }
        return String(full.dropFirst(prefix.count))
    }
}
