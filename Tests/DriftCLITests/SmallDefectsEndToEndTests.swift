import DriftModel
import Foundation
import Testing
import TestSupport

/// Smaller defects found on real configurations, against moto: one warning per resource instance
/// for a value unknown offline, live numbers in the provider's types inside a changed set block,
/// `drift check <Name>` for a declared instance that is gone, and a baseline directory with no
/// configuration in it.
@Suite("Small defects end to end", .serialized)
struct SmallDefectsEndToEndTests {
    @Test("per-instance UnknownValue warnings, typed GSI capacities, check of a gone Name, an empty baseline directory")
    func story() throws {
        let shop = try ShopFixture()
        try shop.seed()
        try shop.boto("""
            ec2 = client("ec2"); ddb = client("dynamodb")
            ami = sorted(ec2.describe_images(Owners=["amazon"], Filters=[{"Name": "name", "Values": ["amzn2-ami-hvm-*-x86_64-gp2"]}])["Images"], key=lambda i: i["CreationDate"], reverse=True)[0]["ImageId"]
            ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "fleet-0"}, {"Key": "Team", "Value": "shop"}]}])
            ddb.create_table(TableName="shop-gsi", BillingMode="PROVISIONED",
                ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
                KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}, {"AttributeName": "g", "AttributeType": "S"}],
                GlobalSecondaryIndexes=[{"IndexName": "by-g", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                    "Projection": {"ProjectionType": "ALL"},
                    "ProvisionedThroughput": {"ReadCapacityUnits": 10, "WriteCapacityUnits": 10}}],
                Tags=[{"Key": "Team", "Value": "shop"}])
            """)
        try shop.write("fleet.tf", """
            resource "aws_instance" "fleet" {
              count         = 2
              ami           = data.aws_ami.base.id
              instance_type = "t3.micro"
              key_name      = uuid()
              tags = {
                Name = "fleet-${count.index}"
              }
            }

            resource "aws_dynamodb_table" "gsi" {
              name           = "shop-gsi"
              billing_mode   = "PROVISIONED"
              read_capacity  = 5
              write_capacity = 5
              hash_key       = "id"
              attribute {
                name = "id"
                type = "S"
              }
              attribute {
                name = "g"
                type = "S"
              }
              global_secondary_index {
                name            = "by-g"
                hash_key        = "g"
                projection_type = "ALL"
                read_capacity   = 10
                write_capacity  = 10
              }
            }
            """)
        let (result, report) = try shop.scanJSON()
        #expect(result.status == 2, "\(result.stderr)")
        #expect(report.findingLines == ["missing aws_instance.fleet[1]"])
        let unknown = (report["warnings"]?.arrayValue ?? []).filter { $0["code"] == "UnknownValue" && $0["source"] == "fleet.tf:5:3" }
        #expect(unknown.count == 2, "\(unknown)")
        #expect(unknown.contains { $0["message"]?.stringValue?.hasPrefix("aws_instance.fleet[0]") == true })
        #expect(unknown.contains { $0["message"]?.stringValue?.hasPrefix("aws_instance.fleet[1]") == true })

        // A declared Name whose instance is gone: missing, exit 2, no empty id.
        let check = try shop.drift(["check", "fleet-1", "--baseline", shop.directory.path])
        #expect(check.status == 2, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasPrefix("aws_instance.fleet[1]  managed, missing live\n"), "\(check.stdout)")
        #expect(check.stdout.contains("- aws_instance.fleet[1] is gone live: Terraform would create it\n"))
        #expect(!check.stdout.contains("()"))

        try shop.boto("""
            ddb = client("dynamodb")
            ddb.update_table(TableName="shop-gsi", GlobalSecondaryIndexUpdates=[{"Update": {"IndexName": "by-g",
                "ProvisionedThroughput": {"ReadCapacityUnits": 20, "WriteCapacityUnits": 10}}}])
            """)
        let (_, changed) = try shop.scanJSON()
        #expect(changed.findingLines.contains("drifted aws_dynamodb_table.gsi global_secondary_index"))
        let gsi = changed["findings"]?.arrayValue?.first { $0["address"] == "aws_dynamodb_table.gsi" }
        let live = gsi?["changes"]?.arrayValue?.first?["live"]?.arrayValue?.first
        #expect(live?["read_capacity"] == 20)
        #expect(live?["write_capacity"] == 10)

        // A directory with no configuration: exit 1 and why, never a report calling everything unmanaged.
        let empty = shop.home.appendingPathComponent("typo")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        for arguments in [["scan", "--baseline", empty.path], ["check", "fleet-0", "--baseline", empty.path]] {
            let out = try shop.drift(arguments)
            #expect(out.status == 1, "\(arguments): \(out.stdout)")
            #expect(out.stdout.isEmpty)
            #expect(out.stderr.hasSuffix("\(empty.path):1:1: error: No configuration files\n\"\(empty.path)\" contains no .tf or .tf.json file; is the path right?\n"), "\(out.stderr)")
        }
        // `drift baseline` accepts it as `terraform validate` does: nothing declared, and a warning saying so.
        let offline = try shop.drift(["baseline", "--baseline", empty.path, "--format", "json"])
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(offline.stderr.contains("warning: No configuration files"), "\(offline.stderr)")
        #expect(try JSONParser.parse(offline.stdout)["resources"]?.arrayValue?.isEmpty == true, "\(offline.stdout)")
    }
}
