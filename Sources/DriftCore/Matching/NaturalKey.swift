import DriftModel

/// How a type is known live without Terraform's help: buckets and their split settings by the
/// bucket name, tables by name. Instances have no natural key (tags identify them instead).
/// This is identity, the snapshot's `id` (what `terraform import` takes), not comparison.
public enum NaturalKey {
    public static func attribute(for type: String) -> String? {
        if type == "aws_dynamodb_table" { return "name" }
        if type == "aws_s3_bucket" || type.hasPrefix("aws_s3_bucket_") { return "bucket" }
        return nil
    }

    /// Split bucket settings a bucket has several of, each named: the id is `bucket:name`, as the
    /// provider's.
    public static let namedBucketConfigurations: Set<String> = [
        "aws_s3_bucket_intelligent_tiering_configuration", "aws_s3_bucket_inventory", "aws_s3_bucket_metric",
        "aws_s3_bucket_analytics_configuration",
    ]

    /// The arguments whose values make up the id, in order.
    public static func keyAttributes(for type: String) -> [String]? {
        guard let key = attribute(for: type) else { return nil }
        return namedBucketConfigurations.contains(type) ? [key, "name"] : [key]
    }

    /// The id from the key arguments' values; `nil` when one is missing or empty.
    public static func id(for type: String, attributes: [String: Value]) -> String? {
        guard let keys = keyAttributes(for: type) else { return nil }
        let parts = keys.compactMap { attributes[$0]?.stringValue }.filter { !$0.isEmpty }
        return parts.count == keys.count ? parts.joined(separator: ":") : nil
    }

    /// The resource a failed read names for this id (the bucket of `bucket:name`).
    public static func readResource(for type: String, id: String) -> String {
        guard namedBucketConfigurations.contains(type), let colon = id.firstIndex(of: ":") else { return id }
        return String(id[..<colon])
    }

    /// The AWS service whose calls describe a type (snapshot errors name the service).
    public static func service(for type: String) -> String? {
        if type == "aws_instance" { return "ec2" }
        if type.hasPrefix("aws_s3_bucket") { return "s3" }
        if type.hasPrefix("aws_dynamodb_table") { return "dynamodb" }
        return nil
    }

    /// The types a scan lists in full, so that a live one no file declares is unmanaged.
    public static let inventoryTypes: Set<String> = ["aws_instance", "aws_s3_bucket", "aws_dynamodb_table"]
}

/// The declared types a scan describes (`../shared/contracts/SNAPSHOT.md`). Others are declared
/// but not looked at: a warning, never a finding.
public enum ScannedTypes {
    public static let all: Set<String> = [
        "aws_instance", "aws_s3_bucket", "aws_s3_bucket_versioning",
        "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_public_access_block",
        "aws_s3_bucket_policy", "aws_s3_bucket_lifecycle_configuration", "aws_s3_bucket_logging",
        "aws_s3_bucket_ownership_controls", "aws_s3_bucket_acl", "aws_dynamodb_table",
        "aws_s3_bucket_cors_configuration", "aws_s3_bucket_website_configuration",
        "aws_s3_bucket_accelerate_configuration", "aws_s3_bucket_request_payment_configuration",
        "aws_s3_bucket_object_lock_configuration", "aws_s3_bucket_notification",
        "aws_s3_bucket_replication_configuration", "aws_s3_bucket_intelligent_tiering_configuration",
        "aws_s3_bucket_inventory", "aws_s3_bucket_metric", "aws_s3_bucket_analytics_configuration",
    ]
}
