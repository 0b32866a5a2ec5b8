import DriftModel

/// `drift baseline --format text`: one readable section per resource, then provider, backend and
/// warnings. Meant for people; scripts use `--format json`.
public enum BaselineTextRenderer {
    public static func render(_ baseline: Baseline) -> String {
        var out = ""
        let provider = baseline.provider
        out += "provider aws: region \(provider.region ?? "(from environment)")"
        if let profile = provider.profile { out += ", profile \(profile)" }
        if !provider.defaultTags.isEmpty { out += ", default_tags \(Value.object(provider.defaultTags.mapValues(Value.string)).canonicalJSON())" }
        out += "\n"
        for alias in baseline.aliasedProviders.keys.sorted() {
            out += "provider \(alias.contains(":") ? alias : "aws." + alias): region \(baseline.aliasedProviders[alias]?.region ?? "(from environment)")\n"
        }
        if let backend = baseline.backend {
            out += "backend s3: s3://\(backend.bucket)/\(backend.key)"
            if let region = backend.region { out += " (\(region))" }
            out += "\n"
        }
        for resource in baseline.resources {
            out += "\n\(resource.address)"
            if let alias = resource.providerAlias { out += " (provider \(alias))" }
            out += "  # \(resource.blockSource)\n"
            for name in resource.attributes.keys.sorted() {
                let shown = resource.sensitive.contains(name)
                    ? "(sensitive)" : (resource.attributes[name] ?? .null).canonicalJSON()
                let source = resource.sources[name].map { "  # \($0)" }
                    ?? (name == "tags_all" ? "  # default_tags + tags" : "  # provider default")
                out += "  \(name) = \(shown)\(source)\n"
            }
            for name in resource.unknown { out += "  \(name) = (known after apply)\n" }
            if !resource.ignoreChanges.isEmpty {
                out += "  lifecycle.ignore_changes = [\(resource.ignoreChanges.joined(separator: ", "))]\n"
            }
        }
        if !baseline.warnings.isEmpty { out += "\n" }
        for warning in baseline.warnings {
            out += "warning: \(warning.code): \(warning.message)"
            if let source = warning.source { out += " (\(source))" }
            out += "\n"
        }
        out += "\n\(baseline.resources.count) resource(s)"
        let errors = baseline.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 { out += ", \(errors) error(s)" }
        out += "\n"
        return out
    }
}
