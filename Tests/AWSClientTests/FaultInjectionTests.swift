import AWSClient
import DriftModel
import Foundation
import Testing

/// What moto cannot produce, through a scripted transport.
@Suite("Faults moto cannot produce")
struct FaultInjectionTests {
    static let listBuckets = """
        <ListAllMyBucketsResult><Buckets><Bucket><Name>b1</Name></Bucket></Buckets></ListAllMyBucketsResult>
        """

    @Test("S3 301 PermanentRedirect is re-signed and sent once to the bucket's region")
    func s3Redirect() async throws {
        let transport = FakeTransport([
            .respond(
                301, ["x-amz-bucket-region": "eu-west-1"],
                "<Error><Code>PermanentRedirect</Code><Message>use the other endpoint</Message></Error>"),
            .respond(200, [:], "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>"),
        ])
        let client = AWSClient.fake(transport)
        let response = try await client.s3(S3Request(operation: "GetBucketVersioning", bucket: "my-bucket", query: ["versioning": ""]))
        let tree = try response.xml(service: "s3", operation: "GetBucketVersioning")
        #expect(tree.string("Status") == "Enabled")
        let requests = transport.requests
        #expect(requests.count == 2)
        #expect(requests[0].url == "https://my-bucket.s3.us-east-1.amazonaws.com/?versioning=")
        #expect(requests[1].url == "https://my-bucket.s3.eu-west-1.amazonaws.com/?versioning=")
        #expect(requests[1].headers["authorization"]?.contains("/eu-west-1/s3/aws4_request") == true)
        #expect(requests[1].headers["x-amz-content-sha256"] == SigV4Hash.empty)
    }

    @Test("a 400 with x-amz-bucket-region (region mismatch) is followed on a custom endpoint too")
    func s3RegionHeaderOnCustomEndpoint() async throws {
        let transport = FakeTransport([
            .respond(400, ["x-amz-bucket-region": "ap-south-1"], "<Error><Code>AuthorizationHeaderMalformed</Code><Region>ap-south-1</Region></Error>"),
            .respond(200, [:], "<Tagging><TagSet/></Tagging>"),
        ])
        let client = AWSClient.fake(transport, endpoint: "http://127.0.0.1:9")
        _ = try await client.s3(S3Request(operation: "GetBucketTagging", bucket: "b.with.dots", query: ["tagging": ""]))
        let requests = transport.requests
        #expect(requests.map(\.url) == ["http://127.0.0.1:9/b.with.dots?tagging=", "http://127.0.0.1:9/b.with.dots?tagging="])
        #expect(requests[1].headers["authorization"]?.contains("/ap-south-1/s3/") == true)
    }

