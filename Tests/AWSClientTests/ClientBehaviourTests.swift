import AWSClient
import Foundation
import Testing

@Suite("Cancellation")
struct CancellationTests {
    @Test("a cancelled scan stops retrying at once")
    func cancelled() async throws {
        let failure = TransportError(.unreachable, url: "https://x/", message: "cannot connect to https://x/")
        let transport = FakeTransport(Array(repeating: .fail(failure), count: 50))
        let client = AWSClient(
            configuration: .init(
                region: "us-east-1", credentials: .fixed(accessKeyID: "a", secretAccessKey: "b"), transport: transport,
                retryPolicy: RetryPolicy(maxAttempts: 50), sleep: { _ in try? await Task.sleep(nanoseconds: 5_000_000) }))
        let task = Task { try await client.ec2("DescribeInstances", [:]) }
        try await Task.sleep(nanoseconds: 30_000_000)
        task.cancel()
        let result = await task.result
        #expect(throws: AWSError.self) { try result.get() }
        #expect(transport.requests.count < 50)
    }
}

@Suite("Endpoint paths")
struct EndpointPathTests {
    @Test("an endpoint with a path prefixes every request path")
    func prefixedEndpoint() async throws {
        let transport = FakeTransport([
            .respond(200, [:], "<ListAllMyBucketsResult/>"), .respond(200, [:], #"{"TableNames":[]}"#),
        ])
        let client = AWSClient.fake(transport, endpoint: "http://proxy.local:4566/aws/")
        _ = try await client.s3(S3Request(operation: "GetObject", bucket: "bkt", key: "a/b.txt"))
        _ = try await client.dynamodb("ListTables", [:])
        #expect(transport.requests.map(\.url) == ["http://proxy.local:4566/aws/bkt/a/b.txt", "http://proxy.local:4566/aws/"])
        #expect(transport.requests.first?.headers["host"] == "proxy.local:4566")
    }
}

@Suite("Clock skew")
struct ClockSkewTests {
    @Test("a skewed clock is corrected from the Date header and the request retried once")
    func corrected() async throws {
        let transport = FakeTransport([
            .respond(
                403, ["date": "Sun, 30 Aug 2015 13:36:00 GMT"],
                "<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message></Error>"),
            .respond(200, [:], "<ListAllMyBucketsResult/>"),
            .respond(200, [:], "<ListAllMyBucketsResult/>"),
        ])
        let client = AWSClient(
            configuration: .init(
                region: "us-east-1", credentials: .fixed(accessKeyID: "a", secretAccessKey: "b"), transport: transport,
                retryPolicy: .none, clock: { 1_440_938_160 }))  // 12:36, an hour behind AWS
        _ = try await client.s3(S3Request(operation: "ListBuckets"))
        _ = try await client.withRegion("eu-west-1").s3(S3Request(operation: "ListBuckets"))
        #expect(transport.requests.map { $0.headers["x-amz-date"] } == ["20150830T123600Z", "20150830T133600Z", "20150830T133600Z"])
        #expect(client.clockCorrection.offset == 3600)
    }

    @Test("a signature error without skew is not retried")
    func notSkew() async throws {
        let transport = FakeTransport([
            .respond(403, ["date": "Sun, 30 Aug 2015 12:37:00 GMT"], "<Error><Code>SignatureDoesNotMatch</Code></Error>")
        ])
        let client = AWSClient(
            configuration: .init(
                region: "us-east-1", credentials: .fixed(accessKeyID: "a", secretAccessKey: "b"), transport: transport,
                clock: { 1_440_938_160 }))
        let error = await #expect(throws: AWSError.self) { try await client.s3(S3Request(operation: "ListBuckets")) }
        #expect(error?.code == "SignatureDoesNotMatch")
        #expect(transport.requests.count == 1)
    }
}

@Suite("Retry-After")
struct RetryAfterTests {
    @Test("the client waits at least what Retry-After asks")
    func honoured() async throws {
        let transport = FakeTransport([
            .respond(429, ["retry-after": "2"], #"{"__type":"TooManyRequestsException","message":"later"}"#),
            .respond(200, [:], #"{"TableNames":[]}"#),
        ])
        let sleeps = SleepRecorder()
        _ = try await AWSClient.fake(transport, sleeps: sleeps).dynamodb("ListTables", [:])
        #expect(sleeps.delays == [2])
    }
}
