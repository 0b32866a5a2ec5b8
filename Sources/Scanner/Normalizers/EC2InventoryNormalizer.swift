import AWSClient
import DriftModel

/// Volumes, elastic IPs, key pairs, VPCs and subnets in the provider's shapes. What AWS makes by
/// itself is left out here, where the answer says so: the default VPC and its default subnets
/// (Terraform's `aws_default_vpc`/`aws_default_subnet`, which drift does not scan) and the root
/// volumes of instances (described as the instance's `root_block_device`).
enum EC2InventoryNormalizer {
    /// The device names AWS images boot from: a volume attached there is its instance's root
    /// volume (moto attaches every instance's root volume at `/dev/sda1`).
    static let rootDevices: Set<String> = ["/dev/sda1", "/dev/xvda"]

    /// An `aws_ebs_volume` and an `aws_volume_attachment` per attachment; nothing for a root volume.
    static func volumeAndAttachments(_ item: XMLTree) -> [LiveResource] {
        guard let volume = volume(item) else { return [] }
        return [volume] + item.all("attachmentSet/item").compactMap { attachment in
            guard let device = attachment.nonEmptyString("device"), let instance = attachment.nonEmptyString("instanceId"),
                attachment.string("status") != "detached"
            else { return nil }
            // The provider's id: "vai-" and the CRC-32 of "device-instance-volume-".
            let id = "vai-\(CRC32.checksum("\(device)-\(instance)-\(volume.id)-"))"
            return LiveResource(type: "aws_volume_attachment", id: id, attributes: [
                "device_name": .string(device), "instance_id": .string(instance), "volume_id": .string(volume.id),
            ])
        }
    }

    static func volume(_ item: XMLTree) -> LiveResource? {
        guard let id = item.nonEmptyString("volumeId") else { return nil }
        let state = item.string("status") ?? ""
        if state == "deleting" || state == "deleted" { return nil }
        if item.all("attachmentSet/item").contains(where: { rootDevices.contains($0.string("device") ?? "") }) { return nil }
        var a: [String: Value] = [:]
        a.set("availability_zone", item.stringValue("availabilityZone"))
        a.set("size", item.numberValue("size"))
        a.set("type", item.stringValue("volumeType"))
        a.set("encrypted", item.boolValue("encrypted"))
        a.set("iops", item.numberValue("iops"))
        a.set("throughput", item.numberValue("throughput"))
        a.set("kms_key_id", item.nonEmptyString("kmsKeyId").map(Value.string))
        a.set("snapshot_id", item.nonEmptyString("snapshotId").map(Value.string))
        a.set("multi_attach_enabled", item.boolValue("multiAttachEnabled"))
        a.set("outpost_arn", item.nonEmptyString("outpostArn").map(Value.string))
        a["tags"] = EC2Normalizer.tags(item)
        return LiveResource(type: "aws_ebs_volume", id: id, attributes: a)
    }

    /// An `aws_eip` and, when it is associated, its `aws_eip_association` (by association id).
    static func addressAndAssociation(_ item: XMLTree) -> [LiveResource] {
        guard let address = address(item) else { return [] }
        guard let association = item.nonEmptyString("associationId") else { return [address] }
        var a: [String: Value] = [:]
        a.set("allocation_id", item.nonEmptyString("allocationId").map(Value.string))
        a.set("instance_id", item.nonEmptyString("instanceId").map(Value.string))
        a.set("network_interface_id", item.nonEmptyString("networkInterfaceId").map(Value.string))
        a.set("private_ip_address", item.nonEmptyString("privateIpAddress").map(Value.string))
        a.set("public_ip", item.nonEmptyString("publicIp").map(Value.string))
        return [address, LiveResource(type: "aws_eip_association", id: association, attributes: a)]
    }

    /// An `aws_eip`, by allocation id (the public IP for a classic address without one).
    static func address(_ item: XMLTree) -> LiveResource? {
        guard let id = item.nonEmptyString("allocationId") ?? item.nonEmptyString("publicIp") else { return nil }
        var a: [String: Value] = [:]
        a.set("allocation_id", item.nonEmptyString("allocationId").map(Value.string))
        a.set("domain", item.stringValue("domain"))
        a.set("public_ip", item.nonEmptyString("publicIp").map(Value.string))
        a.set("private_ip", item.nonEmptyString("privateIpAddress").map(Value.string))
        a.set("association_id", item.nonEmptyString("associationId").map(Value.string))
        a.set("instance", item.nonEmptyString("instanceId").map(Value.string))
        a.set("network_interface", item.nonEmptyString("networkInterfaceId").map(Value.string))
        a.set("public_ipv4_pool", item.nonEmptyString("publicIpv4Pool").map(Value.string))
        a["tags"] = EC2Normalizer.tags(item)
        return LiveResource(type: "aws_eip", id: id, attributes: a)
    }

    static func keyPair(_ item: XMLTree) -> LiveResource? {
        guard let name = item.nonEmptyString("keyName") else { return nil }
        var a: [String: Value] = ["key_name": .string(name)]
        a.set("key_pair_id", item.nonEmptyString("keyPairId").map(Value.string))
        a.set("fingerprint", item.nonEmptyString("keyFingerprint").map(Value.string))
        a.set("key_type", item.nonEmptyString("keyType").map(Value.string))
        a["tags"] = EC2Normalizer.tags(item)
        return LiveResource(type: "aws_key_pair", id: name, attributes: a)
    }

    static func vpc(_ item: XMLTree) -> LiveResource? {
        guard let id = item.nonEmptyString("vpcId"), item.string("isDefault")?.lowercased() != "true" else { return nil }
        var a: [String: Value] = [:]
        a.set("cidr_block", item.stringValue("cidrBlock"))
        a.set("instance_tenancy", item.stringValue("instanceTenancy"))
        a.set("dhcp_options_id", item.nonEmptyString("dhcpOptionsId").map(Value.string))
        a.set("owner_id", item.nonEmptyString("ownerId").map(Value.string))
        a["tags"] = EC2Normalizer.tags(item)
        return LiveResource(type: "aws_vpc", id: id, attributes: a)
    }

    static func subnet(_ item: XMLTree) -> LiveResource? {
        guard let id = item.nonEmptyString("subnetId"), item.string("defaultForAz")?.lowercased() != "true" else { return nil }
        var a: [String: Value] = [:]
        a.set("vpc_id", item.stringValue("vpcId"))
        a.set("cidr_block", item.stringValue("cidrBlock"))
        a.set("availability_zone", item.stringValue("availabilityZone"))
        a.set("availability_zone_id", item.nonEmptyString("availabilityZoneId").map(Value.string))
        a.set("map_public_ip_on_launch", item.boolValue("mapPublicIpOnLaunch"))
        a.set("assign_ipv6_address_on_creation", item.boolValue("assignIpv6AddressOnCreation"))
        a.set("owner_id", item.nonEmptyString("ownerId").map(Value.string))
        a.set("arn", item.nonEmptyString("subnetArn").map(Value.string))
        a["tags"] = EC2Normalizer.tags(item)
        return LiveResource(type: "aws_subnet", id: id, attributes: a)
    }
}
