import DriftModel
import Foundation
import Testing
import TestSupport

/// The baseline fills unset arguments inside declared nested blocks with what `terraform plan`
/// shows for them (`ttl {}` plans `enabled = false`, a grantee without an id plans `id = ""`).
/// Against resources created as Terraform would create them, those values must not be drift; a
/// live change below such a block still is.
@Suite("Nested block defaults end to end", .serialized)
struct NestedDefaultsEndToEndTests {
    /// The shop plus an instance, a table and a bucket ACL whose blocks set few arguments,
    /// created in moto as declared; returns the shop.
    static func seeded() throws -> ShopFixture {
        let shop = try ShopFixture()
        try shop.seed()
        let owner = try shop.boto("""
            ec2 = client("ec2"); s3 = client("s3"); ddb = client("dynamodb")
            ami = sorted(ec2.describe_images(Owners=["amazon"], Filters=[{"Name": "name", "Values": ["amzn2-ami-hvm-*-x86_64-gp2"]}])["Images"], key=lambda i: i["CreationDate"], reverse=True)[0]["ImageId"]
            ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t2.micro",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [
                    {"Key": "Name", "Value": "shop-batch"}, {"Key": "Team", "Value": "shop"}]}])
            ddb.create_table(TableName="shop-sessions", BillingMode="PAY_PER_REQUEST",
                KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"},
                                      {"AttributeName": "user", "AttributeType": "S"}],
                GlobalSecondaryIndexes=[{"IndexName": "by-user", "KeySchema": [{"AttributeName": "user", "KeyType": "HASH"}],
                                         "Projection": {"ProjectionType": "KEYS_ONLY"}}],
                Tags=[{"Key": "Team", "Value": "shop"}])
            s3.create_bucket(Bucket="shop-logs", CreateBucketConfiguration={"LocationConstraint": region})
            s3.put_bucket_tagging(Bucket="shop-logs", Tagging={"TagSet": [{"Key": "Team", "Value": "shop"}]})
            owner = s3.get_bucket_acl(Bucket="shop-logs")["Owner"]["ID"]
            s3.put_bucket_acl(Bucket="shop-logs", AccessControlPolicy={"Owner": {"ID": owner}, "Grants": [
                {"Grantee": {"Type": "Group", "URI": "http://acs.amazonaws.com/groups/s3/LogDelivery"}, "Permission": "WRITE"},
                {"Grantee": {"Type": "CanonicalUser", "ID": owner}, "Permission": "FULL_CONTROL"}]})
            print(owner)
            """).trimmingCharacters(in: .whitespacesAndNewlines)
        try shop.write("nested.tf", """
            resource "aws_instance" "batch" {
              ami           = data.aws_ami.base.id
              instance_type = "t2.micro"

              root_block_device {}
              metadata_options {}
              credit_specification {}

              tags = {
                Name = "shop-batch"
              }
            }

            resource "aws_dynamodb_table" "sessions" {
              name         = "shop-sessions"
              billing_mode = "PAY_PER_REQUEST"
              hash_key     = "id"

              attribute {
                name = "id"
                type = "S"
              }
              attribute {
                name = "user"
                type = "S"
              }

              global_secondary_index {
                name            = "by-user"
                hash_key        = "user"
                projection_type = "KEYS_ONLY"
              }

              ttl {}

              point_in_time_recovery {
                enabled = false
              }
            }

            resource "aws_s3_bucket" "logs" {
              bucket = "shop-logs"
            }

            resource "aws_s3_bucket_acl" "logs" {
              bucket = aws_s3_bucket.logs.id

              access_control_policy {
                grant {
                  grantee {
                    type = "Group"
                    uri  = "http://acs.amazonaws.com/groups/s3/LogDelivery"
                  }
                  permission = "WRITE"
                }
                grant {
                  grantee {
                    type = "CanonicalUser"
                    id   = "\(owner)"
                  }
                  permission = "FULL_CONTROL"
                }
                owner {
                  id = "\(owner)"
                }
              }
            }
            """)
        return shop
    }

    @Test("blocks created as declared are in sync, their filled-in defaults included")
    func inSync() throws {
        let shop = try Self.seeded()
        let baseline = try JSONParser.parse(
            try shop.drift(["baseline", "--baseline", shop.directory.path, "--format", "json"]).stdout)
        let table = baseline["resources"]?.arrayValue?.first { $0["address"] == "aws_dynamodb_table.sessions" }
        #expect(table?["attributes"]?["ttl"] == [["enabled": false]])
        #expect(table?["attributes"]?["global_secondary_index"]?.arrayValue?.first?["range_key"] == "")
        let (result, report) = try shop.scanJSON()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(report.findingLines == [])
        #expect(report["summary"]?["inSync"] == 9)
    }

    @Test("time to live turned on by hand is drift of the block whose enabled was left unset")
    func ttlDrift() throws {
        let shop = try Self.seeded()
        try shop.boto("""
            client("dynamodb").update_time_to_live(TableName="shop-sessions",
                TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})
            """)
        let (_, report) = try shop.scanJSON()
        let lines = report.findingLines
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("drifted aws_dynamodb_table.sessions ttl") == true, "\(lines)")
    }
}
