import DriftModel

/// `tags` as the provider compares them: the declared side is `tags_all` (provider `default_tags`
/// merged with the resource's `tags`, the resource winning), the live side every tag the resource
/// carries; keys under the provider's `ignore_tags` do not exist for either side. A difference is
/// reported under `tags`, at the line that declares the key (the `default_tags` block for a key
/// only it declares).
struct TagComparer {
    var provider: ProviderSettings

    func diff(declared: DeclaredResource, live: LiveResource, ignored: IgnoredChanges) -> [AttributeChange] {
        if ignored.covers("tags") || ignored.covers("tags_all") { return [] }
        if declared.unknown.contains("tags") || declared.unknown.contains("tags_all") { return [] }
        let own = strings(declared.attributes["tags"])
        let expected = declared.attributes["tags_all"].map(strings)
            ?? provider.defaultTags.merging(own) { _, resource in resource }
        let actual = strings(live.attributes["tags"] ?? live.attributes["tags_all"])
        var changes: [AttributeChange] = []
        for key in Set(expected.keys).union(actual.keys).sorted() where !isIgnored(key) {
            if ignored.covers("tags.\(key)") || ignored.covers("tags_all.\(key)") { continue }
            let d = expected[key], l = actual[key]
            if d == l { continue }
            let source: String?
            if own[key] != nil {
                source = declared.sources["tags"] ?? declared.blockSource
            } else if provider.defaultTags[key] != nil {
                source = provider.defaultTagsSource ?? declared.sources["tags"] ?? declared.blockSource
            } else {
                source = declared.sources["tags"] ?? declared.blockSource
            }
            changes.append(AttributeChange(
                attribute: "tags", path: "tags.\(key)", declared: d.map(Value.string) ?? .null,
                live: l.map(Value.string) ?? .null, source: source))
        }
        return changes
    }

    /// `ignore_tags { keys, key_prefixes }`.
    func isIgnored(_ key: String) -> Bool {
        provider.ignoreTagKeys.contains(key) || provider.ignoreTagKeyPrefixes.contains { key.hasPrefix($0) }
    }

    private func strings(_ value: Value?) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in value?.objectValue ?? [:] {
            if let text = v.scalarText { out[k] = text }
        }
        return out
    }
}
