import DriftModel
import Terraform
import Testing

/// `.tf.json` resource bodies read by their own type's schema, as Terraform reads them from the
/// provider schema (the differential fixture `json-schema` checks the same against terraform plan).
@Suite(".tf.json: attribute or block decided per resource type")
struct JSONTypeSchemaTests {
    @Test("owner is an attribute in aws_s3_bucket replication rules and a block in aws_s3_bucket_acl")
    func perTypeAndDepth() throws {
        let baseline = LoaderFixtures.load("json-types")
        #expect(baseline.diagnostics.isEmpty, "\(baseline.diagnostics.map(\.rendered))")
        let bucket = try #require(baseline.resource("aws_s3_bucket.source"))
        #expect(bucket.attributes["replication_configuration"] == [[
            "role": "arn:aws:iam::123456789012:role/replication",
            "rules": [[
                "id": "all", "status": "Enabled", "prefix": "", "delete_marker_replication_status": "",
                "destination": [[
                    "bucket": "arn:aws:s3:::json-types-replica",
                    "access_control_translation": [["owner": "Destination"]],
                    "account_id": "", "replica_kms_key_id": "", "storage_class": "",
                ]],
            ]],
        ]])
        let acl = try #require(baseline.resource("aws_s3_bucket_acl.source"))
        #expect(acl.attributes["access_control_policy"] == [[
            "owner": [["id": "owner-id"]],
            "grant": [[
                "grantee": [["id": "owner-id", "type": "CanonicalUser", "email_address": "", "uri": ""]],
                "permission": "FULL_CONTROL",
            ]],
        ]])
    }

    @Test("a dynamic block nested in another block expands, its content read by the named block's schema")
    func nestedDynamic() throws {
        let baseline = LoaderFixtures.load("json-types")
        let lifecycle = try #require(baseline.resource("aws_s3_bucket_lifecycle_configuration.source"))
        #expect(lifecycle.attributes["rule"] == [[
            "id": "archive", "status": "Enabled", "filter": [["prefix": "logs/"]], "prefix": "",
            "transition": [["days": 30, "storage_class": "GLACIER"], ["days": 90, "storage_class": "GLACIER"]],
        ]])
    }

    @Test("a type the schema table does not describe keeps reading known block names as blocks")
    func unknownType() throws {
        let baseline = LoaderFixtures.load("json-types")
        let widget = try #require(baseline.resource("test_widget.w"))
        #expect(widget.attributes["versioning"] == [["enabled": true]])
        #expect(widget.attributes["owner"] == [["id": "x"]])
    }
}
