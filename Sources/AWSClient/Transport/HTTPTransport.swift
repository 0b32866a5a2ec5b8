/// Sends one HTTP request and returns whatever status came back.
///
/// The seam between the wire layer and the network: production uses `URLSessionTransport`, unit
/// tests inject faults that a real server cannot produce (throttling storms, malformed bodies,
/// redirects). A transport never interprets AWS semantics; it throws `TransportError` only when no
/// HTTP response was received.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> AWSResponse
}

/// No HTTP answer: the client turns this into an `AWSError` with retry class `.transient`.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// Connection refused, host not found, no route: `EndpointUnreachable`.
        case unreachable
        /// No complete answer within the timeout: `RequestTimeout`.
        case timedOut
        /// The connection dropped mid-exchange: `ConnectionReset`.
        case connectionLost
        /// Anything else the HTTP stack reports: `TransportFailure`.
        case other
    }

    public var kind: Kind
    public var url: String
    public var message: String

    public init(_ kind: Kind, url: String, message: String) {
        self.kind = kind
        self.url = url
        self.message = message
    }

    /// The `AWSError.code` this failure is reported with.
    public var code: String {
        switch kind {
        case .unreachable: return "EndpointUnreachable"
        case .timedOut: return "RequestTimeout"
        case .connectionLost: return "ConnectionReset"
        case .other: return "TransportFailure"
        }
    }

    public var description: String { "\(message) (\(url))" }
}
