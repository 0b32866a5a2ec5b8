import Crypto
import DriftModel
import HCL

/// Turns one resource instance's evaluated body into a `DeclaredResource` in the provider's shapes
/// (schema conversion, provider defaults, `tags_all`, `user_data` hash) and into the object other
/// expressions see when they refer to it.
struct ResourceInstanceBuilder {
    let module: ModuleInstance
    let decl: ResourceDecl
    /// The same for every instance, so looked up once.
    private let schema: ResourceSchema?
    private let providerKey: String
    private let blockSource: String
    private let ignoreChanges: [String]
    private let defaults: [(String, Value, HCLValue)]
    /// The resource's provider configuration, `nil` when its `default_tags` are unknown offline.
    private let provider: ProviderSettings?
    /// `aws.west` (or a child module's own `module.m:aws`); nil for the default provider.
    private let providerAlias: String?
    /// The block's expression contexts, built by the first instance, reused by the others.
    private let contexts = BlockContexts()
    /// Whether the type has `tags_all`, and which arguments make its id (`ResourceType.idArguments`):
    /// looked up once per block.
    private let hasTagsAll: Bool
    private let idArguments: [String]

    init(module: ModuleInstance, decl: ResourceDecl) {
        self.module = module
        self.decl = decl
        schema = ProviderSchema.schema(for: decl.type)
        hasTagsAll = schema?["tags_all"] != nil
        idArguments = ResourceType.named(decl.type)?.idArguments ?? []
        providerKey = module.providerKey(for: decl)
        blockSource = decl.block.range.location
        ignoreChanges = Self.ignoreChanges(decl, log: module.log)
        defaults = module.session.providerDefaults(for: decl.type)
        providerAlias = providerKey.utf8.contains(UInt8(ascii: ".")) ? providerKey : nil
        provider = module.session.hasUnknownDefaultTags(providerKey)
            ? nil : module.session.provider(providerKey) ?? ProviderSettings()
    }

    /// `configBody` is `decl.configBody`, computed once for all instances; so is `layout`, the
    /// first instance's, reused by the others.
    func build(
        configBody: Body, instance: Expansion.Instance, layout: inout EvaluatedBody.Layout?
    ) -> (DeclaredResource, [String: HCLValue]) {
        let body = BodyEvaluator(module: module, contexts: contexts).evaluate(
            configBody, schema: schema?.attributes, scope: instance.scope, owner: decl.block.typeRange,
            layout: layout)
        layout = body.layout
        var attributes: [String: Value] = [:]
        attributes.reserveCapacity(body.layout.order.count + defaults.count + 1)
        var unknown: [String] = []
        var reference = body.values
        for (position, name) in body.layout.order.enumerated() {
            guard let value = body.values[name], value != .null else { continue }
            guard value.isKnown else {
                unknown.append(name)
                continue
            }
            // Zero blocks of a type (a `dynamic` block over an empty collection) are no block.
            if ValueConverter.isNoBlocks(value, schema: body.layout.entries[position]) { continue }
            attributes[name] = ValueConverter.convert(value, schema: body.layout.entries[position])
        }
        if case .string(let text)? = attributes["user_data"] {
            let hex = Insecure.SHA1.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
            attributes["user_data"] = .string(hex)
            reference["user_data"] = .string(hex)
        }
        if let schema {
            for (name, defaultValue, hclDefault) in defaults {
                if let set = body.values[name], set != .null { continue }
                attributes[name] = defaultValue
                reference[name] = hclDefault
            }
            if !schema.conditional.isEmpty {
                PlanRules.apply(schema.conditional, schema: schema.attributes, to: &attributes)
                for name in schema.conditional where body.values[name]?.isKnown != false {
                    reference[name] = attributes[name].map(ValueConverter.hclValue) ?? .null
                }
            }
            if hasTagsAll {
                switch tagsAll(body.values["tags"]) {
                case .some(let tags):
                    attributes["tags_all"] = .object(tags.mapValues(Value.string))
                    reference["tags_all"] = .object(tags.mapValues(HCLValue.string))
                case .none:
                    unknown.append("tags_all")
                    reference["tags_all"] = .unknown
                }
            }
        }
        let address = (module.address.map { $0 + "." } ?? "") + decl.key + (instance.index?.description ?? "")
        reference["id"] = Self.id(idArguments, reference)
        if let live = module.session.knownResources[address] {
            // Where the configuration leaves an attribute to apply (computed, unset or unknown), a
            // reference reads what it is; an argument the configuration sets stays as planned.
            for (name, value) in live where name == "id" || schema?[name]?.computed == true {
                guard reference[name].map({ !$0.isKnown || $0 == .null }) ?? true else { continue }
                reference[name] = ValueConverter.hclValue(value)
            }
        }
        for name in unknown {
            guard let source = body.layout.sources[name] else { continue }
            module.session.warn(
                code: "UnknownValue",
                "\(address): \(name) cannot be known offline (it depends on a data source, another resource's "
                    + "computed attribute or an impure function); it is not compared", source: source, address: address)
        }
        // Masked everywhere: arguments fed by sensitive values, `tags_all` when `tags` is one of
        // them (it carries the same values), and arguments the provider's schema marks sensitive.
        var sensitive = body.sensitive
        if sensitive.contains("tags"), attributes["tags_all"] != nil || unknown.contains("tags_all") { sensitive.insert("tags_all") }
        if let schema {
            for name in attributes.keys where schema[name]?.sensitive == true { sensitive.insert(name) }
        }
        let declared = DeclaredResource(
            address: address, module: module.address, type: decl.type, name: decl.name, index: instance.index,
            attributes: attributes, unknown: unknown.sorted(), ignoreChanges: ignoreChanges,
            sources: body.layout.sources, blockSource: blockSource, sensitive: sensitive.sorted(),
            providerAlias: providerAlias)
        return (declared, reference)
    }

