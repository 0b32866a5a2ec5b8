import AWSClient
import DriftModel

/// `aws_s3_bucket_lifecycle_configuration`: rules in S3's order (a list), transitions as sets.
extension S3Normalizer {
    static func lifecycle(_ bucket: String, _ tree: XMLTree) -> LiveResource? {
        let rules = tree.children("Rule").map(lifecycleRule)
        if rules.isEmpty { return nil }
        return make("aws_s3_bucket_lifecycle_configuration", bucket, ["rule": .array(rules)])
    }

    static func lifecycleRule(_ rule: XMLTree) -> Value {
        var r: [String: Value] = [:]
        r["id"] = rule.stringValue("ID") ?? ""
        r.set("status", rule.stringValue("Status"))
        r.set("prefix", rule.stringValue("Prefix"))
        if let filter = rule.at("Filter") {
            var f: [String: Value] = [:]
            f.set("prefix", filter.stringValue("Prefix"))
            f.set("object_size_greater_than", filter.numberValue("ObjectSizeGreaterThan"))
            f.set("object_size_less_than", filter.numberValue("ObjectSizeLessThan"))
            if let tag = filter.at("Tag") {
                f["tag"] = .array([.object(["key": tag.stringValue("Key") ?? "", "value": tag.stringValue("Value") ?? ""])])
            }
            if let and = filter.at("And") {
                var a: [String: Value] = [:]
                a.set("prefix", and.stringValue("Prefix"))
                a.set("object_size_greater_than", and.numberValue("ObjectSizeGreaterThan"))
                a.set("object_size_less_than", and.numberValue("ObjectSizeLessThan"))
                let tags = and.children("Tag").compactMap { tag -> (key: String, value: String)? in
                    guard let key = tag.string("Key") else { return nil }
                    return (key: key, value: tag.string("Value") ?? "")
                }
                if !tags.isEmpty {
                    a["tags"] = .object(Dictionary(tags.map { ($0.key, Value.string($0.value)) }, uniquingKeysWith: { $1 }))
                }
                f["and"] = .array([.object(a)])
            }
            r["filter"] = .array([.object(f)])
        }
        if let expiration = rule.at("Expiration") {
            var e: [String: Value] = [:]
            e.set("date", expiration.nonEmptyString("Date").map { .string(rfc3339($0)) })
            e.set("days", expiration.numberValue("Days"))
            // The provider reads an unset marker back as false.
            e["expired_object_delete_marker"] = expiration.boolValue("ExpiredObjectDeleteMarker") ?? .bool(false)
            r["expiration"] = .array([.object(e)])
        }
        let transitions = rule.children("Transition").map { t -> Value in
            var o: [String: Value] = [:]
            o.set("date", t.nonEmptyString("Date").map { .string(rfc3339($0)) })
            o.set("days", t.numberValue("Days"))
            o.set("storage_class", t.stringValue("StorageClass"))
            return .object(o)
        }
        if !transitions.isEmpty { r["transition"] = sortedSet(transitions) }
        if let expiration = rule.at("NoncurrentVersionExpiration") {
            var e: [String: Value] = [:]
            e.set("noncurrent_days", expiration.numberValue("NoncurrentDays"))
            e.set("newer_noncurrent_versions", expiration.numberValue("NewerNoncurrentVersions"))
            r["noncurrent_version_expiration"] = .array([.object(e)])
        }
        let noncurrent = rule.children("NoncurrentVersionTransition").map { t -> Value in
            var o: [String: Value] = [:]
            o.set("noncurrent_days", t.numberValue("NoncurrentDays"))
            o.set("newer_noncurrent_versions", t.numberValue("NewerNoncurrentVersions"))
            o.set("storage_class", t.stringValue("StorageClass"))
            return .object(o)
        }
        if !noncurrent.isEmpty { r["noncurrent_version_transition"] = sortedSet(noncurrent) }
        if let abort = rule.at("AbortIncompleteMultipartUpload") {
            var o: [String: Value] = [:]
            o.set("days_after_initiation", abort.numberValue("DaysAfterInitiation"))
            r["abort_incomplete_multipart_upload"] = .array([.object(o)])
        }
        return .object(r)
    }

    /// S3 dates carry milliseconds (`2027-01-01T00:00:00.000Z`); the provider keeps RFC 3339 without them.
    static func rfc3339(_ text: String) -> String {
        guard let dot = text.firstIndex(of: "."), text.hasSuffix("Z") else { return text }
        return String(text[..<dot]) + "Z"
    }
}
