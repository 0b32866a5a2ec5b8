import DriftModel

/// One argument whose live value differs from what the configuration declares, with the place
/// in the files that declares it so a reader can go straight to the line.
public struct AttributeChange: Sendable, Hashable {
    /// The top-level argument name (`tags`, `versioning_configuration`).
    public var attribute: String
    /// The full path (`tags.Owner`, `versioning_configuration[0].status`).
    public var path: String
    /// The declared value in the provider's shape; `.null` where the configuration has none.
    public var declared: Value
    /// The live value in the provider's shape; `.null` where AWS has none.
    public var live: Value
    /// `file:line:col` relative to the baseline directory.
    public var source: String?
    /// With a history: the first scan that saw this argument differ.
    public var firstSeen: String?

    public init(attribute: String, path: String, declared: Value, live: Value, source: String?) {
        self.attribute = attribute
        self.path = path
        self.declared = declared
        self.live = live
        self.source = source
    }

    /// Both values replaced by `"(sensitive)"`, for arguments fed by sensitive variables.
    public func masked() -> AttributeChange {
        var copy = self
        if !copy.declared.isNull { copy.declared = .string(AttributeChange.sensitiveMarker) }
        if !copy.live.isNull { copy.live = .string(AttributeChange.sensitiveMarker) }
        return copy
    }

    public static let sensitiveMarker = "(sensitive)"

    public var jsonValue: Value {
        var doc: [String: Value] = [
            "attribute": .string(attribute), "path": .string(path), "declared": declared, "live": live,
            "source": source.map(Value.string) ?? .null,
        ]
        if let firstSeen { doc["firstSeen"] = .string(firstSeen) }
        return .object(doc)
    }
}
