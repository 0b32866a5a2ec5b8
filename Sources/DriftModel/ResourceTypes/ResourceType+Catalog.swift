/// The registry: every resource type drift scans. `scripts/generate-schema` reads the type names
/// from this file (one `ResourceType("aws_…"` per entry), and `ResourceTypeRegistryTests` checks
/// that the generated schema, the scanner's collectors and this table agree.
extension ResourceType {
    public static let all: [ResourceType] = [
        ResourceType(
            "aws_instance", service: .ec2, collector: .instances, identity: .tags,
            inventory: .all, displayName: .tag("Name"),
            skippableCalls: [
                SkippableCall("DescribeVolumes", arguments: ["root_block_device", "ebs_block_device"]),
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
    private static func bucketSetting(_ name: String, ownerInID: Bool = true) -> ResourceType {
        ResourceType(
            name, service: .s3, collector: .buckets, identity: .argument("bucket"),
            idArguments: ownerInID ? ["bucket", "expected_bucket_owner"] : ["bucket"], inventory: .none)
    }
}
