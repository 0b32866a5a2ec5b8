import AWSClient
import Crypto
import DriftModel
import Foundation

/// `aws_launch_template` as the provider's Read stores it: the template's name, default and latest
/// version numbers and tags from DescribeLaunchTemplates, and everything else from the **latest**
/// version's data (DescribeLaunchTemplateVersions), never from the default version's.
///
/// The provider sets every argument it reads, absent ones to their zero value (`""`, `false`, `[]`),
/// so that a field removed by hand in a new version drifts; this does the same for every argument
/// below. Arguments it does not read are left out of the resource, so they are never compared
/// ("a setting not read is never reported absent"): `instance_requirements`,
/// `instance_market_options`, `credit_specification` (the provider reads it only for burstable
/// types, with another call), `elastic_gpu_specifications`, `elastic_inference_accelerator`, `arn`,
/// and `update_default_version` (never read back by the provider either).
enum LaunchTemplateNormalizer {
    /// Every listed template with its latest version's data. A template the versions listing
    /// does not describe at its latest version (it changed between the two listings) is a
    /// `Snapshot.errors` entry: unreadable this time, never absent.
    static func resources(templates: [XMLTree], versions: [XMLTree]) -> (resources: [LiveResource], errors: [ReadError]) {
        let latest = latestVersions(versions)
        var resources: [LiveResource] = []
        var errors: [ReadError] = []
        for template in templates {
            guard let id = template.nonEmptyString("launchTemplateId") else { continue }
            guard let version = latest[id], let resource = resource(template, latest: version) else {
                errors.append(.malformed(
                    service: .ec2, operation: "DescribeLaunchTemplateVersions", resource: id,
                    "no data for the template's latest version (it changed during the scan)"))
                continue
            }
            resources.append(resource)
        }
        return (resources, errors)
    }

    /// The latest-version item of each template id in a DescribeLaunchTemplateVersions answer
    /// (`launchTemplateVersionSet/item`s asked for `$Latest`): the highest version number per id.
    static func latestVersions(_ items: [XMLTree]) -> [String: XMLTree] {
        var latest: [String: (number: Int, item: XMLTree)] = [:]
        for item in items {
            guard let id = item.nonEmptyString("launchTemplateId"), let number = item.nonEmptyString("versionNumber").flatMap({ Int($0) })
            else { continue }
            if let known = latest[id], known.number >= number { continue }
            latest[id] = (number, item)
        }
        return latest.mapValues(\.item)
    }

    /// One template (a DescribeLaunchTemplates `launchTemplates/item`) with its latest version's
    /// item. `nil` when the version item is not the template's latest (the template changed between
    /// the two listings) or the template has no id: the caller reports that as an error.
    static func resource(_ template: XMLTree, latest version: XMLTree) -> LiveResource? {
        guard let id = template.nonEmptyString("launchTemplateId"),
            let latestNumber = template.nonEmptyString("latestVersionNumber"),
            version.nonEmptyString("versionNumber") == latestNumber
        else { return nil }
        let name = template.nonEmptyString("launchTemplateName")
        var a: [String: Value] = [:]
        a["name"] = .string(name ?? "")
        a["name_prefix"] = .string(name.flatMap(GeneratedName.prefix) ?? "")
        a.set("default_version", template.numberValue("defaultVersionNumber"))
        a.set("latest_version", template.numberValue("latestVersionNumber"))
        a["tags"] = EC2Normalizer.tags(template)
        a["description"] = string(version, "versionDescription")
        let data = version.at("launchTemplateData")
        a.merge(Self.data(data)) { _, new in new }
        return LiveResource(type: "aws_launch_template", id: id, attributes: a)
    }

