import AWSClient
import DriftModel
import Foundation
import Testing

/// An answer that is not the operation's answer is an error, retried first, never "nothing there".
@Suite("Answers that are not the operation's answer")
struct MalformedAnswerTests {
    static let xhtml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Gateway</title></head><body><p>Please log in</p></body></html>
        """

    @Test("an XHTML 200 to an EC2 call is retried, then MalformedResponse naming the root it got")
    func ec2WrongRoot() async throws {
        let page = FakeTransport.Step.respond(200, [:], Self.xhtml)
        let transport = FakeTransport([page, page, page])
        let error = await #expect(throws: AWSError.self) {
            try await AWSClient.fake(transport, maxAttempts: 3).ec2("DescribeInstances", [:])
        }
        #expect(transport.requests.count == 3)
        #expect(error?.code == "MalformedResponse")
        #expect(error?.retryClass == .server)
        #expect(error?.message == "expected <DescribeInstancesResponse>, got <html>")
    }

    @Test("another operation's document is not this operation's answer")
    func ec2OtherOperation() async throws {
        let other = FakeTransport.Step.respond(200, [:], "<DescribeVolumesResponse><volumeSet/></DescribeVolumesResponse>")
        let transport = FakeTransport([other])
        let error = await #expect(throws: AWSError.self) {
            try await AWSClient.fake(transport, maxAttempts: 1).ec2("DescribeInstances", [:])
        }
        #expect(error?.code == "MalformedResponse")
        #expect(transport.requests.count == 1)
    }

    @Test("a listing without its set element is malformed, not empty")
    func ec2MissingSet() async throws {
        let bare = FakeTransport.Step.respond(200, [:], "<DescribeInstancesResponse><requestId>r</requestId></DescribeInstancesResponse>")
        let transport = FakeTransport([bare, bare])
        let error = await #expect(throws: AWSError.self) {
            try await AWSClient.fake(transport, maxAttempts: 2).ec2("DescribeInstances", [:], children: ["reservationSet"])
        }
        #expect(error?.message == "<DescribeInstancesResponse> without <reservationSet>")
        #expect(transport.requests.count == 2)
    }

    @Test("a body truncated once is retried and the second answer is used")
    func truncatedOnce() async throws {
        let transport = FakeTransport([
            .respond(200, [:], "<DescribeInstancesResponse><reservationSet><item>"),
            .respond(200, [:], "<DescribeInstancesResponse><reservationSet/></DescribeInstancesResponse>"),
        ])
        let sleeps = SleepRecorder()
        let client = AWSClient.fake(transport, sleeps: sleeps)
        let tree = try await client.ec2("DescribeInstances", [:], children: ["reservationSet"])
        #expect(tree.name == "DescribeInstancesResponse")
        #expect(transport.requests.count == 2)
        #expect(client.metrics.retries == 1)
        #expect(sleeps.delays == [0.05])  // backoff as for a 5xx: 0.5 × 0.1 s
    }

    @Test("S3: an XHTML 200 to GetBucketVersioning is MalformedResponse after the retries")
    func s3VersioningXHTML() async throws {
        let page = FakeTransport.Step.respond(200, [:], Self.xhtml)
        let transport = FakeTransport([page, page])
        let request = S3Request(
            operation: "GetBucketVersioning", bucket: "b", query: ["versioning": ""],
            expected: .xml(roots: ["VersioningConfiguration"]))
        let error = await #expect(throws: AWSError.self) {
            try await AWSClient.fake(transport, maxAttempts: 2).s3(request)
        }
        #expect(error?.code == "MalformedResponse")
        #expect(error?.resource == "b")
        #expect(transport.requests.count == 2)
    }

    @Test("S3: an empty 200 to GetBucketPolicy is malformed; only NoSuchBucketPolicy means no policy")
    func s3EmptyPolicy() async throws {
        let empty = FakeTransport.Step.respond(200, [:], "")
        let transport = FakeTransport([empty, empty])
        let request = S3Request(operation: "GetBucketPolicy", bucket: "b", query: ["policy": ""], expected: .jsonDocument)
        let error = await #expect(throws: AWSError.self) {
            try await AWSClient.fake(transport, maxAttempts: 2).s3(request)
        }
        #expect(error?.code == "MalformedResponse")
        #expect(error?.message == "empty body where a JSON document was expected")
        let refused = FakeTransport([.respond(404, [:], "<Error><Code>NoSuchBucketPolicy</Code></Error>")])
        let noPolicy = await #expect(throws: AWSError.self) {
            try await AWSClient.fake(refused, maxAttempts: 2).s3(request)
        }
        #expect(noPolicy?.code == "NoSuchBucketPolicy")
        #expect(refused.requests.count == 1)
    }

    @Test("S3: the expected document is returned parsed, after a redirect too")
    func s3DocumentAfterRedirect() async throws {
        let transport = FakeTransport([
            .respond(301, ["x-amz-bucket-region": "eu-west-1"], "<Error><Code>PermanentRedirect</Code></Error>"),
            .respond(200, [:], "<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>"),
        ])
        let tree = try await AWSClient.fake(transport).s3Document(
            S3Request(operation: "GetBucketTagging", bucket: "b", query: ["tagging": ""], expected: .xml(roots: ["Tagging"], children: ["TagSet"])))
        #expect(tree.string("TagSet/Tag/Value") == "v")
        #expect(transport.requests.count == 2)
    }

    @Test("DynamoDB: an answer without the operation's key is retried, then MalformedResponse")
    func dynamodbMissingKey() async throws {
        let wrong = FakeTransport.Step.respond(200, [:], #"{"Something": 1}"#)
        let transport = FakeTransport([wrong, wrong])
        let error = await #expect(throws: AWSError.self) {
            try await AWSClient.fake(transport, maxAttempts: 2).dynamodb("DescribeTable", ["TableName": "t"], keys: ["Table"])
        }
        #expect(error?.code == "MalformedResponse")
        #expect(error?.message == "no Table in the answer")
        #expect(transport.requests.count == 2)
    }
}