    /// The id Terraform will give the resource, where its own arguments make it: the first of
    /// `arguments` (required), then each other one that is set, joined with commas (a split S3
    /// resource's `bucket,expected_bucket_owner`). Unknown otherwise.
    static func id(_ arguments: [String], _ values: [String: HCLValue]) -> HCLValue {
        guard let first = arguments.first, let key = values[first], key != .null else { return .unknown }
        var parts = [key]
        for name in arguments.dropFirst() {
            if let value = values[name], value != .null { parts.append(value) }
        }
        if parts.count == 1 { return key }
        var text: [String] = []
        for part in parts {
            guard case .string(let s) = part else { return .unknown }
            text.append(s)
        }
        return .string(text.joined(separator: ","))
    }

    /// Provider `default_tags` merged with the resource's `tags` (the resource wins), minus the
    /// provider's `ignore_tags`; `nil` when unknown offline (unknown tags or default tags). With
    /// neither, `{}`: plan shows "known after apply" there (the provider leaves it computed), but
    /// the applied value is always the empty map, and a comparer needs it to see tags added by hand.
    private func tagsAll(_ tags: HCLValue?) -> [String: String]? {
        guard let provider else { return nil }
        var merged = provider.defaultTags
        switch tags {
        case .none, .null?: break
        case .object(let members)?:
            for (key, value) in members {
                switch value {
                case .unknown: return nil
                case .null: merged[key] = nil
                default:
                    guard case .string(let s) = ValueConverter.convert(value, schema: nil).stringified else { return nil }
                    merged[key] = s
                }
            }
        default: return nil
        }
        for key in merged.keys
        where provider.ignoreTagKeys.contains(key) || provider.ignoreTagKeyPrefixes.contains(where: key.hasPrefix) {
            merged[key] = nil
        }
        return merged
    }

    private static func ignoreChanges(_ decl: ResourceDecl, log: DiagnosticLog) -> [String] {
        guard let attribute = decl.lifecycle?.body.attribute("ignore_changes") else { return [] }
        guard let names = attribute.expression.ignoreChangesNames else {
            log.error(
                "Invalid ignore_changes: a list of attribute names or the keyword \"all\" is required",
                at: attribute.expression.range)
            return []
        }
        return names
    }
}