    @Test("a redirect is followed once, not in a loop")
    func redirectOnce() async throws {
        let redirect = FakeTransport.Step.respond(
            301, ["x-amz-bucket-region": "eu-west-1"], "<Error><Code>PermanentRedirect</Code></Error>")
        let transport = FakeTransport([redirect, .respond(301, ["x-amz-bucket-region": "us-east-1"], "<Error><Code>PermanentRedirect</Code><Message>again</Message></Error>")])
        let client = AWSClient.fake(transport)
        let error = await #expect(throws: AWSError.self) {
            try await client.s3(S3Request(operation: "GetBucketAcl", bucket: "bucket1", query: ["acl": ""]))
        }
        #expect(error?.code == "PermanentRedirect")
        #expect(error?.httpStatus == 301)
        #expect(transport.requests.count == 2)
    }

    @Test("a throttling storm is retried with backoff until it succeeds, and counted")
    func throttlingStorm() async throws {
        let throttle = FakeTransport.Step.respond(
            503, [:], "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>slow down</Message></Error></Errors></Response>")
        let transport = FakeTransport([
            throttle, throttle, throttle,
            .respond(200, [:], "<DescribeInstancesResponse><reservationSet/></DescribeInstancesResponse>"),
        ])
        let sleeps = SleepRecorder()
        let client = AWSClient.fake(transport, sleeps: sleeps)
        let tree = try await client.ec2("DescribeInstances", ["MaxResults": "1000"])
        #expect(tree.name == "DescribeInstancesResponse")
        #expect(sleeps.delays == [0.25, 0.5, 1.0])  // random 0.5 × 0.5 s × 2^(n-1)
        #expect(client.metrics.requests == 4)
        #expect(client.metrics.retries == 3)
        #expect(client.metrics.throttled == 3)
        // Every attempt is signed afresh and carries the same form body.
        #expect(Set(transport.requests.map { String(decoding: $0.body, as: UTF8.self) }).count == 1)
    }

    @Test("a storm longer than maxAttempts surfaces the throttling error")
    func stormGivesUp() async throws {
        let throttle = FakeTransport.Step.respond(
            400, ["x-amzn-requestid": "R1"], #"{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"too fast"}"#)
        let transport = FakeTransport([throttle, throttle, throttle])
        let client = AWSClient.fake(transport, maxAttempts: 3)
        let error = await #expect(throws: AWSError.self) { try await client.dynamodb("ListTables", [:]) }
        #expect(error?.code == "ProvisionedThroughputExceededException")
        #expect(error?.retryClass == .throttling)
        #expect(error?.requestID == "R1")
        #expect(transport.requests.count == 3)
    }

    @Test("a malformed XML body is retried like a 5xx, then MalformedResponse")
    func malformedXML() async throws {
        let truncated = FakeTransport.Step.respond(200, [:], "<DescribeInstancesResponse><reservationSet>")
        let transport = FakeTransport([truncated, truncated])
        let error = await #expect(throws: AWSError.self) {
            try await AWSClient.fake(transport, maxAttempts: 2).ec2("DescribeInstances", [:])
        }
        #expect(transport.requests.count == 2)
        #expect(error?.code == "MalformedResponse")
        #expect(error?.service == "ec2")
        #expect(error?.operation == "DescribeInstances")
    }

    @Test("a malformed JSON body is retried like a 5xx, then MalformedResponse")
    func malformedJSON() async throws {
        let truncated = FakeTransport.Step.respond(200, ["x-amzn-requestid": "J1"], #"{"TableNames": ["#)
        let transport = FakeTransport([truncated, truncated, truncated])
        let error = await #expect(throws: AWSError.self) {
            try await AWSClient.fake(transport, maxAttempts: 3).dynamodb("ListTables", [:])
        }
        #expect(transport.requests.count == 3)
        #expect(error?.code == "MalformedResponse")
        #expect(error?.requestID == "J1")
    }

    @Test("DynamoDB requests carry the JSON 1.0 headers and the payload")
    func dynamodbShape() async throws {
        let transport = FakeTransport([.respond(200, [:], #"{"TableNames":["a"]}"#)])
        let value = try await AWSClient.fake(transport).dynamodb("ListTables", ["Limit": 10])
        #expect(value["TableNames"] == ["a"])
        let request = try #require(transport.requests.first)
        #expect(request.headers["x-amz-target"] == "DynamoDB_20120810.ListTables")
        #expect(request.headers["content-type"] == "application/x-amz-json-1.0")
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"Limit":10}"#)
        #expect(request.url == "https://dynamodb.us-east-1.amazonaws.com/")
    }

    @Test("a connection failure is retried, then reported as EndpointUnreachable naming the URL")
    func unreachableFake() async throws {
        let failure = TransportError(.unreachable, url: "https://ec2.us-east-1.amazonaws.com/", message: "cannot connect to https://ec2.us-east-1.amazonaws.com/")
        let transport = FakeTransport([.fail(failure), .fail(failure)])
        let error = await #expect(throws: AWSError.self) {
            try await AWSClient.fake(transport, maxAttempts: 2).ec2("DescribeInstances", [:])
        }
        #expect(error?.code == "EndpointUnreachable")
        #expect(error?.retryClass == .transient)
        #expect(transport.requests.count == 2)
    }

    @Test("a closed port through URLSession is EndpointUnreachable with a one-line message")
    func unreachableReal() async throws {
        let port = try closedPort()
        let client = AWSClient(
            configuration: .init(
                region: "us-east-1", endpoints: .all("http://127.0.0.1:\(port)"),
                credentials: .fixed(accessKeyID: "a", secretAccessKey: "b"), retryPolicy: RetryPolicy(maxAttempts: 2),
                timeout: 5, sleep: { _ in }))
        let error = await #expect(throws: AWSError.self) { try await client.s3(S3Request(operation: "ListBuckets")) }
        #expect(error?.code == "EndpointUnreachable")
        #expect(error?.retryClass == .transient)
        #expect(error?.description.contains("http://127.0.0.1:\(port)/") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test("a stalled request times out")
    func timeout() async throws {
        struct Stall: HTTPTransport {
            func send(_ request: HTTPRequest) async throws -> AWSResponse {
                try await Task.sleep(nanoseconds: 300_000_000_000)
                return AWSResponse(status: 200, headers: [:], body: Data())
            }
        }
        let client = AWSClient(
            configuration: .init(
                region: "us-east-1", credentials: .fixed(accessKeyID: "a", secretAccessKey: "b"), transport: Stall(),
                retryPolicy: .none, timeout: 0.2, connectTimeout: 0))
        let error = await #expect(throws: AWSError.self) { try await client.sts("GetCallerIdentity", [:]) }
        #expect(error?.code == "RequestTimeout")
        // The stall answers 200 after 300 s: only the client's own timeout can give RequestTimeout, so
        // the error code proves the timeout fired without a wall-clock bound (the wait for a cooperative
        // thread on busy cores made any bound flaky).
    }

    private func closedPort() throws -> Int {
        // A port that was free a moment ago; nothing listens on it.
        let port = try TestPorts.free()
        return port
    }
}

enum SigV4Hash {
    static let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
}
