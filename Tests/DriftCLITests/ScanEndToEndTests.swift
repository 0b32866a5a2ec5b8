import DriftModel
import Foundation
import Testing
import TestSupport

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `drift scan` run as a user would, against a real moto seeded by boto3 (no Terraform needed).
@Suite("drift scan end to end", .serialized)
struct ScanEndToEndTests {
    @Test("an untouched shop is clean: exit 0, nothing found, the AMI read as the plan reads it")
    func clean() throws {
        let shop = try ShopFixture()
        try shop.seed()
        let (result, report) = try shop.scanJSON()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(report.findingLines == [])
        #expect(report["region"] == "eu-west-1")
        #expect(report["summary"]?["managed"] == 5)
        #expect(report["summary"]?["inSync"] == 5)
        #expect(report["stateSource"] == .null)
        // data.aws_ami.base is read live: the instance's ami is known, no UnknownValue warning.
        #expect(report["warnings"]?.arrayValue?.contains { $0["code"] == "UnknownValue" } == false)
    }

    @Test("console changes are drifted with declared and live values; hand-made resources are unmanaged")
    func drifted() throws {
        let shop = try ShopFixture()
        try shop.seed()
        try shop.boto("""
            ec2 = client("ec2"); s3 = client("s3"); ddb = client("dynamodb")
            web = "\(shop.webID)"
            ec2.stop_instances(InstanceIds=[web])
            ec2.modify_instance_attribute(InstanceId=web, InstanceType={"Value": "t2.small"})
            ec2.start_instances(InstanceIds=[web])
            ec2.create_tags(Resources=[web], Tags=[{"Key": "Owner", "Value": "night-shift"}])
            s3.put_bucket_versioning(Bucket="shop-assets", VersioningConfiguration={"Status": "Suspended"})
            ddb.update_table(TableName="shop-orders", BillingMode="PROVISIONED",
                ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5})
            ami = sorted(ec2.describe_images(Owners=["amazon"], Filters=[{"Name": "name", "Values": ["amzn2-ami-hvm-*-x86_64-gp2"]}])["Images"], key=lambda i: i["CreationDate"], reverse=True)[0]["ImageId"]
            ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.medium",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "hotfix-box"}]}])
            s3.create_bucket(Bucket="hand-made", CreateBucketConfiguration={"LocationConstraint": region})
            """)
        let (result, report) = try shop.scanJSON()
        #expect(result.status == 2)
        let lines = report.findingLines
        #expect(lines.prefix(3) == [
            "drifted aws_dynamodb_table.orders billing_mode",
            "drifted aws_instance.web instance_type,tags.Owner",
            "drifted aws_s3_bucket_versioning.assets versioning_configuration[0].status",
        ])
        #expect(lines.count == 5)
        #expect(lines.contains("unmanaged aws_s3_bucket hand-made"))
        let unmanaged = report["findings"]?.arrayValue?.first { $0["kind"] == "unmanaged" && $0["type"] == "aws_instance" }
        #expect(unmanaged?["name"] == "hotfix-box")
        let change = report["findings"]?.arrayValue?[1]["changes"]?.arrayValue?.first
        #expect(change == ["attribute": "instance_type", "path": "instance_type", "declared": "t2.micro", "live": "t2.small", "source": "main.tf:23:3"])
        #expect(report["errors"] == [])
    }

    @Test("a deleted bucket is missing with its split settings; a deleted policy alone is missing too")
    func missing() throws {
        let shop = try ShopFixture()
        try shop.seed()
        try shop.boto("""
            s3 = client("s3")
            s3.delete_bucket_policy(Bucket="shop-assets")
            """)
        var (result, report) = try shop.scanJSON()
        #expect(result.status == 2)
        #expect(report.findingLines == ["missing aws_s3_bucket_policy.assets"])
        try shop.boto("""
            s3 = client("s3")
            s3.delete_bucket(Bucket="shop-assets")
            """)
        (result, report) = try shop.scanJSON()
        #expect(report.findingLines == [
            "missing aws_s3_bucket.assets", "missing aws_s3_bucket_policy.assets", "missing aws_s3_bucket_versioning.assets",
        ])
        #expect(report["findings"]?.arrayValue?.first?["source"] == "main.tf:30:1")
    }

    @Test("with --state the recorded id is used: a terminated instance is missing even with its Name gone")
    func withState() throws {
        let shop = try ShopFixture()
        try shop.seed()
        let state = try shop.stateFile(instanceID: shop.webID)
        try shop.boto("""
            ec2 = client("ec2")
            ec2.terminate_instances(InstanceIds=["\(shop.webID)"])
            """)
        let (result, report) = try shop.scanJSON(["--state", state])
        #expect(result.status == 2)
        #expect(report.findingLines == ["missing aws_instance.web"])
        #expect(report["stateSource"] == .string(state))
        #expect(report["findings"]?.arrayValue?.first?["id"] == .string(shop.webID))
    }

    @Test("a backend \"s3\" block: no object yet is a NoStateYet warning and a scan by names; once uploaded it is the state")
    func backendState() throws {
        let shop = try ShopFixture()
        try shop.seed()
        try shop.boto("""
            client("s3").create_bucket(Bucket="shop-state", CreateBucketConfiguration={"LocationConstraint": region})
            """)
        try shop.write(".driftignore", "aws_s3_bucket.shop-state\n")
        try shop.write("backend.tf", """
            terraform {
              backend "s3" {
                bucket = "shop-state"
                key    = "state/shop.tfstate"
                region = "eu-west-1"
              }
            }
            """)
        var (result, report) = try shop.scanJSON()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("no state yet at s3://shop-state/state/shop.tfstate"))
        #expect(report["warnings"]?.arrayValue?.contains { $0["code"] == "NoStateYet" } == true)
        #expect(report["stateSource"] == .null)
        let state = try shop.stateFile(instanceID: "i-00000000")
        try shop.boto("""
            client("s3").upload_file(\(String(reflecting: state)), "shop-state", "state/shop.tfstate")
            """)
        (result, report) = try shop.scanJSON()
        #expect(report["stateSource"] == "s3://shop-state/state/shop.tfstate")
        // The state says the instance is i-00000000, which is gone: missing, and the real one is unmanaged.
        #expect(report.findingLines == ["missing aws_instance.web", "unmanaged aws_instance \(shop.webID)"])
    }

    @Test(".driftignore and --ignore silence known exceptions; ! re-includes")
    func driftignore() throws {
        let shop = try ShopFixture()
        try shop.seed()
        try shop.boto("""
            ec2 = client("ec2"); s3 = client("s3")
            ec2.create_tags(Resources=["\(shop.webID)"], Tags=[{"Key": "LastPatched", "Value": "monday"}, {"Key": "Owner", "Value": "x"}])
            s3.create_bucket(Bucket="scratch", CreateBucketConfiguration={"LocationConstraint": region})
            """)
        try shop.write(".driftignore", "# known exceptions\naws_instance.*\n!aws_instance.web.tags.Owner\n")
        var (result, report) = try shop.scanJSON()
        #expect(report.findingLines == ["drifted aws_instance.web tags.Owner", "unmanaged aws_s3_bucket scratch"])
        (result, report) = try shop.scanJSON(["--ignore", "aws_instance.web", "--ignore", "aws_s3_bucket.scratch"])
        #expect(report.findingLines == [])
        #expect(result.status == 0)
    }

    @Test("two live instances with the declared Name: Ambiguous error, exit 2, never a guess")
    func ambiguous() throws {
        let shop = try ShopFixture()
        try shop.seed()
        try shop.boto("""
            ec2 = client("ec2")
            ami = sorted(ec2.describe_images(Owners=["amazon"], Filters=[{"Name": "name", "Values": ["amzn2-ami-hvm-*-x86_64-gp2"]}])["Images"], key=lambda i: i["CreationDate"], reverse=True)[0]["ImageId"]
            ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t2.micro",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [
                    {"Key": "Name", "Value": "shop-web"}, {"Key": "Team", "Value": "shop"}]}])
            """)
        let (result, report) = try shop.scanJSON()
        #expect(result.status == 2)
        #expect(report["errors"]?.arrayValue?.map { $0["code"] } == ["Ambiguous"])
        #expect(report.findingLines == [])
    }

    @Test("--fail-on narrows what fails the run; errors always do")
    func failOn() throws {
        let shop = try ShopFixture()
        try shop.seed()
        try shop.boto("""
            s3 = client("s3")
            s3.create_bucket(Bucket="scratch", CreateBucketConfiguration={"LocationConstraint": region})
            """)
        #expect(try shop.scanJSON(["--fail-on", "drifted,missing"]).result.status == 0)
        #expect(try shop.scanJSON(["--fail-on", "unmanaged"]).result.status == 2)
        let bogus = try shop.drift(["scan", "--baseline", shop.directory.path, "--fail-on", "bogus"])
        #expect(bogus.status == 1)
        #expect(bogus.stderr.contains("unknown kind \"bogus\""))
        #expect(try shop.drift(["scan", "--baseline", shop.directory.path, "--format", "yaml"]).status == 1)
    }

    @Test("could not run: a broken baseline, a missing state file, a state that is not JSON: exit 1")
    func cannotRun() throws {
        let shop = try ShopFixture()
        try shop.write("broken.tf", "resource \"aws_instance\" {\n")
        var result = try shop.drift(["scan", "--baseline", shop.directory.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken.tf:"))
        try FileManager.default.removeItem(at: shop.directory.appendingPathComponent("broken.tf"))
        result = try shop.drift(["scan", "--baseline", shop.directory.path, "--state", "/nonexistent.tfstate"])
        #expect(result.status == 1)
        let garbage = shop.home.appendingPathComponent("garbage.tfstate")
        try "not json".write(to: garbage, atomically: true, encoding: .utf8)
        result = try shop.drift(["scan", "--baseline", shop.directory.path, "--state", garbage.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not JSON"))
    }
}
