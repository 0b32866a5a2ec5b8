import AWSClient
import DriftModel

/// The S3 settings a bucket has several of, each named (`aws_s3_bucket_inventory`,
/// `aws_s3_bucket_metric`, `aws_s3_bucket_analytics_configuration`,
/// `aws_s3_bucket_intelligent_tiering_configuration`): one List call per bucket, one resource per
/// configuration, with the provider's id `bucket:name`.
extension S3Normalizer {
    /// A listing answered with `IsTruncated`: the rest would need another page, which drift does not
    /// ask for (S3 allows at most 1,000 of each per bucket, one page).
    static func listedConfigurations(_ tree: XMLTree, element: String) throws -> [XMLTree] {
        if tree.nonEmptyString("IsTruncated") == "true" {
            throw NormalizeError.malformed("\(tree.name) is truncated: more than one page of configurations")
        }
        return tree.children(element)
    }

    static func named(_ type: String, _ bucket: String, name: String, _ attributes: [String: Value]) -> LiveResource {
        var a = attributes
        a["bucket"] = .string(bucket)
        a["name"] = .string(name)
        return LiveResource(type: type, id: "\(bucket):\(name)", attributes: a)
    }

    static func intelligentTiering(_ bucket: String, _ tree: XMLTree) throws -> [LiveResource] {
        try listedConfigurations(tree, element: "IntelligentTieringConfiguration").compactMap { config in
            guard let name = config.nonEmptyString("Id") else { return nil }
            var a: [String: Value] = [:]
            a.set("status", config.stringValue("Status"))
            if let filter = config.at("Filter") { a["filter"] = .array([.object(flatFilter(filter))]) }
            a["tiering"] = sortedSet(config.children("Tiering").map { tier -> Value in
                var t: [String: Value] = [:]
                t.set("access_tier", tier.stringValue("AccessTier"))
                t.set("days", tier.numberValue("Days"))
                return .object(t)
            })
            return named("aws_s3_bucket_intelligent_tiering_configuration", bucket, name: name, a)
        }
    }

    static func inventory(_ bucket: String, _ tree: XMLTree) throws -> [LiveResource] {
        try listedConfigurations(tree, element: "InventoryConfiguration").compactMap { config in
            guard let name = config.nonEmptyString("Id") else { return nil }
            var a: [String: Value] = [:]
            a.set("enabled", config.boolValue("IsEnabled"))
            a.set("included_object_versions", config.stringValue("IncludedObjectVersions"))
            a["optional_fields"] = stringSet(config.children("OptionalFields").flatMap { $0.children("Field") })
            if let prefix = config.stringValue("Filter/Prefix") { a["filter"] = [["prefix": prefix]] }
            if let frequency = config.stringValue("Schedule/Frequency") { a["schedule"] = [["frequency": frequency]] }
            if let destination = config.at("Destination/S3BucketDestination") {
                var d: [String: Value] = [:]
                d.set("account_id", destination.stringValue("AccountId"))
                d.set("bucket_arn", destination.stringValue("Bucket"))
                d.set("format", destination.stringValue("Format"))
                d.set("prefix", destination.stringValue("Prefix"))
                if let encryption = destination.at("Encryption") {
                    var e: [String: Value] = [:]
                    if let kms = encryption.at("SSE-KMS") { e["sse_kms"] = [["key_id": kms.stringValue("KeyId") ?? ""]] }
                    if encryption.at("SSE-S3") != nil { e["sse_s3"] = [[:]] }
                    d["encryption"] = .array([.object(e)])
                }
                a["destination"] = [["bucket": .array([.object(d)])]]
            }
            return named("aws_s3_bucket_inventory", bucket, name: name, a)
        }
    }

    static func metric(_ bucket: String, _ tree: XMLTree) throws -> [LiveResource] {
        try listedConfigurations(tree, element: "MetricsConfiguration").compactMap { config in
            guard let name = config.nonEmptyString("Id") else { return nil }
            var a: [String: Value] = [:]
            if let filter = config.at("Filter") {
                var f = flatFilter(filter)
                let point = filter.stringValue("AccessPointArn") ?? filter.stringValue("And/AccessPointArn")
                f.set("access_point", point)
                a["filter"] = .array([.object(f)])
            }
            return named("aws_s3_bucket_metric", bucket, name: name, a)
        }
    }

    static func analytics(_ bucket: String, _ tree: XMLTree) throws -> [LiveResource] {
        try listedConfigurations(tree, element: "AnalyticsConfiguration").compactMap { config in
            guard let name = config.nonEmptyString("Id") else { return nil }
            var a: [String: Value] = [:]
            if let filter = config.at("Filter") { a["filter"] = .array([.object(flatFilter(filter))]) }
            if let analysis = config.at("StorageClassAnalysis") {
                var export: [Value] = []
                if let data = analysis.at("DataExport") {
                    var e: [String: Value] = [:]
                    e.set("output_schema_version", data.stringValue("OutputSchemaVersion"))
                    if let s3 = data.at("Destination/S3BucketDestination") {
                        var d: [String: Value] = [:]
                        d.set("bucket_arn", s3.stringValue("Bucket"))
                        d.set("bucket_account_id", s3.stringValue("BucketAccountId"))
                        d.set("format", s3.stringValue("Format"))
                        d.set("prefix", s3.stringValue("Prefix"))
                        e["destination"] = [["s3_bucket_destination": .array([.object(d)])]]
                    }
                    export.append(.object(e))
                }
                a["storage_class_analysis"] = [["data_export": .array(export)]]
            }
            return named("aws_s3_bucket_analytics_configuration", bucket, name: name, a)
        }
    }

    /// The provider's flat filter of these configurations: `prefix` and a `tags` map, from a
    /// `Prefix`, one `Tag`, or an `And` of them.
    static func flatFilter(_ filter: XMLTree) -> [String: Value] {
        var f: [String: Value] = [:]
        let and = filter.at("And")
        f.set("prefix", filter.stringValue("Prefix") ?? and?.stringValue("Prefix"))
        let tags = tagMap(filter.children("Tag") + (and?.children("Tag") ?? []))
        if !tags.isEmpty { f["tags"] = .object(tags) }
        return f
    }
}
