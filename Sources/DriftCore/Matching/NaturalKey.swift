/// How a type is known live without Terraform's help: buckets and their split settings by the
/// bucket name, tables by name. Instances have no natural key (tags identify them instead).
/// This is identity, the snapshot's `id` (what `terraform import` takes), not comparison.
public enum NaturalKey {
    public static func attribute(for type: String) -> String? {
        if type == "aws_dynamodb_table" { return "name" }
        if type == "aws_s3_bucket" || type.hasPrefix("aws_s3_bucket_") { return "bucket" }
        return nil
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
    ]
}
