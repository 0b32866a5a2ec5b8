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

    public init(service: String, operation: String, resource: String?, code: String, message: String) {
        self.service = service
        self.operation = operation
        self.resource = resource
        self.code = code
        self.message = message
    }

    public var description: String {
        "\(service) \(operation)\(resource.map { " \($0)" } ?? ""): \(code): \(message)"
    }

    public var jsonValue: Value {
        .object([
            "service": .string(service), "operation": .string(operation),
            "resource": resource.map(Value.string) ?? .null, "code": .string(code), "message": .string(message),
        ])
    }

    public init?(json: Value) {
        guard let service = json["service"]?.stringValue, let operation = json["operation"]?.stringValue else {
            return nil
        }
        self.init(
            service: service, operation: operation, resource: json["resource"]?.stringValue,
            code: json["code"]?.stringValue ?? "", message: json["message"]?.stringValue ?? "")
    }
}

extension ReadError: Comparable {
    public static func < (a: ReadError, b: ReadError) -> Bool {
        (a.service, a.resource ?? "", a.operation, a.code, a.message)
            < (b.service, b.resource ?? "", b.operation, b.code, b.message)
    }
}
