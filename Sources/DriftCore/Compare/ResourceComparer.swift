import DriftModel

/// Compares one declared resource with the live resource it was matched to, the way `terraform
/// plan` decides what it would change back:
/// - an argument the configuration sets is compared (unless unknown offline or under
///   `lifecycle.ignore_changes`);
/// - an argument it leaves unset is compared only when the provider does not compute it, against
///   the provider default (or the zero value, or the value the provider reads back for "unset",
///   all of which the provider treats as unset);
/// - computed-only attributes never drift, nor do arguments whose diff the provider suppresses
///   given the declared siblings (`AttributeSchema.suppressedWhen`); tags go through `TagComparer`;
/// - the live side is first made what the provider's Read would store for this configuration
///   (`ProviderRead`: tag maps resolved against `default_tags`, arguments read only when set);
/// - an argument the snapshot does not describe at all is not compared (nothing is known).
public struct ResourceComparer: Sendable {
    public var schema: ResourceSchema?
    public var provider: ProviderSettings

    public init(schema: ResourceSchema?, provider: ProviderSettings) {
        self.schema = schema
        self.provider = provider
    }

    /// Arguments handled elsewhere or never compared.
    static let skipped: Set<String> = ["id", "tags", "tags_all", "timeouts"]

    public func compare(_ declared: DeclaredResource, with live: LiveResource) -> [AttributeChange] {
        let ignored = IgnoredChanges(declared.ignoreChanges)
        if ignored.all { return [] }
        let live = ProviderRead.apply(to: live, declared: declared, provider: provider)
        var names = Set(declared.attributes.keys)
        if let schema { names.formUnion(schema.attributes.keys) }
        var changes: [AttributeChange] = []
        for name in names.subtracting(Self.skipped).sorted() {
            if ignored.covers(name) || declared.unknown.contains(name) { continue }
            let attributeSchema = schema?[name]
            if attributeSchema?.isComputedOnly == true { continue }
            if let schema, PlanRules.isSuppressed(name, schema: schema.attributes, in: declared.attributes) { continue }
            guard let live = live.attributes[name] else { continue }
            let declaredValue: Value
            if let value = declared.attributes[name], !value.isNull {
                declaredValue = value
            } else {
                guard let attributeSchema, !attributeSchema.computed, !attributeSchema.required else { continue }
                if let same = attributeSchema.unsetEquivalent, ScalarEquivalence.equal(same, live) { continue }
                declaredValue = attributeSchema.defaultValue ?? .null
            }
            let source = declared.sources[name] ?? declared.blockSource
            let masked = declared.sensitive.contains(name) || attributeSchema?.sensitive == true
            for difference in SchemaDiffer.diff(path: name, schema: attributeSchema, declared: declaredValue, live: live)
            where !ignored.covers(difference.path) {
                let change = AttributeChange(
                    attribute: name, path: difference.path, declared: difference.declared, live: difference.live,
                    source: source.isEmpty ? nil : source)
                changes.append(masked ? change.masked() : change)
            }
        }
        let hasTags = schema.map { $0["tags"] != nil }
            ?? (declared.attributes["tags"] != nil || declared.attributes["tags_all"] != nil)
        let liveDescribesTags = live.attributes["tags"] != nil || live.attributes["tags_all"] != nil
        if hasTags && liveDescribesTags {
            let tagChanges = TagComparer(provider: provider).diff(declared: declared, live: live, ignored: ignored)
            let masked = declared.sensitive.contains("tags")
            changes += masked ? tagChanges.map { $0.masked() } : tagChanges
        }
        return changes
    }
}
