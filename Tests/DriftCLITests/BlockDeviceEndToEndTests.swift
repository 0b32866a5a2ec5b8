import DriftModel
import Foundation
import Testing
import TestSupport

/// `ebs_block_device` and `credit_specification` from `drift scan`, as `terraform plan` judged the
/// same changes against moto: extra volumes are told apart by device name (and snapshot), so a
/// volume resized in place is not drift but a volume detached is; moto reports every burstable
/// instance's CPU credits as "standard", so a declared "unlimited" is drift.
@Suite("Block devices and CPU credits end to end", .serialized)
struct BlockDeviceEndToEndTests {
    static func seeded() throws -> ShopFixture {
        let shop = try ShopFixture()
        try shop.seed()
        try shop.boto("""
            ec2 = client("ec2")
            ami = sorted(ec2.describe_images(Owners=["amazon"], Filters=[{"Name": "name", "Values": ["amzn2-ami-hvm-*-x86_64-gp2"]}])["Images"], key=lambda i: i["CreationDate"], reverse=True)[0]["ImageId"]
            ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                BlockDeviceMappings=[
                    {"DeviceName": "/dev/sdf", "Ebs": {"VolumeSize": 10, "VolumeType": "gp3", "DeleteOnTermination": True}},
                    {"DeviceName": "/dev/sdg", "Ebs": {"VolumeSize": 5, "DeleteOnTermination": False}}],
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "shop-data"}, {"Key": "Team", "Value": "shop"}]}])
            ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t2.micro",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "shop-burst"}, {"Key": "Team", "Value": "shop"}]}])
            ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="m5.large",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "shop-big"}, {"Key": "Team", "Value": "shop"}]}])
            """)
        try shop.write("devices.tf", """
            resource "aws_instance" "data" {
              ami           = data.aws_ami.base.id
              instance_type = "t3.micro"

              ebs_block_device {
                device_name = "/dev/sdf"
                volume_size = 10
                volume_type = "gp3"
              }
              ebs_block_device {
                device_name           = "/dev/sdg"
                volume_size           = 5
                delete_on_termination = false
              }

              credit_specification {
                cpu_credits = "standard"
              }

              tags = {
                Name = "shop-data"
              }
            }

            resource "aws_instance" "burst" {
              ami           = data.aws_ami.base.id
              instance_type = "t2.micro"

              credit_specification {
                cpu_credits = "unlimited"
              }

              tags = {
                Name = "shop-burst"
              }
            }

            resource "aws_instance" "big" {
              ami           = data.aws_ami.base.id
              instance_type = "m5.large"

              credit_specification {
                cpu_credits = "unlimited"
              }

              tags = {
                Name = "shop-big"
              }
            }
            """)
        return shop
    }

    /// One moto for the whole story: every end-to-end suite holds test threads while moto starts.
    /// The two extra volumes are not root volumes, and no `aws_ebs_volume` declares them: as in
    /// the oracle's inventory, they are unmanaged (`../shared/oracle/README.md`).
    @Test("credits on a burstable type and a detached volume drift; credits elsewhere and a resized volume do not")
    func story() throws {
        let shop = try Self.seeded()
        let (result, all) = try shop.scanJSON()
        #expect(result.status == 2, "\(result.stderr)")
        #expect(all.findingLines.filter { $0.hasPrefix("unmanaged aws_ebs_volume ") }.count == 2)
        let (_, report) = try shop.scanJSON(["--ignore", "aws_ebs_volume.*"])
        #expect(report.findingLines == ["drifted aws_instance.burst credit_specification[0].cpu_credits"])
        #expect(report["errors"] == [])
        let change = report["findings"]?.arrayValue?.first?["changes"]?.arrayValue?.first
        #expect(change?["declared"] == "unlimited")
        #expect(change?["live"] == "standard")

        try shop.boto("""
            ec2 = client("ec2")
            data = ec2.describe_instances(Filters=[{"Name": "tag:Name", "Values": ["shop-data"]}])["Reservations"][0]["Instances"][0]
            vols = {m["DeviceName"]: m["Ebs"]["VolumeId"] for m in data["BlockDeviceMappings"]}
            ec2.modify_volume(VolumeId=vols["/dev/sdf"], Size=20)
            """)
        #expect(try shop.scanJSON(["--ignore", "aws_ebs_volume.*"]).report.findingLines == [
            "drifted aws_instance.burst credit_specification[0].cpu_credits"
        ])

        try shop.boto("""
            ec2 = client("ec2")
            data = ec2.describe_instances(Filters=[{"Name": "tag:Name", "Values": ["shop-data"]}])["Reservations"][0]["Instances"][0]
            vols = {m["DeviceName"]: m["Ebs"]["VolumeId"] for m in data["BlockDeviceMappings"]}
            ec2.detach_volume(VolumeId=vols["/dev/sdg"], InstanceId=data["InstanceId"], Device="/dev/sdg")
            """)
        let (_, detached) = try shop.scanJSON(["--ignore", "aws_ebs_volume.*"])
        #expect(detached.findingLines == [
            "drifted aws_instance.burst credit_specification[0].cpu_credits",
            "drifted aws_instance.data ebs_block_device",
        ])
        let data = detached["findings"]?.arrayValue?.first { $0["address"] == "aws_instance.data" }
        let live = data?["changes"]?.arrayValue?.first?["live"]?.arrayValue ?? []
        #expect(live.map { $0["device_name"] } == ["/dev/sdf"])
    }
}