    /// The arguments of one version's `launchTemplateData` (absent data: every argument zero).
    static func data(_ data: XMLTree?) -> [String: Value] {
        var a: [String: Value] = [:]
        for (name, element) in [
            ("image_id", "imageId"), ("instance_type", "instanceType"), ("key_name", "keyName"),
            ("kernel_id", "kernelId"), ("ram_disk_id", "ramDiskId"),
            ("instance_initiated_shutdown_behavior", "instanceInitiatedShutdownBehavior"),
        ] {
            a[name] = string(data, element)
        }
        a["disable_api_stop"] = bool(data, "disableApiStop")
        a["disable_api_termination"] = bool(data, "disableApiTermination")
        a["ebs_optimized"] = nullableBool(data, "ebsOptimized")
        // The provider keeps the template's user data as given (base64); drift keeps only its
        // SHA-1 hex, which the baseline computes from the declared text alike.
        a["user_data"] = data?.nonEmptyString("userData").map { .string(sha1Hex($0)) } ?? .null
        a["vpc_security_group_ids"] = stringSet(data?.all("securityGroupIdSet/item") ?? [])
        a["security_group_names"] = stringSet(data?.all("securityGroupSet/item") ?? [])
        a["block_device_mappings"] = .array((data?.all("blockDeviceMappingSet/item") ?? []).map(blockDeviceMapping))
        a["network_interfaces"] = .array((data?.all("networkInterfaceSet/item") ?? []).map(networkInterface))
        a["tag_specifications"] = .array((data?.all("tagSpecificationSet/item") ?? []).map { item in
            .object([
                "resource_type": string(item, "resourceType"),
                "tags": EC2Normalizer.tags(item),
            ])
        })
        a["license_specification"] = .array((data?.all("licenseSet/item") ?? []).map { item in
            .object(["license_configuration_arn": string(item, "licenseConfigurationArn")])
        })
        a["iam_instance_profile"] = block(data?.at("iamInstanceProfile")) { p in
            ["arn": string(p, "arn"), "name": string(p, "name")]
        }
        a["metadata_options"] = block(data?.at("metadataOptions")) { m in
            [
                "http_endpoint": string(m, "httpEndpoint"), "http_protocol_ipv6": string(m, "httpProtocolIpv6"),
                "http_put_response_hop_limit": number(m, "httpPutResponseHopLimit"),
                "http_tokens": string(m, "httpTokens"), "instance_metadata_tags": string(m, "instanceMetadataTags"),
            ]
        }
        a["monitoring"] = block(data?.at("monitoring")) { m in ["enabled": bool(m, "enabled")] }
        a["enclave_options"] = block(data?.at("enclaveOptions")) { e in ["enabled": bool(e, "enabled")] }
        a["hibernation_options"] = block(data?.at("hibernationOptions")) { h in ["configured": bool(h, "configured")] }
        a["maintenance_options"] = block(data?.at("maintenanceOptions")) { m in ["auto_recovery": string(m, "autoRecovery")] }
        a["cpu_options"] = block(data?.at("cpuOptions")) { c in
            ["core_count": number(c, "coreCount"), "threads_per_core": number(c, "threadsPerCore")]
        }
        a["placement"] = block(data?.at("placement")) { p in
            [
                "affinity": string(p, "affinity"), "availability_zone": string(p, "availabilityZone"),
                "group_name": string(p, "groupName"), "host_id": string(p, "hostId"),
                "host_resource_group_arn": string(p, "hostResourceGroupArn"),
                "partition_number": number(p, "partitionNumber"), "spread_domain": string(p, "spreadDomain"),
                "tenancy": string(p, "tenancy"),
            ]
        }
        a["private_dns_name_options"] = block(data?.at("privateDnsNameOptions")) { p in
            [
                "enable_resource_name_dns_aaaa_record": bool(p, "enableResourceNameDnsAAAARecord"),
                "enable_resource_name_dns_a_record": bool(p, "enableResourceNameDnsARecord"),
                "hostname_type": string(p, "hostnameType"),
            ]
        }
        a["capacity_reservation_specification"] = block(data?.at("capacityReservationSpecification")) { c in
            [
                "capacity_reservation_preference": string(c, "capacityReservationPreference"),
                "capacity_reservation_target": block(c.at("capacityReservationTarget")) { t in
                    [
                        "capacity_reservation_id": string(t, "capacityReservationId"),
                        "capacity_reservation_resource_group_arn": string(t, "capacityReservationResourceGroupArn"),
                    ]
                },
            ]
        }
        return a
    }

