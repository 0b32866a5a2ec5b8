import DriftModel
import Foundation
import Testing
import TestSupport

/// Provider aliases: a resource with `provider = aws.west` is read in that configuration's region
/// (with its role), one scan covers every region the configurations name, unmanaged resources are
/// found per region, and the report has `regions` and a `region` on every finding. `--region`
/// moves the default configuration only.
@Suite("Provider aliases and regions end to end", .serialized)
struct ProviderRegionsEndToEndTests {
    @Test("aliased resources are read in their region; unmanaged per region; --region moves the default provider only")
    func story() throws {
        let shop = try ShopFixture()
        try shop.seed()
        let hotfix = try shop.boto("""
            ec2 = client("ec2", "us-west-2"); s3 = client("s3", "us-west-2"); ddb = client("dynamodb", "us-west-2")
            ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.small",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "far-web"}]}])
            s3.create_bucket(Bucket="shop-far", CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
            ddb.create_table(TableName="shop-far", BillingMode="PAY_PER_REQUEST",
                KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}])
            print(ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.nano",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "west-hotfix"}]}])["Instances"][0]["InstanceId"])
            """).trimmingCharacters(in: .whitespacesAndNewlines)
        try shop.write("west.tf", """
            provider "aws" {
              alias  = "west"
              region = "us-west-2"
              assume_role {
                role_arn = "arn:aws:iam::123456789012:role/drift-reader"
              }
            }

            resource "aws_instance" "far" {
              provider      = aws.west
              instance_type = "t3.small"
              tags = {
                Name = "far-web"
              }
            }

            resource "aws_s3_bucket" "far" {
              provider = aws.west
              bucket   = "shop-far"
            }

            resource "aws_dynamodb_table" "far" {
              provider     = aws.west
              name         = "shop-far"
              billing_mode = "PAY_PER_REQUEST"
              hash_key     = "id"
              attribute {
                name = "id"
                type = "S"
              }
            }
            """)
        let (result, report) = try shop.scanJSON()
        #expect(result.status == 2, "\(result.stderr)")
        #expect(report["regions"] == ["eu-west-1", "us-west-2"])
        #expect(report["region"] == nil)
        #expect(report.findingLines == ["unmanaged aws_instance \(hotfix)"])
        #expect(report["findings"]?.arrayValue?.first?["region"] == "us-west-2")
        #expect(report["errors"] == [])
        #expect(report["summary"]?["managed"] == 8)
        #expect(report["summary"]?["inSync"] == 8)
        #expect(!(report["warnings"]?.arrayValue ?? []).contains { $0["code"] == "OtherRegion" })

        try shop.boto("""
            ec2 = client("ec2", "us-west-2")
            i = ec2.describe_instances(Filters=[{"Name": "tag:Name", "Values": ["far-web"]}])["Reservations"][0]["Instances"][0]["InstanceId"]
            ec2.stop_instances(InstanceIds=[i])
            ec2.modify_instance_attribute(InstanceId=i, InstanceType={"Value": "t3.large"})
            """)
        let (_, changed) = try shop.scanJSON()
        #expect(changed.findingLines == ["drifted aws_instance.far instance_type", "unmanaged aws_instance \(hotfix)"])
        #expect((changed["findings"]?.arrayValue ?? []).allSatisfy { $0["region"] == "us-west-2" })
        let text = try shop.drift(["scan", "--baseline", shop.directory.path])
        #expect(text.stdout.contains(" in eu-west-1, us-west-2 "), "\(text.stdout)")
        #expect(text.stdout.contains("~ aws_instance.far ("), "\(text.stdout)")
        #expect(text.stdout.contains(" in us-west-2\n    ~ instance_type = \"t3.small\" → \"t3.large\""), "\(text.stdout)")

        // drift check reads an aliased instance with its provider configuration.
        let check = try shop.drift(["check", "far-web", "--baseline", shop.directory.path])
        #expect(check.status == 2, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("aws_instance.far  "), "\(check.stdout)")
        #expect(check.stdout.contains("managed, drifted"), "\(check.stdout)")
        // By id or Name tag, an instance in another region the baseline names is found there:
        // the hotfix is a snowflake in us-west-2, not "no running instance".
        for target in [hotfix, "west-hotfix"] {
            let snowflake = try shop.drift(["check", target, "--baseline", shop.directory.path])
            #expect(snowflake.status == 2, "\(target): \(snowflake.stdout)\(snowflake.stderr)")
            #expect(snowflake.stdout.contains("\(hotfix)"), "\(snowflake.stdout)")
            #expect(snowflake.stdout.contains("snowflake: no file declares it"), "\(snowflake.stdout)")
        }

        // --region moves the default configuration: the shop is missing there; the aliased ones are not.
        let (_, moved) = try shop.scanJSON(["--region", "eu-central-1"])
        #expect(moved["regions"] == ["eu-central-1", "us-west-2"])
        #expect(moved.findingLines.contains("missing aws_instance.web"))
        #expect(moved.findingLines.contains("drifted aws_instance.far instance_type"))
        #expect(!moved.findingLines.contains { $0.hasPrefix("missing aws_instance.far") || $0.hasPrefix("missing aws_s3_bucket.far") })
    }
}
