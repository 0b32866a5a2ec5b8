/// The parts of an HTTP request that SigV4 signs.
///
/// `path` is the path as sent on the wire (already percent-encoded, starting with `/`); the signer
/// encodes it once more for every service but S3 (`SigV4.Options.doubleEncodePath`).
/// `query` holds decoded name/value pairs; the signer encodes and sorts them.
public struct SigV4Request: Sendable, Hashable {
    public var method: String
    public var path: String
    public var query: [QueryItem]
    /// Header names in any case; the signer lower-cases them.
    public var headers: [String: String]
    /// Hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`.
    public var payloadHash: String

    public struct QueryItem: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(method: String, path: String, query: [QueryItem] = [], headers: [String: String], payloadHash: String) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.payloadHash = payloadHash
    }
}
