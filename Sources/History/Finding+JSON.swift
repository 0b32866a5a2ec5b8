import DriftCore
import DriftModel

extension Finding {
    /// Reads back what `jsonValue` wrote (the history stores findings in the report's own
    /// JSON shape). `nil` for a kind this build does not know.
    public init?(json: Value) {
        guard let kindText = json["kind"]?.stringValue, let kind = Kind(rawValue: kindText),
            let type = json["type"]?.stringValue
        else { return nil }
        let changes: [AttributeChange] = (json["changes"]?.arrayValue ?? []).compactMap { c in
            guard let path = c["path"]?.stringValue else { return nil }
            var change = AttributeChange(
                attribute: c["attribute"]?.stringValue ?? path, path: path, declared: c["declared"] ?? .null,
                live: c["live"] ?? .null, source: c["source"]?.stringValue)
            change.firstSeen = c["firstSeen"]?.stringValue
            return change
        }
        self.init(
            kind: kind, address: json["address"]?.stringValue, type: type, id: json["id"]?.stringValue,
            name: json["name"]?.stringValue, source: json["source"]?.stringValue, changes: changes)
        status = json["status"]?.stringValue.flatMap(Status.init(rawValue:))
        firstSeen = json["firstSeen"]?.stringValue
        resolvedAt = json["resolvedAt"]?.stringValue
    }
}

extension Report.Summary {
    /// Reads back a stored summary (`jsonValue`'s shape).
    public init(json: Value) {
        func n(_ key: String) -> Int { Int(json[key]?.numberValue ?? 0) }
        self.init(
            managed: n("managed"), inSync: n("inSync"), drifted: n("drifted"), missing: n("missing"),
            orphaned: n("orphaned"), unmanaged: n("unmanaged"), errors: n("errors"))
    }
}
