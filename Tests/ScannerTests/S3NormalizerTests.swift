import AWSClient
import DriftModel
import Foundation
import Testing

@testable import Scanner

@Suite("S3 answers become the split bucket resources of a v5 configuration")
struct S3NormalizerTests {
    func resource(_ operation: String, _ bucket: String, ext: String = "xml") throws -> LiveResource? {
        try S3Normalizer.resource(
            operation: operation, bucket: bucket, body: Fixture.data("moto/s3-\(operation)-\(bucket).\(ext)"))
    }

    @Test("ListBuckets lists names in order with no continuation token from moto")
    func listBuckets() throws {
        let page = S3Normalizer.bucketPage(try Fixture.xml("s3-ListBuckets.xml"))
        #expect(page.entries.map(\.name) == ["full-bucket", "bare-bucket", "suspended-bucket", "log-target", "far-bucket"])
        #expect(page.entries.allSatisfy { $0.region == nil })
        #expect(page.continuationToken == nil)
    }

    @Test("ListBuckets with a parameter: each bucket's BucketRegion, as the API reference shows it")
    func listBucketsWithRegions() throws {
        // Hand-written from the ListBuckets API reference (moto 5.2 leaves BucketRegion out).
        let page = S3Normalizer.bucketPage(try XMLTree.parse(Data("""
            <ListAllMyBucketsResult><Buckets>
            <Bucket><CreationDate>2026-01-01T00:00:00.000Z</CreationDate><Name>a</Name><BucketRegion>us-east-1</BucketRegion></Bucket>
            <Bucket><CreationDate>2026-01-01T00:00:00.000Z</CreationDate><Name>b</Name><BucketRegion>eu-west-1</BucketRegion></Bucket>
            </Buckets><Owner><ID>x</ID></Owner><ContinuationToken>next</ContinuationToken></ListAllMyBucketsResult>
            """.utf8)))
        #expect(page.entries.map(\.name) == ["a", "b"])
        #expect(page.entries.map(\.region) == ["us-east-1", "eu-west-1"])
        #expect(page.continuationToken == "next")
    }

    @Test("an empty location constraint is us-east-1, otherwise the region named")
    func location() throws {
        #expect(S3Normalizer.region(try Fixture.xml("s3-GetBucketLocation-full-bucket.xml")) == "us-east-1")
        #expect(S3Normalizer.region(try Fixture.xml("s3-GetBucketLocation-far-bucket.xml")) == "eu-west-1")
        #expect(S3Normalizer.region(XMLTree(name: "LocationConstraint", text: "EU")) == "eu-west-1")
    }

    @Test("aws_s3_bucket carries bucket, region and tags")
    func bucket() throws {
        let r = S3Normalizer.bucket(
            "full-bucket", region: "us-east-1", tagging: try Fixture.xml("s3-GetBucketTagging-full-bucket.xml"))
        #expect(r.type == "aws_s3_bucket" && r.id == "full-bucket")
        #expect(r.attributes["bucket"] == "full-bucket")
        #expect(r.attributes["region"] == "us-east-1")
        #expect(r.attributes["tags"] == ["Team": "data", "Env": "prod"])
        #expect(S3Normalizer.bucket("bare-bucket", region: "us-east-1", tagging: nil).attributes["tags"] == [:])
    }

    @Test("versioning: Enabled and Suspended are resources, never-enabled is absent")
    func versioning() throws {
        let enabled = try #require(try resource("GetBucketVersioning", "full-bucket"))
        #expect(enabled.type == "aws_s3_bucket_versioning")
        #expect(enabled.attributes == ["bucket": "full-bucket", "versioning_configuration": [["status": "Enabled"]]])
        let suspended = try #require(try resource("GetBucketVersioning", "suspended-bucket"))
        #expect(suspended.attributes["versioning_configuration"] == [["status": "Suspended"]])
        #expect(try resource("GetBucketVersioning", "bare-bucket") == nil)
    }

