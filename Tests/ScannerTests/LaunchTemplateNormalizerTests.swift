import AWSClient
import DriftModel
import Foundation
import Testing

@testable import Scanner

/// The two launch-template listings, shaped after the EC2 API reference
/// (`Fixtures/api-reference`), become `aws_launch_template` resources as the provider's Read
/// stores them: the latest version's data, zero values for what it leaves out.
@Suite("Launch template answers become aws_launch_template resources in the provider's shapes")
struct LaunchTemplateNormalizerTests {
    func read() throws -> (resources: [LiveResource], errors: [ReadError]) {
        let templates = try XMLTree.parse(Fixture.data("api-reference/ec2-DescribeLaunchTemplates.xml"))
        let versions = try XMLTree.parse(Fixture.data("api-reference/ec2-DescribeLaunchTemplateVersions.xml"))
        return LaunchTemplateNormalizer.resources(
            templates: templates.all("launchTemplates/item"), versions: versions.all("launchTemplateVersionSet/item"))
    }

    func template(_ id: String) throws -> [String: Value] {
        try #require(try read().resources.first { $0.id == id }).attributes
    }

    @Test("the latest version's data, with the template's name, version numbers and tags")
    func fullTemplate() throws {
        let a = try template("lt-0a20c965061f64abc")
        #expect(a["name"] == "web")
        #expect(a["name_prefix"] == .string(""), "a name without the generated suffix has no prefix")
        #expect(a["default_version"] == 2)
        #expect(a["latest_version"] == 3)
        #expect(a["tags"] == ["Team": "platform"], "aws: keys are never tags")
        #expect(a["description"] == "web servers")
        // Version 3, not the default version 2 (t3.micro).
        #expect(a["instance_type"] == "t3.large")
        #expect(a["image_id"] == "ami-0abcdef1234567890")
        #expect(a["key_name"] == "deployer")
        #expect(a["ebs_optimized"] == "true", "a nullable bool is a string, as the provider keeps it")
        #expect(a["vpc_security_group_ids"] == ["sg-0a1", "sg-0b2"])
        #expect(a["security_group_names"] == [])
        #expect(a["user_data"] == "6e3ecb6ec16aa1ee5ddc564d3347b850758496ad", "SHA-1 of the text, never the text")
        #expect(a["iam_instance_profile"] == [["arn": "", "name": "web-profile"]])
        #expect(a["monitoring"] == [["enabled": true]])
        #expect(a["metadata_options"] == [[
            "http_endpoint": "enabled", "http_protocol_ipv6": "", "http_put_response_hop_limit": 2,
            "http_tokens": "required", "instance_metadata_tags": "",
        ]])
        #expect(a["tag_specifications"] == [["resource_type": "instance", "tags": ["Name": "web"]]])
        #expect(a["placement"]?.arrayValue?.first?["availability_zone"] == "us-east-1a")
        #expect(a["placement"]?.arrayValue?.first?["tenancy"] == "default")
    }

    @Test("block device mappings keep their order; EBS fields the provider keeps as strings are strings")
    func blockDeviceMappings() throws {
        let mappings = try #require(try template("lt-0a20c965061f64abc")["block_device_mappings"]?.arrayValue)
        #expect(mappings.count == 2)
        #expect(mappings[0]["device_name"] == "/dev/xvda")
        #expect(mappings[0]["ebs"] == [[
            "delete_on_termination": "true", "encrypted": "true", "iops": 3000, "kms_key_id": "", "snapshot_id": "",
            "throughput": 125, "volume_size": 20, "volume_type": "gp3",
        ]])
        #expect(mappings[1]["device_name"] == "/dev/sdb")
        #expect(mappings[1]["virtual_name"] == "ephemeral0")
        #expect(mappings[1]["ebs"] == [], "no ebs element: no ebs block")
    }

    @Test("network interfaces: groups and addresses as sets, counts as numbers")
    func networkInterfaces() throws {
        let interfaces = try #require(try template("lt-0a20c965061f64abc")["network_interfaces"]?.arrayValue)
        #expect(interfaces.count == 1)
        let eth0 = interfaces[0]
        #expect(eth0["device_index"] == 0)
        #expect(eth0["associate_public_ip_address"] == "false")
        #expect(eth0["delete_on_termination"] == "true")
        #expect(eth0["security_groups"] == ["sg-0a1", "sg-0b2"])
        #expect(eth0["ipv4_addresses"] == ["10.0.1.10"])
        #expect(eth0["subnet_id"] == "subnet-0123")
        #expect(eth0["ipv6_addresses"] == [])
        #expect(eth0["network_interface_id"] == "")
    }

    @Test("what a version leaves out is read as the provider's zero value, so removing it by hand drifts")
    func zeroValues() throws {
        let a = try template("lt-0b00000000000batch")
        #expect(a["name_prefix"] == "batch-", "the 26-digit suffix name_prefix adds is cut off")
        #expect(a["instance_type"] == "")
        #expect(a["key_name"] == "")
        #expect(a["description"] == "")
        #expect(a["ebs_optimized"] == "")
        #expect(a["disable_api_termination"] == false)
        #expect(a["user_data"] == .null)
        #expect(a["block_device_mappings"] == [])
        #expect(a["metadata_options"] == [])
        #expect(a["tags"] == [:])
        // Not read, so never compared: absent, never empty.
        for name in ["instance_requirements", "instance_market_options", "credit_specification", "update_default_version"] {
            #expect(a[name] == nil, "\(name)")
        }
    }

    @Test("a template whose latest version the versions listing does not describe is an error, never absent")
    func changedDuringScan() throws {
        let (resources, errors) = try read()
        #expect(Set(resources.map(\.id)) == ["lt-0a20c965061f64abc", "lt-0b00000000000batch"])
        #expect(errors.map(\.resource) == ["lt-0c0000000000racing"])
        #expect(errors.first?.code == "MalformedResponse")
        #expect(errors.first?.operation == "DescribeLaunchTemplateVersions")
    }

    @Test("name_prefix is the provider's: only a name ending in 26 hex digits has one")
    func namePrefix() {
        #expect(GeneratedName.prefix("web-20261103080000000000000001") == "web-")
        #expect(GeneratedName.prefix("terraform-20261103080000000000000001") == "terraform-")
        #expect(GeneratedName.prefix("20261103080000000000000001") == nil)
        #expect(GeneratedName.prefix("web-2026110308000000000000000z") == nil)
        #expect(GeneratedName.prefix("web") == nil)
    }
}
