import AWSClient
import DriftModel
import Foundation

/// Turns S3 REST answers into the split resources a v5 configuration declares
/// (`aws_s3_bucket_versioning`, `aws_s3_bucket_policy`, ...), each with the bucket name as id.
///
/// Every function returns `nil` when the bucket does not have the setting: absent, not empty.
enum S3Normalizer {
    /// One S3 sub-resource call of the per-bucket walk.
    struct Setting: Sendable, Hashable {
        var operation: String
        var query: String
        /// Codes meaning "this bucket has no such setting", answered instead of an empty document.
        var notConfigured: Set<String>
        /// The split resource this call describes; `nil` for tagging, which is the bucket's own.
        var terraformType: String? = nil
        /// The documented answer: its root element (and required children), or the policy's JSON.
        /// Anything else is retried, then an error for the bucket, never "not configured".
        var expected: ExpectedAnswer = .anything
        /// The answer's root elements (S3's, and the one moto writes where it differs): any other
        /// document is not this operation's answer.
        var roots: Set<String> = []
    }

    static let settings: [Setting] = [
        Setting(
            operation: "GetBucketTagging", query: "tagging", notConfigured: ["NoSuchTagSet", "NoSuchTagSetError"],
            expected: .xml(roots: ["Tagging"], children: ["TagSet"])),
        // moto answers `<GetBucketVersioningResponse>`; S3 answers `<VersioningConfiguration>`.
        Setting(
            operation: "GetBucketVersioning", query: "versioning", notConfigured: [], terraformType: "aws_s3_bucket_versioning",
            expected: .xml(roots: ["VersioningConfiguration", "GetBucketVersioningResponse"])),
        Setting(
            operation: "GetBucketEncryption", query: "encryption",
            notConfigured: ["ServerSideEncryptionConfigurationNotFoundError"],
            terraformType: "aws_s3_bucket_server_side_encryption_configuration",
            expected: .xml(roots: ["ServerSideEncryptionConfiguration"], children: ["Rule"])),
        Setting(
            operation: "GetPublicAccessBlock", query: "publicAccessBlock",
            notConfigured: ["NoSuchPublicAccessBlockConfiguration"], terraformType: "aws_s3_bucket_public_access_block",
            expected: .xml(roots: ["PublicAccessBlockConfiguration"])),
        Setting(
            operation: "GetBucketPolicy", query: "policy", notConfigured: ["NoSuchBucketPolicy"], terraformType: "aws_s3_bucket_policy",
            expected: .jsonDocument),
        Setting(
            operation: "GetBucketLifecycleConfiguration", query: "lifecycle",
            notConfigured: ["NoSuchLifecycleConfiguration"], terraformType: "aws_s3_bucket_lifecycle_configuration",
            expected: .xml(roots: ["LifecycleConfiguration"], children: ["Rule"])),
        Setting(
            operation: "GetBucketLogging", query: "logging", notConfigured: [], terraformType: "aws_s3_bucket_logging",
            expected: .xml(roots: ["BucketLoggingStatus"])),
        Setting(
            operation: "GetBucketOwnershipControls", query: "ownershipControls",
            notConfigured: ["OwnershipControlsNotFoundError"], terraformType: "aws_s3_bucket_ownership_controls",
            expected: .xml(roots: ["OwnershipControls"], children: ["Rule"])),
        Setting(
            operation: "GetBucketAcl", query: "acl", notConfigured: [], terraformType: "aws_s3_bucket_acl",
            expected: .xml(roots: ["AccessControlPolicy"], children: ["Owner"])),
    ] + configSettings

