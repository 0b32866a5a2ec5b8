/// The registry: every resource type drift scans. `scripts/generate-schema` reads the type names
/// from this file (one `ResourceType("aws_…"` per entry), and `ResourceTypeRegistryTests` checks
/// that the generated schema, the scanner's collectors and this table agree.
extension ResourceType {
    public static let all: [ResourceType] = [
        ResourceType(
            "aws_instance", service: .ec2, collector: .instances, identity: .tags,
            inventory: .all, displayName: .tag("Name"),
            plural: "instances",
            skippableCalls: [
                SkippableCall("DescribeVolumes", arguments: ["root_block_device", "ebs_block_device", "volume_tags"]),
                SkippableCall("DescribeInstanceCreditSpecifications", arguments: ["credit_specification"]),
                SkippableCall(
                    "DescribeInstanceAttribute",
                    arguments: ["user_data", "disable_api_termination", "disable_api_stop", "instance_initiated_shutdown_behavior"],
                    perResource: true),
            ]),
        ResourceType(
            "aws_s3_bucket", service: .s3, collector: .buckets, identity: .argument("bucket"), idArguments: ["bucket"],
            inventory: .all, plural: "buckets"),
        bucketSetting("aws_s3_bucket_versioning"),
        bucketSetting("aws_s3_bucket_server_side_encryption_configuration"),
        bucketSetting("aws_s3_bucket_public_access_block", ownerInID: false),
        bucketSetting("aws_s3_bucket_policy", ownerInID: false),
        bucketSetting("aws_s3_bucket_lifecycle_configuration"),
        bucketSetting("aws_s3_bucket_logging"),
        bucketSetting("aws_s3_bucket_ownership_controls", ownerInID: false),
        bucketSetting("aws_s3_bucket_acl"),
        bucketSetting("aws_s3_bucket_cors_configuration", inBareSnapshot: false),
        bucketSetting("aws_s3_bucket_website_configuration", inBareSnapshot: false),
        bucketSetting("aws_s3_bucket_accelerate_configuration", inBareSnapshot: false),
        bucketSetting("aws_s3_bucket_request_payment_configuration", inBareSnapshot: false),
        bucketSetting("aws_s3_bucket_object_lock_configuration", inBareSnapshot: false),
        bucketSetting("aws_s3_bucket_notification", ownerInID: false, inBareSnapshot: false),
        bucketSetting("aws_s3_bucket_replication_configuration", ownerInID: false, inBareSnapshot: false),
        namedBucketSetting("aws_s3_bucket_intelligent_tiering_configuration"),
        namedBucketSetting("aws_s3_bucket_inventory"),
        namedBucketSetting("aws_s3_bucket_metric"),
        namedBucketSetting("aws_s3_bucket_analytics_configuration"),
        ResourceType(
            "aws_dynamodb_table", service: .dynamodb, collector: .tables, identity: .argument("name"), idArguments: ["name"],
            inventory: .all, plural: "tables",
            skippableCalls: [
                SkippableCall("DescribeContinuousBackups", arguments: ["point_in_time_recovery"]),
                SkippableCall("DescribeTimeToLive", arguments: ["ttl"]),
            ]),
        ResourceType(
            "aws_security_group", service: .ec2, collector: .securityGroups,
            identity: .attributes(["name", "name_prefix", "vpc_id"]), inventory: .all, awsManaged: ["name": "default"],
            displayName: .attribute("name"), unsetIdentity: ["name_prefix": "terraform-"], unsetIdentityWhen: ["name", "name_prefix"]),
        ResourceType(
            "aws_vpc_security_group_ingress_rule", service: .ec2, collector: .securityGroups,
            identity: .attributes(SecurityGroupRuleShape.identifying),
            inventory: .withinManaged(parent: "aws_security_group", via: "security_group_id", unlessParentDeclares: "ingress"),
            displayName: .attribute("security_group_id")),
        ResourceType(
            "aws_vpc_security_group_egress_rule", service: .ec2, collector: .securityGroups,
            identity: .attributes(SecurityGroupRuleShape.identifying),
            inventory: .withinManaged(parent: "aws_security_group", via: "security_group_id", unlessParentDeclares: "egress"),
            displayName: .attribute("security_group_id")),
        ResourceType(
            "aws_security_group_rule", service: .ec2, collector: .securityGroups, identity: .permission,
            inventory: .none),
        ResourceType(
            "aws_ebs_volume", service: .ec2, collector: .volumes, identity: .tags, inventory: .all,
            displayName: .tag("Name")),
        ResourceType(
            "aws_volume_attachment", service: .ec2, collector: .volumes,
            identity: .attributes(["device_name", "instance_id", "volume_id"]), inventory: .none),
        ResourceType(
            "aws_eip", service: .ec2, collector: .addresses, identity: .tags, inventory: .all,
            displayName: .tag("Name")),
        ResourceType(
            "aws_eip_association", service: .ec2, collector: .addresses,
            identity: .attributes(["allocation_id", "instance_id", "network_interface_id"]), inventory: .none),
        ResourceType(
            "aws_key_pair", service: .ec2, collector: .keyPairs, identity: .argument("key_name"),
            idArguments: ["key_name"], inventory: .all),
        ResourceType(
            "aws_launch_template", service: .ec2, collector: .launchTemplates,
            identity: .attributes(["name", "name_prefix"]), inventory: .all, displayName: .attribute("name"),
            unsetIdentity: ["name_prefix": "terraform-"]),
        ResourceType(
            "aws_vpc", service: .ec2, collector: .networks, identity: .tags, inventory: .all,
            displayName: .tag("Name")),
        ResourceType(
            "aws_subnet", service: .ec2, collector: .networks, identity: .tags, inventory: .all,
            displayName: .tag("Name")),
    ]

    /// A bucket's split setting (`aws_s3_bucket_versioning`, ...): one call per bucket, read with
    /// the buckets, only when some file declares the type. Its id is the bucket name, with the
    /// expected owner appended when set (for the types that have one).
    /// A setting a bucket has several of, each named (`aws_s3_bucket_inventory`): one List call
    /// per bucket, read only when declared; its id is `bucket:name`, as the provider's.
    private static func namedBucketSetting(_ name: String) -> ResourceType {
        ResourceType(
            name, service: .s3, collector: .buckets, identity: .arguments(["bucket", "name"]), inventory: .none,
            inBareSnapshot: false)
    }

    private static func bucketSetting(_ name: String, ownerInID: Bool = true, inBareSnapshot: Bool = true) -> ResourceType {
        ResourceType(
            name, service: .s3, collector: .buckets, identity: .argument("bucket"),
            idArguments: ownerInID ? ["bucket", "expected_bucket_owner"] : ["bucket"], inventory: .none,
            inBareSnapshot: inBareSnapshot)
    }
}
