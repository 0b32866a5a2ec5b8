import DriftModel
import HCL

/// Evaluates a module's `provider "aws"` blocks and the root's `backend "s3"` block into the
/// settings a scan needs. Credentials are noticed, never stored.
struct ProviderReader {
    let module: ModuleInstance
    var session: LoadSession { module.session }

    /// Fills `session.providers` from the module's provider blocks: keys `aws`, `aws.ALIAS` for the
    /// root; for a child module only the configurations it owns (`module.M:aws`, see
    /// `ModuleInstance.legacyProviders`), evaluated in the child's scope.
    func readProviders() {
        for block in module.config.providers where block.labels.first == "aws" {
            guard let local = ModuleInstance.localProviderKey(block) else {
                if let alias = block.body.attribute("alias") {
                    module.log.error("Invalid provider alias: the alias must be a literal name", at: alias.expression.range)
                }
                continue
            }
            var key = local
            if let address = module.address {
                key = ModuleInstance.ownProviderKey(address: address, local: local)
                guard module.providerMap[local] == key else { continue }  // a proxy for the caller's
            }
            let (settings, defaultTagsKnown) = read(block, key: key)
            session.setProvider(settings, for: key, defaultTagsKnown: defaultTagsKnown)
        }
    }

    /// The settings, and whether `default_tags` are known offline.
    private func read(_ block: Block, key: String) -> (ProviderSettings, Bool) {
        var settings = ProviderSettings(source: block.range.location)
        var defaultTagsKnown = true
        settings.region = string(block.body.attribute("region"), what: "\(key) region", unknown: &settings.connectionUnknown)
        settings.profile = string(block.body.attribute("profile"), what: "\(key) profile", unknown: &settings.connectionUnknown)
        if let role = block.body.blocks(ofType: "assume_role").first {
            settings.assumeRoleARN = string(role.body.attribute("role_arn"), what: "\(key) assume_role.role_arn")
            settings.assumeRoleSessionName = string(role.body.attribute("session_name"), what: "\(key) session_name")
            settings.assumeRoleExternalID = string(role.body.attribute("external_id"), what: "\(key) external_id")
        }
        for name in ["access_key", "secret_key"] {
            guard let attribute = block.body.attribute(name) else { continue }
            _ = module.evaluate(attribute.expression)
            if !settings.hasHardCodedCredentials {
                settings.hasHardCodedCredentials = true
                session.warn(
                    code: "HardCodedCredentials",
                    "provider \"aws\" sets access_key/secret_key: credentials belong in the environment or a "
                        + "profile, not in the configuration (drift ignores them)", source: attribute.range.location)
            }
        }
        if let defaults = block.body.blocks(ofType: "default_tags").first {
            settings.defaultTagsSource = defaults.range.location
            if let tags = defaults.body.attribute("tags") {
                let value = module.evaluate(tags.expression).value
                if let map = stringMap(value) {
                    settings.defaultTags = map
                } else if value != .null {
                    defaultTagsKnown = false
                    session.warn(code: "UnknownValue", "\(key) default_tags cannot be known offline; tags_all is unknown",
                                 source: tags.range.location)
                }
            }
        }
        if let ignore = block.body.blocks(ofType: "ignore_tags").first {
            settings.ignoreTagKeys = strings(ignore.body.attribute("keys"))
            settings.ignoreTagKeyPrefixes = strings(ignore.body.attribute("key_prefixes"))
        }
        return (settings, defaultTagsKnown)
    }

    /// The root's `terraform { backend "s3" {} }`, when it names a bucket and key.
    func readBackend() -> S3Backend? {
        guard let block = module.config.backend, block.type == "backend", block.labels.first == "s3" else { return nil }
        let body = block.body
        guard let bucket = string(body.attribute("bucket"), what: "backend bucket"),
            let key = string(body.attribute("key"), what: "backend key")
        else { return nil }
        var roleARN = string(body.attribute("role_arn"), what: "backend role_arn")
        if let role = body.blocks(ofType: "assume_role").first {
            roleARN = string(role.body.attribute("role_arn"), what: "backend assume_role.role_arn") ?? roleARN
        }
        return S3Backend(
            bucket: bucket, key: key, region: string(body.attribute("region"), what: "backend region"),
            workspaceKeyPrefix: string(body.attribute("workspace_key_prefix"), what: "backend workspace_key_prefix"),
            profile: string(body.attribute("profile"), what: "backend profile"), roleARN: roleARN,
            source: block.range.location)
    }

    private func string(_ attribute: Attribute?, what: String) -> String? {
        var unknown = false
        return string(attribute, what: what, unknown: &unknown)
    }

    /// The attribute's string; `unknown` is set when its value is known only when planning.
    private func string(_ attribute: Attribute?, what: String, unknown: inout Bool) -> String? {
        guard let attribute else { return nil }
        switch module.evaluate(attribute.expression).value {
        case .string(let s): return s
        case .number, .bool:
            return ValueConverter.plain(module.evaluate(attribute.expression).value).stringified.stringValue
        case .unknown:
            unknown = true
            session.warn(code: "UnknownValue", "\(what) cannot be known offline", source: attribute.range.location)
            return nil
        default: return nil
        }
    }

    private func strings(_ attribute: Attribute?) -> [String] {
        guard let attribute else { return [] }
        switch module.evaluate(attribute.expression).value {
        case .tuple(let items), .set(let items):
            return items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        default: return []
        }
    }

    private func stringMap(_ value: HCLValue) -> [String: String]? {
        guard case .object(let members) = value else { return nil }
        var out: [String: String] = [:]
        for (key, member) in members {
            guard member.isKnown else { return nil }
            if member == .null { continue }
            guard let s = ValueConverter.plain(member).stringified.stringValue else { return nil }
            out[key] = s
        }
        return out
    }
}