    /// The settings a bare snapshot leaves out (`ResourceType.inBareSnapshot`).
    static let configSettings: [Setting] = [
        ("GetBucketCors", "cors", ["NoSuchCORSConfiguration"], "aws_s3_bucket_cors_configuration", "CORSConfiguration"),
        ("GetBucketWebsite", "website", ["NoSuchWebsiteConfiguration"], "aws_s3_bucket_website_configuration", "WebsiteConfiguration"),
        ("GetBucketAccelerateConfiguration", "accelerate", [], "aws_s3_bucket_accelerate_configuration", "AccelerateConfiguration"),
        ("GetBucketRequestPayment", "requestPayment", [], "aws_s3_bucket_request_payment_configuration", "RequestPaymentConfiguration"),
        ("GetObjectLockConfiguration", "object-lock", ["ObjectLockConfigurationNotFoundError"],
         "aws_s3_bucket_object_lock_configuration", "ObjectLockConfiguration"),
        ("GetBucketNotificationConfiguration", "notification", [], "aws_s3_bucket_notification", "NotificationConfiguration"),
        ("GetBucketReplication", "replication", ["ReplicationConfigurationNotFoundError"],
         "aws_s3_bucket_replication_configuration", "ReplicationConfiguration"),
        ("ListBucketIntelligentTieringConfigurations", "intelligent-tiering", [],
         "aws_s3_bucket_intelligent_tiering_configuration", "ListBucketIntelligentTieringConfigurationsOutput"),
        ("ListBucketInventoryConfigurations", "inventory", [], "aws_s3_bucket_inventory", "ListInventoryConfigurationsResult"),
        ("ListBucketMetricsConfigurations", "metrics", [], "aws_s3_bucket_metric", "ListMetricsConfigurationsResult"),
        ("ListBucketAnalyticsConfigurations", "analytics", [],
         "aws_s3_bucket_analytics_configuration", "ListBucketAnalyticsConfigurationResult"),
    ].map { operation, query, notConfigured, type, root in
        Setting(
            operation: operation, query: query, notConfigured: Set(notConfigured), terraformType: type,
            expected: .xml(roots: Set([root, motoRoots[operation]].compactMap { $0 })),
            roots: [root, motoRoots[operation]].compactMap { $0 }.reduce(into: []) { $0.insert($1) })
    }

    /// moto 5.2.1 names some answers' root after the operation; the content is S3's.
    static let motoRoots: [String: String] = [
        "GetBucketAccelerateConfiguration": "GetBucketAccelerateConfigurationResponse",
        "GetBucketNotificationConfiguration": "GetBucketNotificationResponse",
        "ListBucketInventoryConfigurations": "ListBucketInventoryConfigurationsResponse",
    ]

    /// GetBucketLocation's documented answer: `<LocationConstraint>` (empty for us-east-1).
    static let locationAnswer = ExpectedAnswer.xml(roots: ["LocationConstraint"])
    /// ListBuckets' documented answer.
    static let listAnswer = ExpectedAnswer.xml(roots: ["ListAllMyBucketsResult"], children: ["Buckets"])

    /// The calls to make for a selection of split types: tagging always, the rest when selected.
    static func settings(for reads: (String) -> Bool) -> [Setting] {
        settings.filter { setting in setting.terraformType.map(reads) ?? true }
    }

    enum NormalizeError: Error, CustomStringConvertible {
        case malformed(String)
        var description: String {
            switch self { case .malformed(let why): return why }
        }
    }

    /// ListBuckets page: names in the order S3 lists them (with `BucketRegion` where given), and
    /// the continuation token if any.
    static func bucketPage(_ tree: XMLTree) -> (entries: [(name: String, region: String?)], continuationToken: String?) {
        let entries = tree.all("Buckets/Bucket").compactMap { bucket -> (name: String, region: String?)? in
            guard let name = bucket.nonEmptyString("Name") else { return nil }
            return (name, bucket.nonEmptyString("BucketRegion"))
        }
        return (entries, tree.nonEmptyString("ContinuationToken"))
    }

    /// GetBucketLocation: empty means us-east-1, the legacy `EU` means eu-west-1.
    static func region(_ tree: XMLTree) -> String {
        let text = tree.text.trimmingWhitespace
        switch text {
        case "": return "us-east-1"
        case "EU": return "eu-west-1"
        default: return text
        }
    }

    /// `aws_s3_bucket` itself: name, region and tags (an absent tag set is `{}`).
    static func bucket(_ name: String, region: String, tagging: XMLTree?) -> LiveResource {
        let pairs: [(key: String, value: String)] = (tagging?.all("TagSet/Tag") ?? []).compactMap { tag in
            guard let key = tag.string("Key") else { return nil }
            return (key: key, value: tag.string("Value") ?? "")
        }
        return LiveResource(
            type: "aws_s3_bucket", id: name,
            attributes: [
                "bucket": .string(name), "region": .string(region), "tags": Tags.value(pairs),
                "arn": .string("arn:aws:s3:::\(name)"),
            ])
    }

