import DriftModel
import Foundation

/// The managed resources of a Terraform state (format version 4): address → recorded attributes.
/// State is what gives exact identity: the address Terraform knows maps to the id it created.
public struct TerraformState: Sendable, Hashable {
    public struct Instance: Sendable, Hashable {
        public var address: String
        public var type: String
        public var attributes: [String: Value]
        /// The provider alias it was applied with (`west` from `provider["…/aws"].west`), `nil`
        /// for a default provider configuration.
        public var providerAlias: String? = nil

        public init(address: String, type: String, attributes: [String: Value], providerAlias: String? = nil) {
            self.address = address
            self.type = type
            self.attributes = attributes
            self.providerAlias = providerAlias
        }

        /// The id the snapshot knows this resource by (its type's key argument, else `id`), as
        /// recorded at apply.
        public var liveID: String? {
            if let id = ResourceType.named(type)?.liveID(from: attributes) { return id }
            return attributes["id"]?.stringValue
        }
    }

    /// By address (`module.m["k"].aws_instance.web[0]`).
    public var instances: [String: Instance]

    public init(instances: [String: Instance]) { self.instances = instances }

    /// Reads a state document; `source` names it in errors.
    public static func parse(_ bytes: [UInt8], source: String) throws(DriftCoreError) -> TerraformState {
        let document: Value
        do { document = try JSONParser.parse(bytes: bytes) } catch {
            throw .unreadableState(source: source, reason: "not JSON (\(error.description))")
        }
        guard let version = document["version"]?.numberValue else {
            throw .unreadableState(source: source, reason: "not a Terraform state (no \"version\")")
        }
        guard version == 4 else {
            throw .unreadableState(source: source, reason: "state format version \(Value.format(number: version)) is not supported (4 is)")
        }
        var instances: [String: Instance] = [:]
        for resource in document["resources"]?.arrayValue ?? [] {
            guard resource["mode"]?.stringValue == "managed",
                let type = resource["type"]?.stringValue, let name = resource["name"]?.stringValue
            else { continue }
            let module = resource["module"]?.stringValue
            let alias = resource["provider"]?.stringValue.flatMap(Self.providerAlias)
            for instance in resource["instances"]?.arrayValue ?? [] {
                let address = try Self.address(
                    module: module, type: type, name: name, indexKey: instance["index_key"], source: source)
                instances[address] = Instance(
                    address: address, type: type, attributes: instance["attributes"]?.objectValue ?? [:],
                    providerAlias: alias)
            }
        }
        return TerraformState(instances: instances)
    }

    /// `provider["registry.terraform.io/hashicorp/aws"].west` → `west`; no alias → `nil`.
    static func providerAlias(_ provider: String) -> String? {
        guard let close = provider.range(of: "\"].", options: .backwards) else { return nil }
        let alias = provider[close.upperBound...]
        return alias.isEmpty ? nil : String(alias)
    }

    /// Terraform's address syntax, the same one the baseline uses. A numeric `index_key` is a
    /// `count` index, a whole number: any other number (`1.5`, `1e22`) names no address Terraform
    /// writes, and the state cannot be read (rather than trapping or rounding to another instance).
    static func address(
        module: String?, type: String, name: String, indexKey: Value?, source: String
    ) throws(DriftCoreError) -> String {
        var address = "\(type).\(name)"
        if let module, !module.isEmpty { address = "\(module).\(address)" }
        switch indexKey {
        case .number(let n):
            guard let index = Int(exactly: n) else {
                throw .unreadableState(
                    source: source, reason: "\(address) has index_key \(Value.format(number: n)), which is not a whole number")
            }
            address += ResourceIndex.int(index).description
        case .string(let s): address += ResourceIndex.string(s).description
        default: break
        }
        return address
    }
}
