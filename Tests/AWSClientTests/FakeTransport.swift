import AWSClient
import Foundation

/// Answers from a script, in order, and records every request: only for what moto cannot do
/// (redirects to other regions, throttling storms, malformed bodies).
final class FakeTransport: HTTPTransport, @unchecked Sendable {
    enum Step {
        case respond(Int, [String: String], String)
        case fail(TransportError)
    }

    private let lock = NSLock()
    private var steps: [Step]
    private var _requests: [HTTPRequest] = []

    init(_ steps: [Step]) { self.steps = steps }

    var requests: [HTTPRequest] { lock.withLock { _requests } }

    func send(_ request: HTTPRequest) async throws -> AWSResponse {
        let step: Step = lock.withLock {
            _requests.append(request)
            return steps.isEmpty ? .respond(500, [:], "script exhausted") : steps.removeFirst()
        }
        switch step {
        case .respond(let status, let headers, let body):
            return AWSResponse(status: status, headers: headers, body: Data(body.utf8))
        case .fail(let error):
            throw error
        }
    }
}

/// Records the waits the retry loop asked for instead of sleeping.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var _delays: [Double] = []
    var delays: [Double] { lock.withLock { _delays } }
    func record(_ seconds: Double) { lock.withLock { _delays.append(seconds) } }
}

extension AWSClient {
    /// A client on a fake transport with fixed keys, a recorded sleep and jitter fixed at 0.5.
    static func fake(_ transport: FakeTransport, sleeps: SleepRecorder = SleepRecorder(), endpoint: String? = nil, maxAttempts: Int = 5)
        -> AWSClient
    {
        AWSClient(
            configuration: .init(
                region: "us-east-1", endpoints: endpoint.map(Endpoints.all) ?? .aws,
                credentials: .fixed(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret"), transport: transport,
                retryPolicy: RetryPolicy(maxAttempts: maxAttempts), timeout: 5, sleep: { sleeps.record($0) },
                random: { 0.5 }))
    }
}
