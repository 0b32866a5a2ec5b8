import AWSClient
import DriftModel
import Foundation
import Testing

@testable import Scanner

/// Under an answer that is not the operation's answer, a bucket's setting is an error (after the
/// client's retries), never "not configured": no false `missing`, no false tag drift.
@Suite("Scanner under odd answers")
struct OddAnswerScanTests {
    static let xhtml = ScriptedTransport.ok(
        "<?xml version=\"1.0\"?><!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>maintenance</body></html>")

    func s3Options() -> ScanOptions {
        var options = ScanOptions()
        options.services = [.s3]
        return options
    }

    /// The paging S3 of `ScriptedScanTests` with one sub-resource answered by `odd`.
    func scan(_ subresource: String, _ odd: AWSResponse) async throws -> (Snapshot, ScriptedTransport) {
        let base = ScriptedScanTests.pagingS3()
        let transport = ScriptedTransport { request in
            request.queryItems[subresource] != nil && request.path != "/" ? odd : base.answerForTest(request)
        }
        let snapshot = try await Scanner(client: try await transport.client(), options: s3Options()).snapshot()
        return (snapshot, transport)
    }

    @Test("odd S3 answers are errors for the bucket, each retried once (maxAttempts 2)", arguments: [
        ("versioning", OddAnswerScanTests.xhtml, "GetBucketVersioning"),
        ("tagging", OddAnswerScanTests.xhtml, "GetBucketTagging"),
        ("policy", ScriptedTransport.ok(""), "GetBucketPolicy"),
        ("logging", ScriptedTransport.ok("<VersioningConfiguration/>"), "GetBucketLogging"),
        ("acl", ScriptedTransport.ok("<AccessControlPolicy/>"), "GetBucketAcl"),
        ("ownershipControls", ScriptedTransport.ok("<OwnershipControls/>"), "GetBucketOwnershipControls"),
    ])
    func oddSetting(subresource: String, odd: AWSResponse, operation: String) async throws {
        let (snapshot, transport) = try await scan(subresource, odd)
        #expect(snapshot.errors.map(\.resource) == ["b-1", "b-2", "b-3"])
        #expect(snapshot.errors.allSatisfy { $0.operation == operation && $0.code == "MalformedResponse" })
        let calls = transport.requests.filter { $0.queryItems[subresource] != nil && $0.path != "/" }
        #expect(calls.count == 3 * 2)
        #expect(snapshot.resources.filter { $0.type == "aws_s3_bucket" }.count == 3)
        if operation == "GetBucketTagging" {
            // Unknown tags are left out, never `{}`: no tag drift can be reported from them.
            #expect(snapshot.resources.filter { $0.type == "aws_s3_bucket" }.allSatisfy { $0.attributes["tags"] == nil })
        }
        if operation == "GetBucketAcl" { #expect(!snapshot.resources.contains { $0.type == "aws_s3_bucket_acl" }) }
    }

    @Test("the documented empty answers still mean not configured: <VersioningConfiguration/>, <BucketLoggingStatus/>")
    func documentedEmpty() async throws {
        let (snapshot, _) = try await scan("versioning", ScriptedTransport.ok("<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>"))
        #expect(snapshot.errors.isEmpty)
        #expect(!snapshot.resources.contains { $0.type == "aws_s3_bucket_versioning" || $0.type == "aws_s3_bucket_logging" })
    }

    @Test("a truncated DescribeInstances page is retried; the second answer is used")
    func truncatedListingOnce() async throws {
        let counter = Counter()
        let transport = ScriptedTransport { request in
            if counter.next() == 0 { return ScriptedTransport.ok("<DescribeInstancesResponse><reservationSet><item>") }
            return ScriptedTransport.ok("<DescribeInstancesResponse><reservationSet/></DescribeInstancesResponse>")
        }
        var options = ScanOptions()
        options.services = [.ec2]
        let snapshot = try await Scanner(client: try await transport.client(), options: options).snapshot()
        #expect(snapshot.errors.isEmpty)
        #expect(transport.requests.filter { $0.operation == "DescribeInstances" }.count == 2)
    }

    @Test("a page that stays unreadable is asked for again with half the page size, down to what works")
    func pageHalving() async throws {
        let transport = ScriptedTransport { request in
            let size = Int(request.bodyText.components(separatedBy: "MaxResults=").last?.prefix { $0.isNumber } ?? "") ?? 0
            if size > 250 { return ScriptedTransport.ok("<DescribeInstancesResponse><reservationSet><item>") }
            return ScriptedTransport.ok("<DescribeInstancesResponse><reservationSet/></DescribeInstancesResponse>")
        }
        var options = ScanOptions()
        options.services = [.ec2]
        let snapshot = try await Scanner(client: try await transport.client(), options: options).snapshot()
        #expect(snapshot.errors.isEmpty)
        let sizes = transport.requests.filter { $0.operation == "DescribeInstances" }.map {
            $0.bodyText.components(separatedBy: "MaxResults=").last?.prefix { $0.isNumber } ?? ""
        }
        // Two attempts (maxAttempts 2) at 1000 and at 500, then one at 250.
        #expect(sizes == ["1000", "1000", "500", "500", "250"])
    }

    @Test("DynamoDB: {} to ListTagsOfResource is an error for the table, not an empty tag map")
    func dynamodbEmptyTags() async throws {
        let transport = ScriptedTransport { request in
            let json: String
            switch request.operation {
            case "ListTables": json = #"{"TableNames":["t"]}"#
            case "DescribeTable":
                json = #"{"Table":{"TableName":"t","TableArn":"arn:aws:dynamodb:us-east-1:1:table/t","KeySchema":[],"AttributeDefinitions":[]}}"#
            case "ListTagsOfResource": json = "{}"
            case "DescribeContinuousBackups": json = #"{"ContinuousBackupsDescription":{"ContinuousBackupsStatus":"ENABLED"}}"#
            case "DescribeTimeToLive": json = #"{"TimeToLiveDescription":{"TimeToLiveStatus":"DISABLED"}}"#
            default: json = "{}"
            }
            return AWSResponse(status: 200, headers: [:], body: Data(json.utf8))
        }
        var options = ScanOptions()
        options.services = [.dynamodb]
        let snapshot = try await Scanner(client: try await transport.client(), options: options).snapshot()
        #expect(snapshot.errors.map(\.operation) == ["ListTagsOfResource"])
        #expect(snapshot.errors.first?.code == "MalformedResponse")
        #expect(snapshot.resources.first?.attributes["tags"] == nil)
        #expect(transport.requests.filter { $0.operation == "ListTagsOfResource" }.count == 2)
    }
}

/// A thread-safe call counter for scripts whose answer depends on the attempt.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { defer { value += 1 }; return value } }
}
