import Foundation

/// A raw HTTP answer: status, lower-cased header names, body.
public struct AWSResponse: Sendable, Hashable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body as an XML tree; a malformed body becomes an `AWSError` with code `MalformedResponse`.
    public func xml(service: String, operation: String, resource: String? = nil) throws -> XMLTree {
        do { return try XMLTree.parse(body) } catch {
            throw AWSError(
                service: service, operation: operation, resource: resource, code: "MalformedResponse",
                message: error.description, httpStatus: status)
        }
    }
}
