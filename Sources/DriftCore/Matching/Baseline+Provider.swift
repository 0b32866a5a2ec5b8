import DriftModel

extension Baseline {
    /// The provider settings a resource is planned with: its aliased provider (`aws.west`), else
    /// the default `provider "aws"` block.
    public func provider(for resource: DeclaredResource) -> ProviderSettings {
        guard let alias = resource.providerAlias else { return provider }
        let name = alias.hasPrefix("aws.") ? String(alias.dropFirst(4)) : alias
        return aliasedProviders[name] ?? provider
    }
}

extension DeclaredResource {
    /// The tags the resource should carry live: `tags_all`, else default tags merged with `tags`.
    func expectedTags(provider: ProviderSettings) -> [String: String] {
        if let all = attributes["tags_all"]?.objectValue { return all.compactMapValues(\.scalarText) }
        let own = (attributes["tags"]?.objectValue ?? [:]).compactMapValues(\.scalarText)
        return provider.defaultTags.merging(own) { _, resource in resource }
    }

    var ownTags: [String: String] {
        (attributes["tags"]?.objectValue ?? [:]).compactMapValues(\.scalarText)
    }
}

extension LiveResource {
    var tags: [String: String] {
        ((attributes["tags"] ?? attributes["tags_all"])?.objectValue ?? [:]).compactMapValues(\.scalarText)
    }

    /// Terminated and shutting-down instances are gone as far as Terraform is concerned.
    var isGone: Bool {
        let state = attributes["instance_state"]?.stringValue
        return state == "terminated" || state == "shutting-down"
    }
}
