import AWSClient
import DriftModel
import Terraform

/// VPCs, subnets, security groups and instances, searched as the provider searches them: the
/// block's own arguments become filters alongside `filter` blocks and `tags`.
extension EC2DataSources {
    @Sendable static func vpc(_ call: DataSourceCall) async throws -> DataSourceAnswer {
        var query = EC2Query()
        query.filter("cidr", call.string("cidr_block"))
        query.filter("dhcp-options-id", call.string("dhcp_options_id"))
        if let isDefault = call.bool("default") { query.filter("isDefault", [isDefault ? "true" : "false"]) }
        query.filter("state", call.string("state"))
        query.filter("vpc-id", call.string("id"))
        query.tags(call.map("tags"))
        query.filters(call)
        let items = try await query.items(call.client, "DescribeVpcs", itemPath: "vpcSet/item")
        return answer(single(items, kind: "EC2 VPC")) { vpc in
            let id = vpc.string("vpcId") ?? ""
            let owner = vpc.string("ownerId") ?? ""
            return [
                "id": .string(id), "arn": .string("arn:\(call.partition):ec2:\(call.client.region):\(owner):vpc/\(id)"),
                "cidr_block": vpc.text("cidrBlock"), "default": vpc.flag("isDefault"),
                "dhcp_options_id": vpc.text("dhcpOptionsId"), "instance_tenancy": vpc.text("instanceTenancy"),
                "owner_id": .string(owner), "state": vpc.text("state"), "tags": vpc.tags,
                "cidr_block_associations": .array(vpc.all("cidrBlockAssociationSet/item").map { item in
                    .object([
                        "association_id": item.text("associationId"), "cidr_block": item.text("cidrBlock"),
                        "state": item.text("cidrBlockState/state"),
                    ])
                }),
            ]
        }
    }

    private static func subnetQuery(_ call: DataSourceCall) -> EC2Query {
        var query = EC2Query()
        query.filter("availabilityZone", call.string("availability_zone"))
        query.filter("availability-zone-id", call.string("availability_zone_id"))
        query.filter("cidrBlock", call.string("cidr_block"))
        if let isDefault = call.bool("default_for_az") { query.filter("default-for-az", [isDefault ? "true" : "false"]) }
        query.filter("state", call.string("state"))
        query.filter("vpc-id", call.string("vpc_id"))
        query.filter("subnet-id", call.string("id"))
        query.tags(call.map("tags"))
        query.filters(call)
        return query
    }

    @Sendable static func subnet(_ call: DataSourceCall) async throws -> DataSourceAnswer {
        let items = try await subnetQuery(call).items(call.client, "DescribeSubnets", itemPath: "subnetSet/item")
        return answer(single(items, kind: "EC2 Subnet")) { subnet in
            let id = subnet.string("subnetId") ?? ""
            let owner = subnet.string("ownerId") ?? ""
            return [
                "id": .string(id),
                "arn": .string(subnet.string("subnetArn")
                    ?? "arn:\(call.partition):ec2:\(call.client.region):\(owner):subnet/\(id)"),
                "availability_zone": subnet.text("availabilityZone"),
                "availability_zone_id": subnet.text("availabilityZoneId"),
                "available_ip_address_count": .number(Double(subnet.string("availableIpAddressCount") ?? "") ?? 0),
                "cidr_block": subnet.text("cidrBlock"), "default_for_az": subnet.flag("defaultForAz"),
                "map_public_ip_on_launch": subnet.flag("mapPublicIpOnLaunch"),
                "assign_ipv6_address_on_creation": subnet.flag("assignIpv6AddressOnCreation"),
                "owner_id": .string(owner), "state": subnet.text("state"), "tags": subnet.tags,
                "vpc_id": subnet.text("vpcId"),
            ]
        }
    }

    @Sendable static func subnets(_ call: DataSourceCall) async throws -> DataSourceAnswer {
        var query = EC2Query()
        query.tags(call.map("tags"))
        query.filters(call)
        let items = try await query.items(call.client, "DescribeSubnets", itemPath: "subnetSet/item")
        return .found(["id": .string(call.client.region), "ids": items.compactMap { $0.string("subnetId") }.values],
                      sensitive: [])
    }

