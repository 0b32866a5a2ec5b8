import AWSClient
import Crypto
import DriftModel
import Foundation

/// Turns EC2 Query answers into `aws_instance` resources shaped as the Terraform AWS provider (v5)
/// reads them, so the comparer can hold them next to evaluated `.tf` values attribute by attribute.
enum EC2Normalizer {
    /// The instance attributes that cost one `DescribeInstanceAttribute` call each, by Terraform name.
    static let perInstanceAttributes: [String: String] = [
        "user_data": "userData",
        "disable_api_termination": "disableApiTermination",
        "disable_api_stop": "disableApiStop",
        "instance_initiated_shutdown_behavior": "instanceInitiatedShutdownBehavior",
    ]

    /// One DescribeInstances page: the instance items (all reservations) and the token of the next page.
    static func page(_ tree: XMLTree) -> (instances: [XMLTree], nextToken: String?) {
        let instances = tree.all("reservationSet/item").flatMap { $0.all("instancesSet/item") }
        return (instances, tree.nonEmptyString("nextToken"))
    }

    /// Terminated and shutting-down instances are gone as far as Terraform is concerned.
    static func isLive(_ instance: XMLTree) -> Bool {
        let state = instance.string("instanceState/name") ?? ""
        return state != "terminated" && state != "shutting-down"
    }

    /// The EBS volume attached at the instance's root device name, as the provider finds it.
    static func rootVolumeID(_ instance: XMLTree) -> String? {
        guard let root = instance.nonEmptyString("rootDeviceName") else { return nil }
        return instance.all("blockDeviceMapping/item")
            .first { $0.nonEmptyString("deviceName") == root }?
            .nonEmptyString("ebs/volumeId")
    }

    /// Every EBS volume the instance's block device mappings name (root and others), in mapping
    /// order: the provider reads them all with one DescribeVolumes to fill both device blocks.
    static func volumeIDs(_ instance: XMLTree) -> [String] {
        instance.all("blockDeviceMapping/item").compactMap { $0.nonEmptyString("ebs/volumeId") }
    }

    /// `instanceTypeSet/item`s of DescribeInstanceTypes: instance type → whether it is burstable (has CPU credits).
    static func burstableTypes(_ items: [XMLTree]) -> [String: Bool] {
        var byType: [String: Bool] = [:]
        for item in items {
            guard let type = item.nonEmptyString("instanceType") else { continue }
            byType[type] = item.string("burstablePerformanceSupported") == "true"
        }
        return byType
    }

    /// `instanceCreditSpecificationSet/item`s: instance id → `credit_specification` value.
    static func creditSpecifications(_ items: [XMLTree]) -> [String: Value] {
        var byID: [String: Value] = [:]
        for item in items {
            guard let id = item.nonEmptyString("instanceId"), let credits = item.nonEmptyString("cpuCredits") else { continue }
            byID[id] = .array([.object(["cpu_credits": .string(credits)])])
        }
        return byID
    }

    /// DescribeVolumes `volumeSet/item`s keyed by volume id.
    static func volumes(_ items: [XMLTree]) -> [String: XMLTree] {
        var byID: [String: XMLTree] = [:]
        for item in items {
            if let id = item.nonEmptyString("volumeId") { byID[id] = item }
        }
        return byID
    }

