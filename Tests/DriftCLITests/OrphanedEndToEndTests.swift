import DriftModel
import Foundation
import Testing
import TestSupport

/// Resources the state records that no file declares any more, still live: `terraform apply`
/// would destroy them (the plan's `delete`). `drift scan` reports them `orphaned` in every format
/// and fails on them by default; `drift check` answers `orphaned`.
@Suite("Orphaned resources end to end", .serialized)
struct OrphanedEndToEndTests {
    @Test("scan with state: a recorded instance and bucket no file declares are orphaned, exit 2; without state unmanaged")
    func scan() throws {
        let shop = try ShopFixture()
        try shop.seed()
        let oldID = try shop.boto("""
            ec2 = client("ec2"); s3 = client("s3")
            ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            print(ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "old-box"}]}])["Instances"][0]["InstanceId"])
            s3.create_bucket(Bucket="shop-old", CreateBucketConfiguration={"LocationConstraint": region})
            """).trimmingCharacters(in: .whitespacesAndNewlines)
        let state = try shop.stateFile(instanceID: shop.webID, extra: [
            ("aws_instance", "old", oldID), ("aws_s3_bucket", "old", "shop-old"), ("aws_instance", "gone", "i-00000000000000000"),
        ])
        let (result, report) = try shop.scanJSON(["--state", state])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(report.findingLines == ["orphaned aws_instance.old", "orphaned aws_s3_bucket.old"])
        let first = report["findings"]?.arrayValue?.first
        #expect(first == ["kind": "orphaned", "address": "aws_instance.old", "type": "aws_instance", "id": .string(oldID), "name": "old-box"])
        #expect(report["summary"]?["orphaned"] == 2)
        #expect(report["summary"]?["unmanaged"] == 0)
        // Not failing on orphaned: clean.
        let relaxed = try shop.drift(["scan", "--baseline", shop.directory.path, "--state", state, "--fail-on", "drifted,missing,unmanaged"])
        #expect(relaxed.status == 0, "\(relaxed.stdout)")
        #expect(relaxed.stdout.contains("- aws_instance.old (\(oldID)) (old-box)  orphaned: in the state, declared by no file; terraform apply would destroy it\n"))
        #expect(relaxed.stdout.hasSuffix("Drift found (not failing: orphaned). 5 managed: 5 in sync, 0 drifted, 0 missing; 2 orphaned; 0 unmanaged; 0 errors\n"))
        for (format, needle) in [("markdown", "### Orphaned"), ("junit", "<failure type=\"orphaned\""), ("sarif", "\"ruleId\": \"orphaned\"")] {
            let out = try shop.drift(["scan", "--baseline", shop.directory.path, "--state", state, "--format", format])
            #expect(out.status == 2)
            #expect(out.stdout.contains(needle), "\(format): \(out.stdout)")
        }
        // Without state drift cannot know they were Terraform's: unmanaged.
        let (_, stateless) = try shop.scanJSON()
        #expect(stateless.findingLines.contains("unmanaged aws_instance \(oldID)"))
        #expect(stateless.findingLines.contains("unmanaged aws_s3_bucket shop-old"))
        #expect(!stateless.findingLines.contains { $0.hasPrefix("orphaned") })
    }

    @Test("check on an instance the state records and no file declares: orphaned, exit 2, by id, Name and state address")
    func check() throws {
        let shop = try ShopFixture()
        try shop.seed()
        let oldID = try shop.boto("""
            ec2 = client("ec2")
            ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            print(ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "old-box"}]}])["Instances"][0]["InstanceId"])
            """).trimmingCharacters(in: .whitespacesAndNewlines)
        let state = try shop.stateFile(instanceID: shop.webID, extra: [("aws_instance", "old", oldID)])
        for target in [oldID, "old-box", "aws_instance.old"] {
            let result = try shop.drift(["check", target, "--baseline", shop.directory.path, "--state", state])
            #expect(result.status == 2, "\(target): \(result.stdout) \(result.stderr)")
            #expect(result.stdout.hasPrefix(
                "aws_instance.old  \(oldID) (old-box)  orphaned: in the state, declared by no file (terraform apply would destroy it)\n"),
                "\(target): \(result.stdout)")
        }
        let json = try shop.drift(["check", "old-box", "--baseline", shop.directory.path, "--state", state, "--format", "json"])
        #expect(try JSONParser.parse(json.stdout).findingLines == ["orphaned aws_instance.old"])
        // The declared instance stays managed and in sync.
        let web = try shop.drift(["check", "shop-web", "--baseline", shop.directory.path, "--state", state])
        #expect(web.status == 0, "\(web.stdout)")
    }
}
