/// One live AWS resource described as the Terraform AWS provider (v5) would describe it.
///
/// `type` is the Terraform resource type and `id` is what `terraform import` takes, so a live
/// resource and a declared one can be matched without translating names.
public struct LiveResource: Sendable, Hashable {
    public var type: String
    public var id: String
    public var attributes: [String: Value]

    public init(type: String, id: String, attributes: [String: Value]) {
        self.type = type
        self.id = id
        self.attributes = attributes
    }

    public var jsonValue: Value {
        .object(["type": .string(type), "id": .string(id), "attributes": .object(attributes)])
    }

    public init?(json: Value) {
        guard let type = json["type"]?.stringValue, let id = json["id"]?.stringValue else { return nil }
        self.init(type: type, id: id, attributes: json["attributes"]?.objectValue ?? [:])
    }
}
