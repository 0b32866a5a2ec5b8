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
    /// What a 2xx answer must be; anything else is retried like a 5xx, then `MalformedResponse`.
    public var expected: ExpectedAnswer

    public init(
        operation: String, method: String = "GET", bucket: String? = nil, key: String? = nil,
        query: [String: String] = [:], headers: [String: String] = [:], body: [UInt8] = [], region: String? = nil,
        expected: ExpectedAnswer = .anything
    ) {
        self.expected = expected
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
