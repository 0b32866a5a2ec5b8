import AWSClient
import DriftModel
import Foundation
import Testing

@testable import Scanner

/// What moto cannot produce, through a scripted transport: S3 paging, per-setting refusals,
/// malformed bodies for one resource and for a listing.
@Suite("Scanner against scripted answers")
struct ScriptedScanTests {
    /// An S3 that pages ListBuckets in two pages and has nothing configured on any bucket.
    static func pagingS3(policyAnswer: AWSResponse? = nil, encryptionAnswer: AWSResponse? = nil) -> ScriptedTransport {
        ScriptedTransport { request in
            let query = request.queryItems
            if request.path == "/" || request.path.isEmpty {
                if query["continuation-token"] == "page-2" {
                    return ScriptedTransport.ok("<ListAllMyBucketsResult><Buckets><Bucket><Name>b-3</Name></Bucket></Buckets></ListAllMyBucketsResult>")
                }
                return ScriptedTransport.ok("<ListAllMyBucketsResult><Buckets><Bucket><Name>b-1</Name></Bucket><Bucket><Name>b-2</Name></Bucket>"
                    + "</Buckets><ContinuationToken>page-2</ContinuationToken></ListAllMyBucketsResult>")
            }
            if query["location"] != nil { return ScriptedTransport.ok("<LocationConstraint/>") }
            if query["tagging"] != nil { return ScriptedTransport.s3Error("NoSuchTagSet") }
            if query["versioning"] != nil { return ScriptedTransport.ok("<VersioningConfiguration/>") }
            if query["encryption"] != nil {
                return encryptionAnswer ?? ScriptedTransport.s3Error("ServerSideEncryptionConfigurationNotFoundError")
            }
            if query["publicAccessBlock"] != nil { return ScriptedTransport.s3Error("NoSuchPublicAccessBlockConfiguration") }
            if query["policy"] != nil { return policyAnswer ?? ScriptedTransport.s3Error("NoSuchBucketPolicy") }
            if query["lifecycle"] != nil { return ScriptedTransport.s3Error("NoSuchLifecycleConfiguration") }
            if query["logging"] != nil { return ScriptedTransport.ok("<BucketLoggingStatus/>") }
            if query["ownershipControls"] != nil { return ScriptedTransport.s3Error("OwnershipControlsNotFoundError") }
            if query["acl"] != nil {
                return ScriptedTransport.ok("<AccessControlPolicy><Owner><ID>o</ID></Owner><AccessControlList><Grant><Grantee "
                    + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\"><ID>o</ID></Grantee>"
                    + "<Permission>FULL_CONTROL</Permission></Grant></AccessControlList></AccessControlPolicy>")
            }
            return ScriptedTransport.s3Error("NotImplemented", status: 501)
        }
    }

    func s3Options() -> ScanOptions {
        var options = ScanOptions()
        options.services = [.s3]
        return options
    }

    @Test("ListBuckets follows the continuation token S3 returns and never sends max-buckets")
    func bucketPaging() async throws {
        let transport = Self.pagingS3()
        let snapshot = try await Scanner(client: try await transport.client(), options: s3Options()).snapshot()
        #expect(snapshot.resources.filter { $0.type == "aws_s3_bucket" }.map(\.id) == ["b-1", "b-2", "b-3"])
        #expect(snapshot.errors.isEmpty)
        let listings = transport.requests.filter {
            $0.method == "GET" && ($0.path == "/" || $0.path.isEmpty) && $0.queryItems["bucket-region"] == nil
        }
        #expect(listings.count == 2)
        #expect(listings.allSatisfy { $0.queryItems["max-buckets"] == nil })
        #expect(listings.last?.queryItems["continuation-token"] == "page-2")
        // Nothing configured: only the bucket and its ACL exist.
        #expect(Set(snapshot.resources.map(\.type)) == ["aws_s3_bucket", "aws_s3_bucket_acl"])
    }

