/// A resource or setting that could not be read (or, in a scan, identified).
///
/// Listed in snapshots and reports instead of being thrown, because one unreadable bucket policy
/// must never stop a scan nor be mistaken for a bucket without a policy.
public struct ReadError: Sendable, Hashable, CustomStringConvertible {
    public var service: String
    public var operation: String
    public var resource: String?
    public var code: String
    public var message: String
    /// Where it happened, set only when a scan covers several roots, accounts or regions: the
    /// root whose baseline or declaration it concerns, the account and region of the target.
    public var root: String? = nil
    public var account: String? = nil
    public var region: String? = nil

    public init(service: String, operation: String, resource: String?, code: String, message: String) {
        self.service = service
        self.operation = operation
        self.resource = resource
        self.code = code
        self.message = message
    }

    public var description: String {
        let place = [root.map { "root \($0)" }, account.map { "account \($0)" }, region].compactMap { $0 }
        return "\(service) \(operation)\(resource.map { " \($0)" } ?? ""): \(code): \(message)"
            + (place.isEmpty ? "" : " (\(place.joined(separator: ", ")))")
    }

    public var jsonValue: Value {
        var doc: [String: Value] = [
            "service": .string(service), "operation": .string(operation),
            "resource": resource.map(Value.string) ?? .null, "code": .string(code), "message": .string(message),
        ]
        if let root { doc["root"] = .string(root) }
        if let account { doc["account"] = .string(account) }
        if let region { doc["region"] = .string(region) }
        return .object(doc)
    }

    public init?(json: Value) {
        guard let service = json["service"]?.stringValue, let operation = json["operation"]?.stringValue else {
            return nil
        }
        self.init(
            service: service, operation: operation, resource: json["resource"]?.stringValue,
            code: json["code"]?.stringValue ?? "", message: json["message"]?.stringValue ?? "")
        root = json["root"]?.stringValue
        account = json["account"]?.stringValue
        region = json["region"]?.stringValue
    }
}

extension ReadError: Comparable {
    public static func < (a: ReadError, b: ReadError) -> Bool {
        a.sortKey.lexicographicallyPrecedes(b.sortKey)
    }

    /// Target first (empty for a single-target scan, which keeps the old order), then the error.
    private var sortKey: [String] {
        [account ?? "", region ?? "", root ?? "", service, resource ?? "", operation, code, message]
    }
}