    /// The split resources of one setting answer (none when the bucket does not have it).
    /// `document` is the answer already parsed and checked by the client, when it is XML.
    static func resources(_ setting: Setting, bucket: String, body: Data, document: XMLTree? = nil) throws -> [LiveResource] {
        guard !setting.roots.isEmpty else {
            return try resource(operation: setting.operation, bucket: bucket, body: body, document: document).map { [$0] } ?? []
        }
        let tree: XMLTree
        if let document { tree = document } else {
            do { tree = try XMLTree.parse(body) } catch { throw NormalizeError.malformed(error.description) }
        }
        guard setting.roots.contains(tree.name) else {
            throw NormalizeError.malformed(
                "\(setting.operation) answered <\(tree.name)>, not <\(setting.roots.sorted().joined(separator: "> or <"))>")
        }
        switch setting.operation {
        case "GetBucketCors": return cors(bucket, tree).map { [$0] } ?? []
        case "GetBucketWebsite": return website(bucket, tree).map { [$0] } ?? []
        case "GetBucketAccelerateConfiguration": return accelerate(bucket, tree).map { [$0] } ?? []
        case "GetBucketRequestPayment": return requestPayment(bucket, tree).map { [$0] } ?? []
        case "GetObjectLockConfiguration": return objectLock(bucket, tree).map { [$0] } ?? []
        case "GetBucketNotificationConfiguration": return notification(bucket, tree).map { [$0] } ?? []
        case "GetBucketReplication": return replication(bucket, tree).map { [$0] } ?? []
        case "ListBucketIntelligentTieringConfigurations": return try intelligentTiering(bucket, tree)
        case "ListBucketInventoryConfigurations": return try inventory(bucket, tree)
        case "ListBucketMetricsConfigurations": return try metric(bucket, tree)
        case "ListBucketAnalyticsConfigurations": return try analytics(bucket, tree)
        default: return []
        }
    }

    /// A split resource for one setting answer (its body, and its document when it is XML), `nil`
    /// when the answer is the documented "not configured" (versioning never enabled, no logging).
    static func resource(operation: String, bucket: String, body: Data, document: XMLTree? = nil) throws -> LiveResource? {
        func tree() throws -> XMLTree {
            if let document { return document }
            do { return try XMLTree.parse(body) } catch { throw NormalizeError.malformed(error.description) }
        }
        switch operation {
        case "GetBucketVersioning": return versioning(bucket, try tree())
        case "GetBucketEncryption": return encryption(bucket, try tree())
        case "GetPublicAccessBlock": return publicAccessBlock(bucket, try tree())
        case "GetBucketPolicy": return try policy(bucket, body)
        case "GetBucketLifecycleConfiguration": return lifecycle(bucket, try tree())
        case "GetBucketLogging": return logging(bucket, try tree())
        case "GetBucketOwnershipControls": return try ownershipControls(bucket, try tree())
        case "GetBucketAcl": return try acl(bucket, try tree())
        default: return nil
        }
    }

    static func make(_ type: String, _ bucket: String, _ attributes: [String: Value]) -> LiveResource {
        var a = attributes
        a["bucket"] = .string(bucket)
        return LiveResource(type: type, id: bucket, attributes: a)
    }

    /// Versioning never enabled answers without `Status`: no `aws_s3_bucket_versioning` at all.
    static func versioning(_ bucket: String, _ tree: XMLTree) -> LiveResource? {
        guard let status = tree.nonEmptyString("Status") else { return nil }
        var configuration: [String: Value] = ["status": .string(status)]
        configuration.set("mfa_delete", tree.nonEmptyString("MfaDelete").map(Value.string))
        return make("aws_s3_bucket_versioning", bucket, ["versioning_configuration": [.object(configuration)]])
    }

    static func encryption(_ bucket: String, _ tree: XMLTree) -> LiveResource? {
        let rules: [Value] = tree.children("Rule").map { rule in
            var r: [String: Value] = [:]
            if let byDefault = rule.at("ApplyServerSideEncryptionByDefault") {
                var d: [String: Value] = [:]
                d.set("sse_algorithm", byDefault.stringValue("SSEAlgorithm"))
                d.set("kms_master_key_id", byDefault.nonEmptyString("KMSMasterKeyID").map(Value.string))
                r["apply_server_side_encryption_by_default"] = .array([.object(d)])
            }
            r.set("bucket_key_enabled", rule.boolValue("BucketKeyEnabled"))
            return .object(r)
        }
        if rules.isEmpty { return nil }
        return make("aws_s3_bucket_server_side_encryption_configuration", bucket, ["rule": sortedSet(rules)])
    }

    static func publicAccessBlock(_ bucket: String, _ tree: XMLTree) -> LiveResource? {
        var a: [String: Value] = [:]
        a["block_public_acls"] = tree.boolValue("BlockPublicAcls") ?? .bool(false)
        a["block_public_policy"] = tree.boolValue("BlockPublicPolicy") ?? .bool(false)
        a["ignore_public_acls"] = tree.boolValue("IgnorePublicAcls") ?? .bool(false)
        a["restrict_public_buckets"] = tree.boolValue("RestrictPublicBuckets") ?? .bool(false)
        return make("aws_s3_bucket_public_access_block", bucket, a)
    }

