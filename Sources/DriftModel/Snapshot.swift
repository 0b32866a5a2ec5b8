/// The live state of one account and region at one moment (`../shared/contracts/SNAPSHOT.md`).
///
/// Deterministic by construction: `normalized()` sorts resources by (type, id) and errors, and the
/// canonical JSON sorts keys, so two snapshots of an unchanged account differ only in `takenAt`.
public struct Snapshot: Sendable, Hashable {
    public static let schemaVersion = 1

    public var takenAt: String
    public var region: String
    public var account: String?
    public var resources: [LiveResource]
    public var errors: [ReadError]
    /// Attributes deliberately not fetched, per type, so that absence is never ambiguous.
    public var omitted: [String: [String]]

    public init(
        takenAt: String, region: String, account: String? = nil, resources: [LiveResource] = [],
        errors: [ReadError] = [], omitted: [String: [String]] = [:]
    ) {
        self.takenAt = takenAt
        self.region = region
        self.account = account
        self.resources = resources
        self.errors = errors
        self.omitted = omitted
    }

    public func normalized() -> Snapshot {
        var copy = self
        copy.resources.sort { ($0.type, $0.id) < ($1.type, $1.id) }
        copy.errors.sort()
        copy.omitted = omitted.mapValues { Array(Set($0)).sorted() }
        return copy
    }

    public func resource(type: String, id: String) -> LiveResource? {
        resources.first { $0.type == type && $0.id == id }
    }

    public var jsonValue: Value {
        let n = normalized()
        var doc: [String: Value] = [
            "schemaVersion": .number(Double(Snapshot.schemaVersion)),
            "takenAt": .string(n.takenAt),
            "region": .string(n.region),
            "account": n.account.map(Value.string) ?? .null,
            "resources": .array(n.resources.map(\.jsonValue)),
            "errors": .array(n.errors.map(\.jsonValue)),
        ]
        if !n.omitted.isEmpty {
            doc["omitted"] = .object(n.omitted.mapValues { .array($0.map(Value.string)) })
        }
        return .object(doc)
    }

    public init(json: Value) throws(JSONParseError) {
        guard json["schemaVersion"]?.numberValue == Double(Snapshot.schemaVersion) else {
            throw JSONParseError(offset: 0, message: "not a schemaVersion 1 snapshot")
        }
        self.init(
            takenAt: json["takenAt"]?.stringValue ?? "",
            region: json["region"]?.stringValue ?? "",
            account: json["account"]?.stringValue,
            resources: (json["resources"]?.arrayValue ?? []).compactMap(LiveResource.init(json:)),
            errors: (json["errors"]?.arrayValue ?? []).compactMap(ReadError.init(json:)),
            omitted: (json["omitted"]?.objectValue ?? [:]).mapValues { ($0.arrayValue ?? []).compactMap(\.stringValue) })
    }
}
