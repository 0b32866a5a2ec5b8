import AWSClient
import DriftModel
import Foundation
import Testing

@testable import Scanner

/// `ebs_block_device` and `credit_specification` from recorded moto answers: a t3.micro with a
/// gp3 root, two extra volumes from the launch (one encrypted, one kept on termination) and one
/// made from a snapshot and attached by hand; an m5.large with only its root volume.
@Suite("EC2 block devices and CPU credits in the provider's shapes")
struct EC2BlockDeviceTests {
    struct Recorded {
        var instances: [String: XMLTree]
        var volumes: [String: XMLTree]
        var ids: [String: String]
    }

    func recorded() throws -> Recorded {
        let page = EC2Normalizer.page(try Fixture.xml("ec2-ebs-DescribeInstances.xml"))
        var instances: [String: XMLTree] = [:]
        for item in page.instances { instances[item.string("instanceId") ?? ""] = item }
        let volumes = EC2Normalizer.volumes(try Fixture.xml("ec2-ebs-DescribeVolumes.xml").all("volumeSet/item"))
        let ids = (try Fixture.json("ec2-ebs-ids.json").objectValue ?? [:]).compactMapValues(\.stringValue)
        return Recorded(instances: instances, volumes: volumes, ids: ids)
    }

    @Test("every non-root EBS mapping is an ebs_block_device, sorted by device name, with the volume's fields")
    func ebsBlockDevices() throws {
        let r = try recorded()
        let instance = try #require(r.instances[r.ids["burst"] ?? ""])
        let resource = try #require(EC2Normalizer.resource(instance, volumes: r.volumes))
        let devices = try #require(resource.attributes["ebs_block_device"]?.arrayValue)
        #expect(devices.map { $0["device_name"] } == ["/dev/sdf", "/dev/sdg", "/dev/sdh"])
        let sdf = devices[0], sdg = devices[1], sdh = devices[2]
        #expect(sdf["volume_size"] == 10)
        #expect(sdf["volume_type"] == "gp3")
        #expect(sdf["iops"] == 3000)
        #expect(sdf["encrypted"] == true)
        #expect(sdf["kms_key_id"]?.stringValue?.hasPrefix("arn:aws:kms:us-east-1:") == true)
        // moto keeps volumes of a boto launch that did not say DeleteOnTermination: false, from the mapping.
        #expect(sdf["delete_on_termination"] == false)
        #expect(sdf["snapshot_id"] == nil)
        #expect(sdf["volume_id"]?.stringValue?.hasPrefix("vol-") == true)
        #expect(sdf["tags"] == [:])
        #expect(sdg["delete_on_termination"] == false)
        #expect(sdg["volume_type"] == "gp2")
        #expect(sdg["encrypted"] == false)
        #expect(sdh["snapshot_id"]?.stringValue == r.ids["snapshot"])
        #expect(sdh["volume_id"]?.stringValue == r.ids["attached"])
        #expect(sdh["tags"] == ["Role": "scratch"])
        // The root device stays in root_block_device only.
        let root = try #require(resource.attributes["root_block_device"]?.arrayValue?.first)
        #expect(root["device_name"] == "/dev/sda1")
        #expect(root["volume_size"] == 12)
        #expect(root["volume_type"] == "gp3")
    }

    @Test("an instance with only its root volume has an empty ebs_block_device; unread volumes describe neither block")
    func emptyAndUnread() throws {
        let r = try recorded()
        let big = try #require(r.instances[r.ids["big"] ?? ""])
        let read = try #require(EC2Normalizer.resource(big, volumes: r.volumes))
        #expect(read.attributes["ebs_block_device"] == [])
        #expect(read.attributes["root_block_device"]?.arrayValue?.count == 1)
        let unread = try #require(EC2Normalizer.resource(big, volumes: nil))
        #expect(unread.attributes["ebs_block_device"] == nil)
        #expect(unread.attributes["root_block_device"] == nil)
        #expect(unread.attributes["credit_specification"] == nil)
    }

    @Test("every mapped volume id is asked for, root included, in mapping order")
    func volumeIDs() throws {
        let r = try recorded()
        let burst = try #require(r.instances[r.ids["burst"] ?? ""])
        let ids = EC2Normalizer.volumeIDs(burst)
        #expect(ids.count == 4)
        #expect(Set(ids) == Set(r.volumes.keys).subtracting(EC2Normalizer.volumeIDs(try #require(r.instances[r.ids["big"] ?? ""]))))
        #expect(EC2Collector.unique(ids + ids) == ids)
    }

    @Test("burstable types come from DescribeInstanceTypes, CPU credits from DescribeInstanceCreditSpecifications")
    func credits() throws {
        let r = try recorded()
        let types = EC2Normalizer.burstableTypes(try Fixture.xml("ec2-DescribeInstanceTypes.xml").all("instanceTypeSet/item"))
        #expect(types == ["t3.micro": true, "m5.large": false])
        let credits = EC2Normalizer.creditSpecifications(
            try Fixture.xml("ec2-DescribeInstanceCreditSpecifications.xml").all("instanceCreditSpecificationSet/item"))
        let burst = try #require(r.ids["burst"])
        #expect(credits == [burst: [["cpu_credits": "standard"]]])
        let instance = try #require(r.instances[burst])
        let resource = try #require(EC2Normalizer.resource(instance, volumes: r.volumes, creditSpecification: credits[burst]))
        #expect(resource.attributes["credit_specification"] == [["cpu_credits": "standard"]])
    }

    @Test("list parameters are numbered from 1 and batches keep order")
    func batching() {
        #expect(EC2Collector.numbered("InstanceId", ["i-1", "i-2"]) == ["InstanceId.1": "i-1", "InstanceId.2": "i-2"])
        #expect(EC2Collector.batches(Array(1...5), size: 2) == [[1, 2], [3, 4], [5]])
        #expect(EC2Collector.batches([Int](), size: 2).isEmpty)
    }
}
