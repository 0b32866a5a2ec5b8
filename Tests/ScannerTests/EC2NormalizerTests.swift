import AWSClient
import DriftModel
import Foundation
import Testing

@testable import Scanner

@Suite("EC2 answers become aws_instance resources in the provider's shapes")
struct EC2NormalizerTests {
    func instances() throws -> (items: [XMLTree], volumes: [String: XMLTree], ids: Value) {
        let page = EC2Normalizer.page(try Fixture.xml("ec2-DescribeInstances.xml"))
        #expect(page.nextToken == nil)
        let volumes = EC2Normalizer.volumes(try Fixture.xml("ec2-DescribeVolumes.xml").all("volumeSet/item"))
        return (page.instances, volumes, try Fixture.ids())
    }

    func resource(_ key: String) throws -> LiveResource {
        let (items, volumes, ids) = try instances()
        let id = try #require(ids[key]?.stringValue)
        let item = try #require(items.first { $0.string("instanceId") == id })
        return try #require(EC2Normalizer.resource(item, volumes: volumes))
    }

    @Test("a fully configured instance keeps every argument with the provider's names and types")
    func fullInstance() throws {
        let ids = try Fixture.ids()
        let r = try resource("full")
        #expect(r.type == "aws_instance")
        #expect(r.id == ids["full"]?.stringValue)
        let a = r.attributes
        #expect(a["ami"] == ids["ami"])
        #expect(a["instance_type"] == "t3.small")
        #expect(a["availability_zone"] == "us-east-1b")
        #expect(a["subnet_id"] == ids["subnet"])
        #expect(a["vpc_security_group_ids"] == ids["sg"])
        #expect(a["security_groups"] == ["ssh", "web"])
        #expect(a["key_name"] == "deployer")
        #expect(a["iam_instance_profile"] == "app-profile")
        #expect(a["ebs_optimized"] == true)
        #expect(a["monitoring"] == true)
        #expect(a["source_dest_check"] == false)
        #expect(a["tenancy"] == "default")
        #expect(a["private_ip"] == "10.1.1.10")
        #expect(a["instance_state"] == "running")
        #expect(a["tags"] == ["Name": "web-1", "Team": "platform"])
        #expect(a["metadata_options"] == [["http_endpoint": "enabled", "http_tokens": "optional",
            "http_put_response_hop_limit": 1, "http_protocol_ipv6": "disabled", "instance_metadata_tags": "disabled"]])
        // moto attaches the requested /dev/xvda while reporting /dev/sda1 as the root device name;
        // the provider matches by name, so this instance has no root_block_device, as in Terraform's state.
        #expect(a["root_block_device"] == nil)
        #expect(a["user_data"] == nil)
        #expect(a["associate_public_ip_address"] == false)
    }

    @Test("the root volume's size, type and encryption come from DescribeVolumes")
    func rootBlockDevice() throws {
        let r = try resource("plain")
        let root = try #require(r.attributes["root_block_device"]?.arrayValue?.first)
        #expect(root["device_name"] == "/dev/sda1")
        #expect(root["volume_size"] == 8)
        #expect(root["volume_type"] == "gp2")
        #expect(root["encrypted"] == false)
        #expect(root["delete_on_termination"] == true)
        #expect(root["volume_id"]?.stringValue?.hasPrefix("vol-") == true)
        #expect(root["kms_key_id"] == nil)
        #expect(r.attributes["vpc_security_group_ids"] == [])
        #expect(r.attributes["monitoring"] == false)
        #expect(r.attributes["tags"] == [:])
        #expect(r.attributes["key_name"] == nil)
        #expect(r.attributes["associate_public_ip_address"] == true)
    }

    @Test("terminated instances are not live; stopped ones are")
    func liveness() throws {
        let (items, _, ids) = try instances()
        let live = Set(items.filter(EC2Normalizer.isLive).compactMap { $0.string("instanceId") })
        #expect(!live.contains(try #require(ids["terminated"]?.stringValue)))
        #expect(live.contains(try #require(ids["stopped"]?.stringValue)))
        #expect(live.count == 3)
        #expect(try resource("stopped").attributes["instance_state"] == "stopped")
    }

    @Test("user data is kept as the SHA-1 hex of the decoded content, never the content")
    func userData() throws {
        let value = EC2Normalizer.attributeValue(
            terraformName: "user_data", try Fixture.xml("ec2-DescribeInstanceAttribute-userData.xml"))
        // printf '#!/bin/sh\necho hello\n' | sha1sum
        #expect(value == "9db6f074fca0a903137b91c7c866b21d4e7205a7")
        #expect(EC2Normalizer.attributeValue(
            terraformName: "user_data", try Fixture.xml("ec2-DescribeInstanceAttribute-userData-empty.xml")) == nil)
    }

    @Test("protection flags are booleans and the shutdown behaviour a string")
    func otherAttributes() throws {
        #expect(EC2Normalizer.attributeValue(terraformName: "disable_api_stop",
            try Fixture.xml("ec2-DescribeInstanceAttribute-disableApiStop.xml")) == false)
        #expect(EC2Normalizer.attributeValue(terraformName: "disable_api_termination",
            try Fixture.xml("ec2-DescribeInstanceAttribute-disableApiTermination.xml")) == false)
        #expect(EC2Normalizer.attributeValue(terraformName: "instance_initiated_shutdown_behavior",
            try Fixture.xml("ec2-DescribeInstanceAttribute-instanceInitiatedShutdownBehavior.xml")) == "terminate")
    }

    @Test("aws:* tags are dropped, others kept verbatim")
    func awsTags() throws {
        let tree = XMLTree(name: "item", children: [XMLTree(name: "tagSet", children: [
            XMLTree(name: "item", children: [XMLTree(name: "key", text: "aws:cloudformation:stack-name"), XMLTree(name: "value", text: "s")]),
            XMLTree(name: "item", children: [XMLTree(name: "key", text: "Owner"), XMLTree(name: "value", text: "")]),
        ])])
        #expect(EC2Normalizer.tags(tree) == ["Owner": ""])
    }
}