    @Sendable static func securityGroup(_ call: DataSourceCall) async throws -> DataSourceAnswer {
        var query = EC2Query()
        query.filter("group-id", call.string("id"))
        query.filter("group-name", call.string("name"))
        query.filter("vpc-id", call.string("vpc_id"))
        query.tags(call.map("tags"))
        query.filters(call)
        let items = try await query.items(call.client, "DescribeSecurityGroups", itemPath: "securityGroupInfo/item")
        return answer(single(items, kind: "EC2 Security Group")) { group in
            let id = group.string("groupId") ?? ""
            let owner = group.string("ownerId") ?? ""
            return [
                "id": .string(id),
                "arn": .string("arn:\(call.partition):ec2:\(call.client.region):\(owner):security-group/\(id)"),
                "description": group.text("groupDescription"), "name": group.text("groupName"),
                "tags": group.tags, "vpc_id": group.text("vpcId"),
            ]
        }
    }

    @Sendable static func securityGroups(_ call: DataSourceCall) async throws -> DataSourceAnswer {
        var query = EC2Query()
        query.tags(call.map("tags"))
        query.filters(call)
        let items = try await query.items(call.client, "DescribeSecurityGroups", itemPath: "securityGroupInfo/item")
        return .found([
            "id": .string(call.client.region),
            "ids": items.compactMap { $0.string("groupId") }.values,
            "vpc_ids": items.compactMap { $0.string("vpcId") }.values,
            "arns": items.map { group in
                "arn:\(call.partition):ec2:\(call.client.region):\(group.string("ownerId") ?? ""):security-group/"
                    + (group.string("groupId") ?? "")
            }.values,
        ], sensitive: [])
    }

    private static func instanceQuery(_ call: DataSourceCall, states: [String]) -> EC2Query {
        var query = EC2Query()
        query.filter("instance-state-name", states)
        query.filter("instance-id", call.string("instance_id"))
        query.tags(call.map("instance_tags"))
        query.filters(call)
        return query
    }

    @Sendable static func instance(_ call: DataSourceCall) async throws -> DataSourceAnswer {
        let query = instanceQuery(call, states: ["pending", "running", "shutting-down", "stopped", "stopping"])
        let items = try await query.items(call.client, "DescribeInstances", itemPath: "reservationSet/item/instancesSet/item")
        return answer(single(items, kind: "EC2 Instance")) { instance in
            let id = instance.string("instanceId") ?? ""
            return [
                "id": .string(id), "instance_id": .string(id), "ami": instance.text("imageId"),
                "availability_zone": instance.text("placement/availabilityZone"),
                "instance_type": instance.text("instanceType"), "instance_state": instance.text("instanceState/name"),
                "key_name": instance.text("keyName"), "private_ip": instance.text("privateIpAddress"),
                "private_dns": instance.text("privateDnsName"), "public_ip": instance.text("ipAddress"),
                "public_dns": instance.text("dnsName"), "subnet_id": instance.text("subnetId"),
                "tags": instance.tags, "instance_tags": instance.tags,
                "vpc_security_group_ids": Array(Set(instance.all("groupSet/item").compactMap { $0.string("groupId") }))
                    .sorted().values,
                "security_groups": Array(Set(instance.all("groupSet/item").compactMap { $0.string("groupName") }))
                    .sorted().values,
                "tenancy": instance.text("placement/tenancy"), "ebs_optimized": instance.flag("ebsOptimized"),
                "source_dest_check": instance.flag("sourceDestCheck"),
                "root_device_name": instance.text("rootDeviceName"),
            ]
        }
    }

    @Sendable static func instances(_ call: DataSourceCall) async throws -> DataSourceAnswer {
        let states = call.strings("instance_state_names")
        let query = instanceQuery(call, states: states.isEmpty ? ["running"] : states)
        let items = try await query.items(call.client, "DescribeInstances", itemPath: "reservationSet/item/instancesSet/item")
        return .found([
            "id": .string(call.client.region),
            "ids": items.compactMap { $0.string("instanceId") }.values,
            "private_ips": items.compactMap { $0.string("privateIpAddress") }.filter { !$0.isEmpty }.values,
            "public_ips": items.compactMap { $0.string("ipAddress") }.filter { !$0.isEmpty }.values,
        ], sensitive: [])
    }
}
