/// The registry: every resource type drift scans. `scripts/generate-schema` reads the type names
/// from this file (one `ResourceType("aws_…"` per entry), and `ResourceTypeRegistryTests` checks
/// that the generated schema, the scanner's collectors and this table agree.
extension ResourceType {
    public static let all: [ResourceType] = [
        ResourceType(
            "aws_instance", service: .ec2, collector: .instances, identity: .tags,
            inventory: .all, displayName: .tag("Name"),
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
            inventory: .all),
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
            inventory: .all,
            skippableCalls: [
                SkippableCall("DescribeContinuousBackups", arguments: ["point_in_time_recovery"]),
                SkippableCall("DescribeTimeToLive", arguments: ["ttl"]),
            ]),
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