    /// An `aws_instance` from one DescribeInstances item and, when read, its volumes (by id) and its
    /// `credit_specification` value. `volumes == nil` means DescribeVolumes was not called (or
    /// failed): then neither device block is described, since "not read" must never look like "none".
    static func resource(_ instance: XMLTree, volumes: [String: XMLTree]?, creditSpecification: Value? = nil) -> LiveResource? {
        guard let id = instance.nonEmptyString("instanceId") else { return nil }
        var a: [String: Value] = [:]
        a.set("ami", instance.stringValue("imageId"))
        a.set("instance_type", instance.stringValue("instanceType"))
        a.set("availability_zone", instance.stringValue("placement/availabilityZone"))
        a.set("tenancy", instance.nonEmptyString("placement/tenancy").map(Value.string))
        a.set("placement_group", instance.nonEmptyString("placement/groupName").map(Value.string))
        a.set("subnet_id", instance.nonEmptyString("subnetId").map(Value.string))
        a.set("key_name", instance.nonEmptyString("keyName").map(Value.string))
        a.set("private_ip", instance.nonEmptyString("privateIpAddress").map(Value.string))
        a.set("public_ip", instance.nonEmptyString("ipAddress").map(Value.string))
        a.set("private_dns", instance.nonEmptyString("privateDnsName").map(Value.string))
        a.set("public_dns", instance.nonEmptyString("dnsName").map(Value.string))
        a.set("instance_state", instance.stringValue("instanceState/name"))
        a["ebs_optimized"] = instance.boolValue("ebsOptimized") ?? .bool(false)
        let monitoring = instance.string("monitoring/state") ?? "disabled"
        a["monitoring"] = .bool(monitoring == "enabled" || monitoring == "pending")
        a.set("source_dest_check", instance.boolValue("sourceDestCheck"))
        if let arn = instance.nonEmptyString("iamInstanceProfile/arn") {
            // The provider keeps the profile's name, the last path element of its ARN.
            a["iam_instance_profile"] = .string(String(arn.split(separator: "/").last ?? Substring(arn)))
        }
        let groups = instance.all("groupSet/item")
        a["vpc_security_group_ids"] = sortedSet(groups.compactMap { $0.nonEmptyString("groupId") })
        a["security_groups"] = sortedSet(groups.compactMap { $0.nonEmptyString("groupName") })
        a["tags"] = tags(instance)
        // As the provider reads it: whether the primary network interface has a public address.
        if let primary = instance.all("networkInterfaceSet/item").first(where: { $0.string("attachment/deviceIndex") == "0" }) {
            a["associate_public_ip_address"] = .bool(primary.nonEmptyString("association/publicIp") != nil)
        }
        if let metadata = instance.at("metadataOptions") {
            var m: [String: Value] = [:]
            m.set("http_endpoint", metadata.stringValue("httpEndpoint"))
            m.set("http_tokens", metadata.stringValue("httpTokens"))
            m.set("http_put_response_hop_limit", metadata.numberValue("httpPutResponseHopLimit"))
            m.set("http_protocol_ipv6", metadata.stringValue("httpProtocolIpv6"))
            m.set("instance_metadata_tags", metadata.stringValue("instanceMetadataTags"))
            if !m.isEmpty { a["metadata_options"] = .array([.object(m)]) }
        }
        a.set("credit_specification", creditSpecification)
        if let volumes { a.merge(deviceAttributes(instance, volumes: volumes)) { $1 } }
        return LiveResource(type: "aws_instance", id: id, attributes: a)
    }

    /// The children of an instance item that the volume and credit steps read (`deviceAttributes`,
    /// `volumeIDs`, `EC2Collector.creditSpecifications`): all a listing keeps of an instance once
    /// its page is normalized, so that memory holds one page's tree, not the account's.
    static let deviceFields: Set<String> = ["instanceId", "instanceType", "rootDeviceName", "blockDeviceMapping"]

    /// The instance item reduced to `deviceFields` (a few hundred bytes instead of ~10 KB).
    static func deviceView(_ instance: XMLTree) -> XMLTree {
        XMLTree(name: instance.name, children: instance.children.filter { deviceFields.contains($0.name) })
    }

    /// `root_block_device`, `ebs_block_device` and `volume_tags` from the instance's mappings and
    /// its volumes, as `resource` sets them when the volumes were read. Reads only `deviceFields`.
    static func deviceAttributes(_ instance: XMLTree, volumes: [String: XMLTree]) -> [String: Value] {
        var a: [String: Value] = [:]
        let rootVolume = rootVolumeID(instance).flatMap { volumes[$0] }
        if let root = rootBlockDevice(instance, volume: rootVolume) { a["root_block_device"] = .array([root]) }
        a["ebs_block_device"] = .array(ebsBlockDevices(instance, volumes: volumes))
        a["volume_tags"] = volumeTags(instance, volumes: volumes)
        return a
    }

