import AWSClient
import Foundation
import Testing

/// The standard mode's retry quota, as the AWS SDKs keep it per client.
@Suite("Retry quota")
struct RetryQuotaTests {
    static func error(_ code: String, status: Int) -> AWSError {
        AWSError(service: "ec2", operation: "DescribeInstances", resource: nil, code: code, message: "", httpStatus: status)
    }

    @Test("a retry costs 5 tokens, 10 after a timeout; a success gives back what its retry took, else 1")
    func arithmetic() {
        let quota = RetryQuota(tokens: 20)
        #expect(quota.acquire(after: Self.error("ServiceUnavailable", status: 503)) == 5)
        #expect(quota.acquire(after: Self.error("RequestTimeout", status: 0)) == 10)
        #expect(quota.available == 5)
        #expect(quota.acquire(after: Self.error("RequestTimeout", status: 0)) == nil)
        #expect(quota.available == 5, "a retry the quota cannot pay for takes nothing")
        quota.release(acquired: 10)
        #expect(quota.available == 15)
        quota.release(acquired: nil)
        #expect(quota.available == 16)
        quota.release(acquired: 10)
        #expect(quota.available == 20, "never above the initial tokens")
    }

    @Test("an endpoint that fails everything: retries stop once the 500 tokens are spent, then one request per call")
    func exhaustion() async throws {
        // An empty script answers 500 to every request.
        let transport = FakeTransport([])
        let client = AWSClient.fake(transport)
        for _ in 0..<26 {
            _ = await #expect(throws: AWSError.self) { try await client.ec2("DescribeInstances", [:]) }
        }
        // 25 calls × (1 + 4 retries at 5 tokens) spend the 500 tokens; the 26th is sent once.
        #expect(transport.requests.count == 25 * 5 + 1)
        #expect(client.retryQuota?.available == 0)
        // Every withRegion copy shares the same quota.
        #expect(client.withRegion("eu-west-1").retryQuota === client.retryQuota)
    }

    @Test("legacy mode has no quota")
    func legacy() {
        let client = AWSClient(configuration: .init(
            region: "us-east-1", credentials: .fixed(accessKeyID: "a", secretAccessKey: "b"), transport: FakeTransport([]),
            retryMode: .legacy))
        #expect(client.retryQuota == nil)
    }
}
