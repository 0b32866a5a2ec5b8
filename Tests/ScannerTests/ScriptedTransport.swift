import AWSClient
import Foundation

/// An `HTTPTransport` that answers from a script instead of the network, for what moto cannot do:
/// S3 paging ListBuckets, AccessDenied on one bucket's policy, malformed bodies. It records every
/// request so tests can assert what was (and was not) sent.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [HTTPRequest] = []
    private let answer: @Sendable (HTTPRequest) -> AWSResponse

    init(_ answer: @escaping @Sendable (HTTPRequest) -> AWSResponse) {
        self.answer = answer
    }

    func send(_ request: HTTPRequest) async throws -> AWSResponse {
        lock.withLock { sent.append(request) }
        return answer(request)
    }

    var requests: [HTTPRequest] { lock.withLock { sent } }

    func answerOnly(_ request: HTTPRequest) -> AWSResponse { answer(request) }

    static func ok(_ body: String, status: Int = 200) -> AWSResponse {
        AWSResponse(status: status, headers: ["content-type": "application/xml"], body: Data(body.utf8))
    }

    static func s3Error(_ code: String, status: Int = 404) -> AWSResponse {
        ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>\(code)</Code><Message>\(code) says the test</Message>"
            + "<RequestId>req-1</RequestId></Error>", status: status)
    }

    /// A client that talks only to this transport, with throwaway credentials and no real sleeps.
    func client(region: String = "us-east-1") async throws -> AWSClient {
        try await AWSClient.make(
            AWSClientOptions(
                region: region, endpointURL: "http://scripted.invalid", maxAttempts: 2, timeout: 5,
                environment: ["AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "secret", "HOME": "/nonexistent"]),
            transport: self)
    }
}

extension HTTPRequest {
    /// The decoded query items of the URL (S3 sub-resources such as `policy`, `continuation-token`).
    var queryItems: [String: String] {
        var items: [String: String] = [:]
        for item in URLComponents(string: url)?.queryItems ?? [] { items[item.name] = item.value ?? "" }
        return items
    }

    var path: String { URLComponents(string: url)?.path ?? "" }

    var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// `X-Amz-Target` suffix (DynamoDB) or `Action=` (EC2/STS), whichever the request carries.
    var operation: String {
        if let target = headers.first(where: { $0.key.lowercased() == "x-amz-target" })?.value {
            return String(target.split(separator: ".").last ?? "")
        }
        for pair in bodyText.split(separator: "&") where pair.hasPrefix("Action=") { return String(pair.dropFirst(7)) }
        return ""
    }
}
