import DriftModel
import Foundation

/// One S3 REST call. `query` holds sub-resources such as `["versioning": ""]` or `["list-type": "2"]`.
public struct S3Request: Sendable, Hashable {
    public var operation: String
    public var method: String
    public var bucket: String?
    public var key: String?
    public var query: [String: String]
    public var headers: [String: String]
    public var body: [UInt8]
    /// The bucket's own region when known (from `GetBucketLocation`); the client's region otherwise.
    public var region: String?

    public init(
        operation: String, method: String = "GET", bucket: String? = nil, key: String? = nil,
        query: [String: String] = [:], headers: [String: String] = [:], body: [UInt8] = [], region: String? = nil
    ) {
        self.operation = operation
        self.method = method
        self.bucket = bucket
        self.key = key
        self.query = query
        self.headers = headers
        self.body = body
        self.region = region
    }
}

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

// The facade collectors call. Implemented by the wire-layer work (issue 3): signing, retries,
// endpoints, error decoding and pagination helpers live behind these four entry points.
// Every method throws `AWSError` only.
//
//   public final class AWSClient: Sendable {
//       public var region: String { get }
//       public func ec2(_ action: String, _ parameters: [String: String], resource: String? = nil) async throws -> XMLTree
//       public func s3(_ request: S3Request) async throws -> AWSResponse      // non-2xx: decoded AWSError thrown
//       public func dynamodb(_ operation: String, _ payload: Value, resource: String? = nil) async throws -> Value
//       public func sts(_ action: String, _ parameters: [String: String]) async throws -> XMLTree
//       public func withRegion(_ region: String) -> AWSClient   // same credentials/transport, other region
//       public var metrics: RequestMetrics { get }              // requests made, retries (for progress lines)
//   }
