import DriftModel
import Foundation
import Testing
import TestSupport

/// Device and volume tags as the provider reads them (hashicorp/aws 5.x): a root volume carrying
/// the provider's `default_tags` is not drift, `volume_tags` is read and compared when the file sets
/// it, and device `tags` are not read while `volume_tags` is set. A `dynamic` device block over an
/// empty collection is no block: an attached volume is then no drift, as `terraform plan` shows.
@Suite("Volume and device tags end to end", .serialized)
struct VolumeTagsEndToEndTests {
    @Test("default tags on a root volume, an empty dynamic device block: no drift; volume_tags changed by hand are")
    func story() throws {
        let shop = try ShopFixture()
        try shop.seed()
        try shop.boto("""
            ec2 = client("ec2")
            ami = sorted(ec2.describe_images(Owners=["amazon"], Filters=[{"Name": "name", "Values": ["amzn2-ami-hvm-*-x86_64-gp2"]}])["Images"], key=lambda i: i["CreationDate"], reverse=True)[0]["ImageId"]
            def launch(name, volume_tags):
                i = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                    TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": name}, {"Key": "Team", "Value": "shop"}]}])["Instances"][0]
                vols = [m["Ebs"]["VolumeId"] for m in i["BlockDeviceMappings"]]
                ec2.create_tags(Resources=vols, Tags=[{"Key": k, "Value": v} for k, v in volume_tags.items()])
            launch("shop-root", {"Team": "shop"})
            launch("shop-vt", {"Team": "shop", "Backup": "daily"})
            launch("shop-both", {"Team": "shop", "Backup": "daily", "Extra": "by-hand"})
            ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                BlockDeviceMappings=[{"DeviceName": "/dev/sdf", "Ebs": {"VolumeSize": 10, "DeleteOnTermination": True}}],
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "shop-dyn"}, {"Key": "Team", "Value": "shop"}]}])
            """)
        try shop.write("volumes.tf", """
            resource "aws_instance" "root" {
              ami           = data.aws_ami.base.id
              instance_type = "t3.micro"
              root_block_device {
                volume_size = 8
              }
              tags = {
                Name = "shop-root"
              }
            }

            resource "aws_instance" "vt" {
              ami           = data.aws_ami.base.id
              instance_type = "t3.micro"
              volume_tags = {
                Backup = "daily"
              }
              tags = {
                Name = "shop-vt"
              }
            }

            resource "aws_instance" "both" {
              ami           = data.aws_ami.base.id
              instance_type = "t3.micro"
              root_block_device {
                volume_size = 8
              }
              volume_tags = {
                Backup = "daily"
                Extra  = "by-hand"
              }
              tags = {
                Name = "shop-both"
              }
            }

            variable "extra_volumes" {
              default = []
            }

            resource "aws_instance" "dyn" {
              ami           = data.aws_ami.base.id
              instance_type = "t3.micro"
              dynamic "ebs_block_device" {
                for_each = var.extra_volumes
                content {
                  device_name = ebs_block_device.value.device
                  volume_size = ebs_block_device.value.size
                }
              }
              dynamic "root_block_device" {
                for_each = []
                content {
                  volume_size = 100
                }
              }
              tags = {
                Name = "shop-dyn"
              }
            }
            """)
        let (result, report) = try shop.scanJSON()
        // No file declares the volume attached by hand at shop-dyn's /dev/sdf (its dynamic block is
        // empty): no drift of the instance, and the volume itself is unmanaged (exit 2), as the
        // inventory counts every volume but instances' root volumes.
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        let dynVolume = try #require(report.findingLines.first { $0.hasPrefix("unmanaged aws_ebs_volume ") })
        #expect(report.findingLines == [dynVolume])

        try shop.boto("""
            ec2 = client("ec2")
            i = ec2.describe_instances(Filters=[{"Name": "tag:Name", "Values": ["shop-vt"]}])["Reservations"][0]["Instances"][0]
            ec2.create_tags(Resources=[m["Ebs"]["VolumeId"] for m in i["BlockDeviceMappings"]], Tags=[{"Key": "Backup", "Value": "weekly"}])
            """)
        let (_, changed) = try shop.scanJSON()
        #expect(changed.findingLines == ["drifted aws_instance.vt volume_tags.Backup", dynVolume])
        let change = changed["findings"]?.arrayValue?.first?["changes"]?.arrayValue?.first
        #expect(change?["declared"] == "daily")
        #expect(change?["live"] == "weekly")
        #expect(change?["source"] == "volumes.tf:15:3")
    }
}