    /// `ebs_block_device`: every EBS mapping but the root device's whose volume DescribeVolumes
    /// returned, as the provider reads it (device name and deletion from the mapping; size, type,
    /// IOPS, throughput, encryption, key, snapshot and tags from the volume), sorted by device name.
    static func ebsBlockDevices(_ instance: XMLTree, volumes: [String: XMLTree]) -> [Value] {
        let root = instance.nonEmptyString("rootDeviceName")
        var devices: [(name: String, value: Value)] = []
        for mapping in instance.all("blockDeviceMapping/item") {
            guard let name = mapping.nonEmptyString("deviceName"), name != root,
                let volumeID = mapping.nonEmptyString("ebs/volumeId"), let volume = volumes[volumeID]
            else { continue }
            var d = volumeFields(volume)
            d["device_name"] = .string(name)
            d.set("delete_on_termination", mapping.boolValue("ebs/deleteOnTermination"))
            d["volume_id"] = .string(volumeID)
            d.set("snapshot_id", volume.nonEmptyString("snapshotId").map(Value.string))
            devices.append((name, .object(d)))
        }
        return devices.sorted { $0.name < $1.name }.map(\.value)
    }

    /// `volume_tags` as the provider reads it: the tags of every volume attached to the instance in
    /// one list (DescribeTags by the volumes' ids, in id order), a key on several volumes taking the
    /// last one's value. What the configuration and `default_tags` make of it is the comparer's.
    static func volumeTags(_ instance: XMLTree, volumes: [String: XMLTree]) -> Value {
        var merged: [String: Value] = [:]
        for id in volumeIDs(instance).sorted() {
            guard let volume = volumes[id] else { continue }
            for (key, value) in tags(volume).objectValue ?? [:] { merged[key] = value }
        }
        return .object(merged)
    }

    /// The fields both device blocks take from DescribeVolumes.
    static func volumeFields(_ volume: XMLTree) -> [String: Value] {
        var d: [String: Value] = [:]
        d.set("volume_size", volume.numberValue("size"))
        d.set("volume_type", volume.nonEmptyString("volumeType").map(Value.string))
        d.set("iops", volume.numberValue("iops"))
        d.set("throughput", volume.numberValue("throughput"))
        d["encrypted"] = volume.boolValue("encrypted") ?? .bool(false)
        d.set("kms_key_id", volume.nonEmptyString("kmsKeyId").map(Value.string))
        d["tags"] = tags(volume)
        return d
    }

    /// `root_block_device`: the mapping says device and deletion, the volume says size, type and encryption.
    static func rootBlockDevice(_ instance: XMLTree, volume: XMLTree?) -> Value? {
        guard let root = instance.nonEmptyString("rootDeviceName"),
            let mapping = instance.all("blockDeviceMapping/item").first(where: { $0.nonEmptyString("deviceName") == root }),
            let volume
        else { return nil }
        var d = volumeFields(volume)
        d["device_name"] = .string(root)
        d.set("delete_on_termination", mapping.boolValue("ebs/deleteOnTermination"))
        d.set("volume_id", mapping.nonEmptyString("ebs/volumeId").map(Value.string))
        return .object(d)
    }

    /// One DescribeInstanceAttribute answer as the provider's value: `user_data` as the SHA-1 hex of
    /// the decoded content (never the content itself), booleans as booleans. `nil` when unset.
    static func attributeValue(terraformName: String, _ tree: XMLTree) -> Value? {
        guard let ec2Name = perInstanceAttributes[terraformName] else { return nil }
        guard let text = tree.nonEmptyString("\(ec2Name)/value") else { return nil }
        switch terraformName {
        case "user_data":
            let bytes = Data(base64Encoded: text, options: .ignoreUnknownCharacters) ?? Data(text.utf8)
            return .string(Insecure.SHA1.hash(data: bytes).map { String(format: "%02x", $0) }.joined())
        case "disable_api_termination", "disable_api_stop":
            return .bool(text.lowercased() == "true")
        default:
            return .string(text)
        }
    }

    static func tags(_ tree: XMLTree) -> Value {
        Tags.value(tree.all("tagSet/item").compactMap { item in
            guard let key = item.string("key") else { return nil }
            return (key: key, value: item.string("value") ?? "")
        })
    }

    static func sortedSet(_ strings: [String]) -> Value {
        .array(Array(Set(strings)).sorted().map(Value.string))
    }
}
