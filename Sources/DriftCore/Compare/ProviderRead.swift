import DriftModel

/// What the provider's Read stores for arguments whose stored value depends on the configuration
/// and the provider block, not only on AWS: the snapshot holds what AWS says, and this turns it
/// into what `terraform plan` would hold next to the configuration. The schema JSON carries none
/// of this; each rule is the provider's code (hashicorp/aws 5.x `resource_instance.go`), kept in
/// this one table rather than spread over the comparer.
enum ProviderRead {
    enum Rule: Sendable, Hashable {
        /// A tag map read only when the configuration sets it (non-empty); otherwise the state
        /// keeps what apply wrote and the plan shows nothing.
        case onlyWhenSet(String)
        /// A tag map (`a` or `block.a`) resolved against `default_tags` as top-level tags are
        /// (`ResolveDuplicates`): a live pair equal to a default tag is the provider's, not the
        /// argument's, unless the configuration sets that pair itself; `ignore_tags` keys drop.
        case resolvedAgainstDefaultTags(String)
        /// The block's field is not read while the resource sets `argument` (non-empty).
        case notReadWhenSet(path: String, argument: String)
    }

    static let rules: [String: [Rule]] = [
        "aws_instance": [
            .onlyWhenSet("volume_tags"),
            .resolvedAgainstDefaultTags("volume_tags"),
            .resolvedAgainstDefaultTags("root_block_device.tags"),
            .resolvedAgainstDefaultTags("ebs_block_device.tags"),
            .notReadWhenSet(path: "root_block_device.tags", argument: "volume_tags"),
            .notReadWhenSet(path: "ebs_block_device.tags", argument: "volume_tags"),
        ]
    ]

    /// `live` as the provider would have stored it for `declared` under `provider`.
    static func apply(to live: LiveResource, declared: DeclaredResource, provider: ProviderSettings) -> LiveResource {
        guard let rules = rules[live.type] else { return live }
        var out = live
        let tags = TagComparer(provider: provider)
        for rule in rules {
            switch rule {
            case .onlyWhenSet(let name):
                if !isSet(declared.attributes[name]) { out.attributes[name] = nil }
            case .resolvedAgainstDefaultTags(let path):
                let parts = path.split(separator: ".").map(String.init)
                if parts.count == 1 {
                    guard let value = out.attributes[parts[0]] else { continue }
                    out.attributes[parts[0]] = resolve(value, configured: declared.attributes[parts[0]], tags: tags)
                } else if parts.count == 2, let blocks = out.attributes[parts[0]]?.arrayValue {
                    let configured = declared.attributes[parts[0]]?.arrayValue ?? []
                    out.attributes[parts[0]] = .array(blocks.enumerated().map { i, block in
                        guard case .object(var members) = block, let value = members[parts[1]] else { return block }
                        let sameBlock = configured.count == blocks.count ? configured[i][parts[1]] : nil
                        members[parts[1]] = resolve(value, configured: sameBlock, tags: tags)
                        return .object(members)
                    })
                }
            case .notReadWhenSet(let path, let argument):
                guard isSet(declared.attributes[argument]) else { continue }
                let parts = path.split(separator: ".").map(String.init)
                guard parts.count == 2, let blocks = out.attributes[parts[0]]?.arrayValue else { continue }
                out.attributes[parts[0]] = .array(blocks.map { block in
                    guard case .object(var members) = block else { return block }
                    members[parts[1]] = nil
                    return .object(members)
                })
            }
        }
        return out
    }

    /// The provider's `ResolveDuplicates`: live tags minus the pairs `default_tags` holds, plus
    /// configured pairs that `default_tags` holds with the same value; ignored keys removed.
    static func resolve(_ live: Value, configured: Value?, tags: TagComparer) -> Value {
        let defaults = tags.provider.defaultTags
        var result: [String: Value] = [:]
        for (key, value) in live.objectValue ?? [:] where defaults[key] == nil || defaults[key] != value.scalarText {
            result[key] = value
        }
        for (key, value) in configured?.objectValue ?? [:] where result[key] == nil {
            if let text = value.scalarText, defaults[key] == text { result[key] = value }
        }
        return .object(result.filter { !tags.isIgnored($0.key) })
    }

    /// Set as the SDK's `GetOk` has it: non-null and, for a collection, not empty.
    private static func isSet(_ value: Value?) -> Bool {
        switch value {
        case .none, .null?: return false
        case .array(let items)?: return !items.isEmpty
        case .object(let members)?: return !members.isEmpty
        default: return true
        }
    }
}