    /// The policy as canonical JSON (keys sorted, no whitespace), so formatting never looks like drift.
    /// An empty body is not "no policy" (that is `NoSuchBucketPolicy`): it is malformed.
    static func policy(_ bucket: String, _ body: Data) throws -> LiveResource? {
        let text = String(decoding: body, as: UTF8.self)
        if text.trimmingWhitespace.isEmpty { throw NormalizeError.malformed("empty body where a bucket policy was expected") }
        let document: Value
        do { document = try JSONParser.parse(text) } catch {
            throw NormalizeError.malformed("bucket policy is not JSON: \(error.description)")
        }
        return make("aws_s3_bucket_policy", bucket, ["policy": .string(document.canonicalJSON())])
    }

    static func logging(_ bucket: String, _ tree: XMLTree) -> LiveResource? {
        guard let enabled = tree.at("LoggingEnabled") else { return nil }
        var a: [String: Value] = [:]
        a["target_bucket"] = enabled.stringValue("TargetBucket") ?? .string("")
        a["target_prefix"] = enabled.stringValue("TargetPrefix") ?? .string("")
        let grants = enabled.all("TargetGrants/Grant").map { grant -> Value in
            .object(["permission": grant.stringValue("Permission") ?? "", "grantee": .array([grantee(grant)])])
        }
        if !grants.isEmpty { a["target_grant"] = sortedSet(grants) }
        if let format = enabled.at("TargetObjectKeyFormat") {
            var f: [String: Value] = [:]
            if let partitioned = format.at("PartitionedPrefix") {
                f["partitioned_prefix"] = .array([
                    .object(["partition_date_source": partitioned.stringValue("PartitionDateSource") ?? ""])
                ])
            }
            if format.at("SimplePrefix") != nil { f["simple_prefix"] = .array([.object([:])]) }
            a["target_object_key_format"] = .array([.object(f)])
        }
        return make("aws_s3_bucket_logging", bucket, a)
    }

    /// "No ownership controls" is `OwnershipControlsNotFoundError`; a document without a rule is malformed.
    static func ownershipControls(_ bucket: String, _ tree: XMLTree) throws -> LiveResource? {
        let rules: [Value] = tree.children("Rule").compactMap { rule in
            rule.stringValue("ObjectOwnership").map { .object(["object_ownership": $0]) }
        }
        if rules.isEmpty { throw NormalizeError.malformed("<\(tree.name)> without an ObjectOwnership rule") }
        return make("aws_s3_bucket_ownership_controls", bucket, ["rule": .array(rules)])
    }

    /// The ACL as the provider reads it back: `access_control_policy` with owner and grants (a set).
    static func acl(_ bucket: String, _ tree: XMLTree) throws -> LiveResource? {
        guard let owner = tree.at("Owner") else { throw NormalizeError.malformed("<\(tree.name)> without <Owner>") }
        var o: [String: Value] = [:]
        o.set("id", owner.stringValue("ID"))
        o.set("display_name", owner.nonEmptyString("DisplayName").map(Value.string))
        let grants = tree.all("AccessControlList/Grant").map { grant -> Value in
            .object(["permission": grant.stringValue("Permission") ?? "", "grantee": .array([grantee(grant)])])
        }
        let policy: Value = .object(["owner": .array([.object(o)]), "grant": sortedSet(grants)])
        return make("aws_s3_bucket_acl", bucket, ["access_control_policy": .array([policy])])
    }

    static func grantee(_ grant: XMLTree) -> Value {
        var g: [String: Value] = [:]
        if let grantee = grant.at("Grantee") {
            g.set("type", grantee.attributes["xsi:type"].map(Value.string) ?? grantee.stringValue("Type"))
            g.set("id", grantee.nonEmptyString("ID").map(Value.string))
            g.set("uri", grantee.nonEmptyString("URI").map(Value.string))
            g.set("email_address", grantee.nonEmptyString("EmailAddress").map(Value.string))
            g.set("display_name", grantee.nonEmptyString("DisplayName").map(Value.string))
        }
        return .object(g)
    }

    /// Sets are sorted by their canonical JSON, so two reads of one set always print the same.
    static func sortedSet(_ items: [Value]) -> Value {
        .array(items.sorted { $0.canonicalJSON() < $1.canonicalJSON() })
    }
}
