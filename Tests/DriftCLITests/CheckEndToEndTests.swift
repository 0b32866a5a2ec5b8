import DriftModel
import Foundation
import Testing
import TestSupport

/// `drift check <instance>` by id, address and Name tag, against moto.
@Suite("drift check end to end", .serialized)
struct CheckEndToEndTests {
    @Test("by Name tag, id or address: a managed instance in sync, exit 0, declared next to live")
    func inSync() throws {
        let shop = try ShopFixture()
        try shop.seed()
        for target in ["shop-web", shop.webID, "aws_instance.web"] {
            let result = try shop.drift(["check", target, "--baseline", shop.directory.path])
            #expect(result.status == 0, "\(target): \(result.stdout) \(result.stderr)")
            #expect(result.stdout.hasPrefix("aws_instance.web  \(shop.webID) (shop-web)  managed, in sync\n"))
            #expect(result.stdout.contains("instance_type"))
            #expect(result.stdout.contains("\"t2.micro\""))
        }
    }

    @Test("a drifted instance: the differing arguments marked, exit 2")
    func drifted() throws {
        let shop = try ShopFixture()
        try shop.seed()
        try shop.boto("""
            ec2 = client("ec2")
            ec2.stop_instances(InstanceIds=["\(shop.webID)"])
            ec2.modify_instance_attribute(InstanceId="\(shop.webID)", InstanceType={"Value": "t3.large"})
            """)
        let result = try shop.drift(["check", "shop-web", "--baseline", shop.directory.path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("managed, drifted"))
        #expect(result.stdout.contains("~ instance_type  \"t2.micro\" → \"t3.large\"  main.tf:23:3"))
        let json = try shop.drift(["check", shop.webID, "--baseline", shop.directory.path, "--format", "json"])
        #expect(try JSONParser.parse(json.stdout).findingLines == ["drifted aws_instance.web instance_type"])
    }

    @Test("an instance no file declares is a snowflake, exit 2; an unknown one cannot be checked, exit 1")
    func snowflake() throws {
        let shop = try ShopFixture()
        try shop.seed()
        try shop.boto("""
            ec2 = client("ec2")
            ami = sorted(ec2.describe_images(Owners=["amazon"], Filters=[{"Name": "name", "Values": ["amzn2-ami-hvm-*-x86_64-gp2"]}])["Images"], key=lambda i: i["CreationDate"], reverse=True)[0]["ImageId"]
            ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.medium",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "hotfix-box"}]}])
            """)
        let result = try shop.drift(["check", "hotfix-box", "--baseline", shop.directory.path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("snowflake"))
        #expect(try shop.drift(["check", "no-such-box", "--baseline", shop.directory.path]).status == 1)
    }
}
