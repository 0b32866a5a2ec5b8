import DriftModel
import Foundation
import Testing
import TestSupport

/// IaC coverage on a known moto account: the shop (one instance, one bucket, one table) plus
/// hand-made resources, one of them in `.driftignore`.
@Suite("IaC coverage end to end", .serialized)
struct CoverageEndToEndTests {
    @Test("text line and JSON summary.coverage per type, after .driftignore")
    func coverage() throws {
        let shop = try ShopFixture()
        try shop.seed()
        try shop.boto("""
            ec2 = client("ec2"); s3 = client("s3")
            ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            for name in ["hotfix-box", "known-box"]:
                ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t2.micro",
                    TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": name}]}])
            s3.create_bucket(Bucket="scratch", CreateBucketConfiguration={"LocationConstraint": region})
            """)
        try shop.write(".driftignore", "aws_instance.known-box  # the build agent\n")
        let text = try shop.drift(["scan", "--baseline", shop.directory.path])
        #expect(text.status == 2)
        // instances: web managed, hotfix-box unmanaged, known-box ignored; buckets: assets, scratch.
        #expect(text.stdout.contains("\ncoverage: 60% (instances 1/2, buckets 1/2, tables 1/1)\nDrift found."))
        let (_, report) = try shop.scanJSON()
        let coverage = report["summary"]?["coverage"]
        #expect(coverage?["managed"] == 3)
        #expect(coverage?["unmanaged"] == 2)
        #expect(coverage?["fraction"] == 0.6)
        #expect(coverage?["types"]?["aws_instance"] == ["managed": 1, "unmanaged": 1, "fraction": 0.5])
        #expect(coverage?["types"]?["aws_dynamodb_table"] == ["managed": 1, "unmanaged": 0, "fraction": 1])
        let markdown = try shop.drift(["scan", "--baseline", shop.directory.path, "--format", "markdown"])
        #expect(markdown.stdout.contains("\nIaC coverage: 60% (instances 1/2, buckets 1/2, tables 1/1)\n"))
    }
}
