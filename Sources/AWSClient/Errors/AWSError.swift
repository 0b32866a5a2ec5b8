/// Everything that can go wrong talking to AWS, with the context a user needs to act on it.
///
/// AWS error codes are an open set, so this is a struct rather than an enum: an unknown code never
/// breaks decoding. `retryClass` is what the retry policy reads.
public struct AWSError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum RetryClass: String, Sendable, Hashable {
        /// Connection reset, timeout, DNS: the request may not have reached AWS.
        case transient
        /// `Throttling`, `RequestLimitExceeded`, `SlowDown`, ...
        case throttling
        /// HTTP 5xx.
        case server
        /// Anything the caller must fix; never retried.
        case client
    }

    public var service: String
    public var operation: String
    public var resource: String?
    public var code: String
    public var message: String
    /// 0 when no HTTP response was received.
    public var httpStatus: Int
    public var requestID: String?
    public var retryClass: RetryClass

    public init(
        service: String, operation: String, resource: String? = nil, code: String, message: String,
        httpStatus: Int = 0, requestID: String? = nil, retryClass: RetryClass = .client
    ) {
        self.service = service
        self.operation = operation
        self.resource = resource
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.requestID = requestID
        self.retryClass = retryClass
    }

    public var description: String {
        var s = "\(service) \(operation)"
        if let resource { s += " (\(resource))" }
        s += ": \(code)"
        if !message.isEmpty { s += ": \(message)" }
        if httpStatus > 0 { s += " [HTTP \(httpStatus)" + (requestID.map { ", request \($0)" } ?? "") + "]" }
        return s
    }
}
