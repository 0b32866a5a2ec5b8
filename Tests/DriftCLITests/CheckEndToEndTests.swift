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

    @Test("a snowflake's live description, every id for a shared Name, one spelling for absent")
    func everythingAboutOneBox() throws {
        let shop = try ShopFixture()
        try shop.seed()
        let out = try shop.boto("""
            ec2 = client("ec2")
            ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            ec2.create_key_pair(KeyName="ops-key")
            sg = ec2.create_security_group(GroupName="hotfix-sg", Description="opened for tonight")["GroupId"]
            box = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.medium", KeyName="ops-key",
                SecurityGroupIds=[sg],
                TagSpecifications=[{"ResourceType": "instance", "Tags": [
                    {"Key": "Name", "Value": "hotfix-box"}, {"Key": "created-by", "Value": "alice"}]}])["Instances"][0]
            twins = [ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t2.nano",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "twin"}]}])["Instances"][0]["InstanceId"]
                for _ in range(2)]
            ec2.create_tags(Resources=["\(shop.webID)"], Tags=[{"Key": "Owner", "Value": "night-shift"}])
            print(box["InstanceId"], sg, box["SubnetId"], box["ImageId"], *sorted(twins))
            """).split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let (box, sg, subnet, boxAMI, twins) = (out[0], out[1], out[2], out[3], Array(out[4...5]))

        let result = try shop.drift(["check", "hotfix-box", "--baseline", shop.directory.path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("? \(box) (hotfix-box): no file in the baseline declares it\n"))
        let lines = result.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        func row(_ label: String) -> String? {
            lines.first { $0.hasPrefix(label + "  ") }.map { String($0.dropFirst(label.count)).trimmingCharacters(in: .whitespaces) }
        }
        #expect(row("type") == "t3.medium")
        #expect(row("ami") == boxAMI)
        #expect(row("key") == "ops-key")
        #expect(row("subnet") == subnet)
        #expect(row("security groups") == "\(sg) (hotfix-sg)")
        #expect(row("launched by") == "alice (tag created-by)")
        #expect(row("tags") == "Name=hotfix-box, created-by=alice")
        let launched = try #require(row("launched"))
        #expect(launched.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"#, options: .regularExpression) != nil, "\(launched)")

        let twin = try shop.drift(["check", "twin", "--baseline", shop.directory.path])
        #expect(twin.status == 2)
        #expect(twin.stdout.hasPrefix("twin  \(twins.joined(separator: ", ")) (2 instances)"), "\(twin.stdout)")
        for id in twins { #expect(twin.stdout.contains("? \(id) (twin): no file in the baseline declares it")) }

        // One spelling for a value one side does not have, in check and in scan.
        let web = try shop.drift(["check", "shop-web", "--baseline", shop.directory.path])
        #expect(web.stdout.contains("tags.Owner"))
        #expect(web.stdout.contains("(none) → \"night-shift\""), "\(web.stdout)")
        let scan = try shop.drift(["scan", "--baseline", shop.directory.path])
        #expect(scan.stdout.contains("~ tags.Owner = (none) → \"night-shift\""))
        for output in [web.stdout, scan.stdout, result.stdout] {
            #expect(!output.contains("null →") && !output.contains("(unset)") && !output.contains("→ null"))
        }
    }

    @Test("an instance launched from a launch template shows its id, name, version, default and latest")
    func launchTemplate() throws {
        let shop = try ShopFixture()
        try shop.seed()
        let out = try shop.boto("""
            ec2 = client("ec2")
            ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            lt = ec2.create_launch_template(LaunchTemplateName="hotfix-lt",
                LaunchTemplateData={"ImageId": ami, "InstanceType": "t3.small"})["LaunchTemplate"]["LaunchTemplateId"]
            ec2.create_launch_template_version(LaunchTemplateId=lt, LaunchTemplateData={"ImageId": ami, "InstanceType": "t3.large"})
            box = ec2.run_instances(MinCount=1, MaxCount=1, LaunchTemplate={"LaunchTemplateId": lt, "Version": "1"},
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "lt-box"}]}])["Instances"][0]
            print(lt, box["InstanceId"])
            """).split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let (template, box) = (out[0], out[1])
        let result = try shop.drift(["check", "lt-box", "--baseline", shop.directory.path])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("? \(box) (lt-box): no file in the baseline declares it\n"))
        let row = result.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("launch template  ") }
        #expect(row?.dropFirst("launch template".count).trimmingCharacters(in: .whitespaces)
            == "\(template) (hotfix-lt) version 1 (default 1, latest 2)", "\(result.stdout)")
        // The AWS-added tags are the template's, never the instance's own.
        #expect(!result.stdout.contains("aws:ec2launchtemplate"), "\(result.stdout)")
        // An instance launched without one has no such row.
        let web = try shop.drift(["check", "shop-web", "--baseline", shop.directory.path])
        #expect(!web.stdout.contains("launch template"), "\(web.stdout)")
    }
}
