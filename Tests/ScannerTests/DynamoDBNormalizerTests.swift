import DriftModel
import Testing

@testable import Scanner

@Suite("DynamoDB answers become aws_dynamodb_table attributes in the provider's shapes")
struct DynamoDBNormalizerTests {
    @Test("a provisioned table with keys, indexes, stream, SSE and protection")
    func provisioned() throws {
        let a = try #require(DynamoDBNormalizer.table(try Fixture.json("dynamodb-DescribeTable-orders.json")))
        #expect(a["name"] == "orders")
        #expect(a["billing_mode"] == "PROVISIONED")
        #expect(a["hash_key"] == "pk")
        #expect(a["range_key"] == "sk")
        #expect(a["attribute"] == [
            ["name": "gsi_pk", "type": "S"], ["name": "lsi_sk", "type": "B"], ["name": "pk", "type": "S"],
            ["name": "sk", "type": "N"],
        ])
        #expect(a["read_capacity"] == 5)
        #expect(a["write_capacity"] == 3)
        #expect(a["global_secondary_index"] == [[
            "name": "by-gsi", "hash_key": "gsi_pk", "projection_type": "INCLUDE",
            "non_key_attributes": ["alpha", "zeta"], "read_capacity": 2, "write_capacity": 1,
        ]])
        #expect(a["local_secondary_index"] == [["name": "by-lsi", "range_key": "lsi_sk", "projection_type": "KEYS_ONLY"]])
        #expect(a["stream_enabled"] == true)
        #expect(a["stream_view_type"] == "NEW_AND_OLD_IMAGES")
        #expect(a["server_side_encryption"] == [["enabled": true, "kms_key_arn": "arn:aws:kms:us-east-1:123456789012:key/ddb"]])
        #expect(a["deletion_protection_enabled"] == true)
        #expect(a["table_class"] == "STANDARD")
    }

    @Test("an on-demand table: zero capacities, no stream, no indexes, no SSE block")
    func onDemand() throws {
        let a = try #require(DynamoDBNormalizer.table(try Fixture.json("dynamodb-DescribeTable-locks.json")))
        #expect(a["billing_mode"] == "PAY_PER_REQUEST")
        #expect(a["read_capacity"] == 0)
        #expect(a["write_capacity"] == 0)
        #expect(a["range_key"] == nil)
        #expect(a["global_secondary_index"] == nil)
        #expect(a["local_secondary_index"] == nil)
        #expect(a["stream_enabled"] == false)
        #expect(a["stream_view_type"] == nil)
        #expect(a["server_side_encryption"] == nil)
        #expect(a["deletion_protection_enabled"] == false)
    }

    @Test("point_in_time_recovery and ttl are always one block, enabled or not")
    func pitrAndTTL() throws {
        #expect(DynamoDBNormalizer.pointInTimeRecovery(try Fixture.json("dynamodb-DescribeContinuousBackups-orders.json"))
            == [["enabled": true, "recovery_period_in_days": 35]])
        #expect(DynamoDBNormalizer.pointInTimeRecovery(try Fixture.json("dynamodb-DescribeContinuousBackups-locks.json"))
            == [["enabled": false]])
        #expect(DynamoDBNormalizer.ttl(try Fixture.json("dynamodb-DescribeTimeToLive-orders.json"))
            == [["attribute_name": "expires_at", "enabled": true]])
        #expect(DynamoDBNormalizer.ttl(try Fixture.json("dynamodb-DescribeTimeToLive-locks.json"))
            == [["attribute_name": "", "enabled": false]])
    }

    @Test("ListTables and ListTagsOfResource pages")
    func pages() throws {
        let page = DynamoDBNormalizer.tablePage(try Fixture.json("dynamodb-ListTables-page1.json"))
        #expect(page.names == ["orders"] && page.last == "orders")
        let all = DynamoDBNormalizer.tablePage(try Fixture.json("dynamodb-ListTables.json"))
        #expect(all.names == ["orders", "locks"] && all.last == nil)
        let tags = DynamoDBNormalizer.tagPage(try Fixture.json("dynamodb-ListTagsOfResource-orders.json"))
        #expect(tags.tags.map(\.key) == ["Team", "Env"] && tags.nextToken == nil)
    }
}

@Suite("Scan progress line")
struct ScanProgressLineTests {
    @Test("phase, calls done/planned, requests per service, resources, retries when any")
    func line() {
        let progress = ScanProgress(
            resourcesFound: 45, requestsMade: 120, retries: 0, phase: "s3: reading 50 buckets", callsDone: 120,
            callsPlanned: 400, requestsByService: ["s3": 102, "ec2": 3, "dynamodb": 15])
        #expect(progress.line == "s3: reading 50 buckets  120/400 calls  dynamodb 15 · ec2 3 · s3 102 requests  45 resources")
        let early = ScanProgress(resourcesFound: 0, requestsMade: 2, retries: 1, phase: "starting")
        #expect(early.line == "starting  2 requests  0 resources  1 retries")
    }
}