    static func blockDeviceMapping(_ item: XMLTree) -> Value {
        .object([
            "device_name": string(item, "deviceName"),
            "no_device": string(item, "noDevice"),
            "virtual_name": string(item, "virtualName"),
            "ebs": block(item.at("ebs")) { e in
                [
                    "delete_on_termination": nullableBool(e, "deleteOnTermination"),
                    "encrypted": nullableBool(e, "encrypted"),
                    "iops": number(e, "iops"), "kms_key_id": string(e, "kmsKeyId"),
                    "snapshot_id": string(e, "snapshotId"), "throughput": number(e, "throughput"),
                    "volume_size": number(e, "volumeSize"), "volume_type": string(e, "volumeType"),
                ]
            },
        ])
    }

    static func networkInterface(_ item: XMLTree) -> Value {
        .object([
            "associate_carrier_ip_address": nullableBool(item, "associateCarrierIpAddress"),
            "associate_public_ip_address": nullableBool(item, "associatePublicIpAddress"),
            "delete_on_termination": nullableBool(item, "deleteOnTermination"),
            "description": string(item, "description"),
            "device_index": number(item, "deviceIndex"),
            "interface_type": string(item, "interfaceType"),
            "ipv4_address_count": number(item, "secondaryPrivateIpAddressCount"),
            "ipv4_addresses": stringSet(item.all("privateIpAddressesSet/item").compactMap { $0.at("privateIpAddress") }),
            "ipv4_prefix_count": number(item, "ipv4PrefixCount"),
            "ipv4_prefixes": stringSet(item.all("ipv4PrefixSet/item").compactMap { $0.at("ipv4Prefix") }),
            "ipv6_address_count": number(item, "ipv6AddressCount"),
            "ipv6_addresses": stringSet(item.all("ipv6AddressesSet/item").compactMap { $0.at("ipv6Address") }),
            "ipv6_prefix_count": number(item, "ipv6PrefixCount"),
            "ipv6_prefixes": stringSet(item.all("ipv6PrefixSet/item").compactMap { $0.at("ipv6Prefix") }),
            "network_card_index": number(item, "networkCardIndex"),
            "network_interface_id": string(item, "networkInterfaceId"),
            "private_ip_address": string(item, "privateIpAddress"),
            "security_groups": stringSet(item.all("groupSet/groupId")),
            "subnet_id": string(item, "subnetId"),
        ])
    }

    // MARK: - The provider's zero values for what a version leaves out

    /// A string leaf, `""` when absent (`d.Set` of a nil string).
    private static func string(_ tree: XMLTree?, _ path: String) -> Value {
        .string(tree?.string(path)?.trimmingWhitespace ?? "")
    }

    /// A bool leaf, `false` when absent.
    private static func bool(_ tree: XMLTree?, _ path: String) -> Value {
        tree?.boolValue(path) ?? .bool(false)
    }

    /// A number leaf, `0` when absent.
    private static func number(_ tree: XMLTree?, _ path: String) -> Value {
        tree?.numberValue(path) ?? .number(0)
    }

    /// The provider's "nullable bool" (a string argument): `"true"`, `"false"`, or `""` when absent.
    private static func nullableBool(_ tree: XMLTree?, _ path: String) -> Value {
        guard let text = tree?.nonEmptyString(path) else { return .string("") }
        return .string(text.lowercased() == "true" ? "true" : "false")
    }

    /// A single nested block: one object when AWS sent the element, none otherwise.
    private static func block(_ tree: XMLTree?, _ fields: (XMLTree) -> [String: Value]) -> Value {
        guard let tree else { return .array([]) }
        return .array([.object(fields(tree))])
    }

    /// Leaves' texts as a sorted set.
    private static func stringSet(_ leaves: [XMLTree]) -> Value {
        EC2Normalizer.sortedSet(leaves.compactMap { leaf in
            let text = leaf.text.trimmingWhitespace
            return text.isEmpty ? nil : text
        })
    }

    static func sha1Hex(_ text: String) -> String {
        Insecure.SHA1.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