    @Test("encryption: rule with the default algorithm block and bucket_key_enabled")
    func encryption() throws {
        let r = try #require(try resource("GetBucketEncryption", "full-bucket"))
        #expect(r.type == "aws_s3_bucket_server_side_encryption_configuration")
        #expect(r.attributes == [
            "bucket": "full-bucket",
            "rule": [[
                "apply_server_side_encryption_by_default": [[
                    "sse_algorithm": "aws:kms", "kms_master_key_id": "arn:aws:kms:us-east-1:123456789012:key/abc",
                ]],
                "bucket_key_enabled": true,
            ]],
        ])
    }

    @Test("public access block: the four booleans")
    func publicAccessBlock() throws {
        let r = try #require(try resource("GetPublicAccessBlock", "full-bucket"))
        #expect(r.attributes == [
            "bucket": "full-bucket", "block_public_acls": true, "block_public_policy": false,
            "ignore_public_acls": true, "restrict_public_buckets": true,
        ])
    }

    @Test("policy: canonical JSON whatever the stored formatting")
    func policy() throws {
        let r = try #require(try resource("GetBucketPolicy", "full-bucket", ext: "json"))
        #expect(r.attributes["policy"] == .string(
            #"{"Statement":[{"Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":"false"}},"Effect":"Deny","#
            + #""Principal":"*","Resource":["arn:aws:s3:::full-bucket","arn:aws:s3:::full-bucket/*"],"Sid":"DenyInsecure"}],"#
            + #""Version":"2012-10-17"}"#))
        #expect(throws: S3Normalizer.NormalizeError.self) {
            try S3Normalizer.resource(operation: "GetBucketPolicy", bucket: "b", body: Data("{not json".utf8))
        }
    }

    @Test("lifecycle: rules in order, filters, expiration and transitions as a sorted set")
    func lifecycle() throws {
        let r = try #require(try resource("GetBucketLifecycleConfiguration", "full-bucket"))
        let rules = try #require(r.attributes["rule"]?.arrayValue)
        #expect(rules.count == 2)
        #expect(rules[0] == [
            "id": "expire-logs", "status": "Enabled", "filter": [["prefix": "logs/"]], "expiration": [["days": 90, "expired_object_delete_marker": false]],
            "transition": [["days": 30, "storage_class": "STANDARD_IA"], ["days": 60, "storage_class": "GLACIER"]],
            "noncurrent_version_expiration": [["noncurrent_days": 30]],
            "abort_incomplete_multipart_upload": [["days_after_initiation": 7]],
        ])
        #expect(rules[1]["filter"] == [["and": [["prefix": "tmp/", "tags": ["k": "v"]]]]])
        #expect(rules[1]["status"] == "Disabled")
        #expect(S3Normalizer.rfc3339("2027-01-01T00:00:00.000Z") == "2027-01-01T00:00:00Z")
    }

    @Test("logging, ownership controls and ACL")
    func loggingOwnershipACL() throws {
        let logging = try #require(try resource("GetBucketLogging", "full-bucket"))
        #expect(logging.attributes == ["bucket": "full-bucket", "target_bucket": "log-target", "target_prefix": "full/"])
        #expect(try resource("GetBucketLogging", "bare-bucket") == nil)
        let ownership = try #require(try resource("GetBucketOwnershipControls", "full-bucket"))
        #expect(ownership.attributes["rule"] == [["object_ownership": "BucketOwnerPreferred"]])
        let acl = try #require(try resource("GetBucketAcl", "full-bucket"))
        let policy = try #require(acl.attributes["access_control_policy"]?.arrayValue?.first)
        let grants = try #require(policy["grant"]?.arrayValue)
        #expect(grants.count == 2)
        #expect(grants.contains([
            "permission": "READ",
            "grantee": [["type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers"]],
        ]))
        #expect(policy["owner"]?.arrayValue?.first?["display_name"] == "webfile")
    }
}
