/// One fully built, signed HTTP request, as a transport sends it.
public struct HTTPRequest: Sendable, Hashable {
    public var method: String
    /// Absolute URL, path and query already percent-encoded.
    public var url: String
    public var headers: [String: String]
    public var body: [UInt8]
    /// Seconds the whole exchange may take.
    public var timeout: Double

    public init(method: String, url: String, headers: [String: String] = [:], body: [UInt8] = [], timeout: Double = 30) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}