    @Test("declared arguments read tags and the declared settings only, and name the skipped ones in omitted")
    func selectedSettings() async throws {
        let transport = Self.pagingS3()
        var options = s3Options()
        options.declaredArguments = ["aws_s3_bucket_versioning": ["bucket"]]
        let snapshot = try await Scanner(client: try await transport.client(), options: options).snapshot()
        let settingCalls = transport.requests.filter { $0.path != "/" && !$0.path.isEmpty && $0.queryItems["location"] == nil }
        #expect(Set(settingCalls.flatMap { $0.queryItems.keys }) == ["tagging", "versioning"])
        #expect(settingCalls.count == 3 * 2)
        #expect(!snapshot.resources.contains { $0.type == "aws_s3_bucket_acl" })
        #expect(snapshot.omitted["aws_s3_bucket_acl"] == ["*"])
        #expect(snapshot.omitted["aws_s3_bucket_versioning"] == nil)
    }

    @Test("an AccessDenied bucket policy is an errors entry, not an absent policy, and the scan goes on")
    func unreadablePolicy() async throws {
        let transport = Self.pagingS3(policyAnswer: ScriptedTransport.s3Error("AccessDenied", status: 403))
        let snapshot = try await Scanner(client: try await transport.client(), options: s3Options()).snapshot()
        #expect(snapshot.errors.count == 3)
        let first = try #require(snapshot.errors.first)
        #expect(first == ReadError(service: "s3", operation: "GetBucketPolicy", resource: "b-1", code: "AccessDenied",
            message: "AccessDenied says the test"))
        #expect(snapshot.resources.filter { $0.type == "aws_s3_bucket" }.count == 3)
        #expect(snapshot.resources.contains { $0.type == "aws_s3_bucket_policy" } == false)
    }

    @Test("a malformed answer for one bucket's setting is an errors entry")
    func malformedSetting() async throws {
        let transport = Self.pagingS3(encryptionAnswer: ScriptedTransport.ok("<ServerSideEncryptionConfiguration><Rule>"))
        let snapshot = try await Scanner(client: try await transport.client(), options: s3Options()).snapshot()
        #expect(snapshot.errors.count == 3)
        #expect(snapshot.errors.allSatisfy { $0.operation == "GetBucketEncryption" && $0.code == "MalformedResponse" })
        #expect(snapshot.resources.filter { $0.type == "aws_s3_bucket" }.count == 3)
    }

    @Test("a malformed ListBuckets body stops the scan with a one-line ScanError")
    func malformedListing() async throws {
        let transport = ScriptedTransport { _ in ScriptedTransport.ok("<html><body>proxy login") }
        await #expect(throws: ScanError.self) {
            _ = try await Scanner(client: try await transport.client(), options: s3Options()).snapshot()
        }
        do {
            _ = try await Scanner(client: try await transport.client(), options: s3Options()).snapshot()
        } catch let error as ScanError {
            #expect(error.description.hasPrefix("could not list S3 buckets (ListBuckets): "))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("a ListTables answer without TableNames stops the scan")
    func malformedTables() async throws {
        let transport = ScriptedTransport { _ in
            AWSResponse(status: 200, headers: ["content-type": "application/x-amz-json-1.0"], body: Data("{\"Oops\":1}".utf8))
        }
        var options = ScanOptions()
        options.services = [.dynamodb]
        await #expect(throws: ScanError.self) {
            _ = try await Scanner(client: try await transport.client(), options: options).snapshot()
        }
    }

    @Test("a bucket whose location cannot be read is an errors entry; other buckets are read")
    func locationFailure() async throws {
        let base = Self.pagingS3()
        let transport = ScriptedTransport { request in
            if request.queryItems["location"] != nil, request.path.contains("b-2") { return ScriptedTransport.s3Error("AccessDenied", status: 403) }
            return base.answerForTest(request)
        }
        let snapshot = try await Scanner(client: try await transport.client(), options: s3Options()).snapshot()
        #expect(snapshot.resources.filter { $0.type == "aws_s3_bucket" }.map(\.id) == ["b-1", "b-3"])
        #expect(snapshot.errors.map(\.operation) == ["GetBucketLocation"])
        #expect(snapshot.errors.first?.resource == "b-2")
    }
}

extension ScriptedTransport {
    /// The scripted answer without recording, to compose scripts.
    func answerForTest(_ request: HTTPRequest) -> AWSResponse { answerOnly(request) }
}
