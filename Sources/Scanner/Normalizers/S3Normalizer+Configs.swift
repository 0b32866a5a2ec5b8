import AWSClient
import DriftModel

/// The split S3 settings of one bucket each (CORS, website, accelerate, request payment, object
/// lock, notification, replication), shaped as the provider (v5) reads them. `nil` where the
/// provider's Read finds nothing (the resource is then missing).
extension S3Normalizer {
    static func cors(_ bucket: String, _ tree: XMLTree) -> LiveResource? {
        let rules = tree.children("CORSRule").map { rule -> Value in
            var r: [String: Value] = [:]
            r["allowed_headers"] = stringSet(rule.children("AllowedHeader"))
            r["allowed_methods"] = stringSet(rule.children("AllowedMethod"))
            r["allowed_origins"] = stringSet(rule.children("AllowedOrigin"))
            r["expose_headers"] = stringSet(rule.children("ExposeHeader"))
            r.set("id", rule.nonEmptyString("ID").map(Value.string))
            r.set("max_age_seconds", rule.numberValue("MaxAgeSeconds"))
            return .object(r)
        }
        if rules.isEmpty { return nil }
        return make("aws_s3_bucket_cors_configuration", bucket, ["cors_rule": sortedSet(rules)])
    }

    static func website(_ bucket: String, _ tree: XMLTree) -> LiveResource? {
        var a: [String: Value] = [:]
        if let index = tree.nonEmptyString("IndexDocument/Suffix") { a["index_document"] = [["suffix": .string(index)]] }
        if let key = tree.nonEmptyString("ErrorDocument/Key") { a["error_document"] = [["key": .string(key)]] }
        if let redirect = tree.at("RedirectAllRequestsTo") {
            var r: [String: Value] = [:]
            r.set("host_name", redirect.stringValue("HostName"))
            r.set("protocol", redirect.nonEmptyString("Protocol").map(Value.string))
            a["redirect_all_requests_to"] = .array([.object(r)])
        }
        let rules = tree.all("RoutingRules/RoutingRule").map { rule -> Value in
            var r: [String: Value] = [:]
            if let condition = rule.at("Condition") {
                var c: [String: Value] = [:]
                c.set("http_error_code_returned_equals", condition.stringValue("HttpErrorCodeReturnedEquals"))
                c.set("key_prefix_equals", condition.stringValue("KeyPrefixEquals"))
                r["condition"] = .array([.object(c)])
            }
            var d: [String: Value] = [:]
            if let redirect = rule.at("Redirect") {
                d.set("host_name", redirect.stringValue("HostName"))
                d.set("http_redirect_code", redirect.stringValue("HttpRedirectCode"))
                d.set("protocol", redirect.stringValue("Protocol"))
                d.set("replace_key_prefix_with", redirect.stringValue("ReplaceKeyPrefixWith"))
                d.set("replace_key_with", redirect.stringValue("ReplaceKeyWith"))
            }
            r["redirect"] = .array([.object(d)])
            return .object(r)
        }
        if !rules.isEmpty { a["routing_rule"] = .array(rules) }
        if a.isEmpty { return nil }
        return make("aws_s3_bucket_website_configuration", bucket, a)
    }

    /// Acceleration never configured answers without `Status`: no resource.
    static func accelerate(_ bucket: String, _ tree: XMLTree) -> LiveResource? {
        guard let status = tree.nonEmptyString("Status") else { return nil }
        return make("aws_s3_bucket_accelerate_configuration", bucket, ["status": .string(status)])
    }

    /// Every bucket has a payer (`BucketOwner` unless changed): the resource is always found.
    static func requestPayment(_ bucket: String, _ tree: XMLTree) -> LiveResource? {
        make("aws_s3_bucket_request_payment_configuration", bucket, [
            "payer": .string(tree.nonEmptyString("Payer") ?? "BucketOwner")
        ])
    }

    static func objectLock(_ bucket: String, _ tree: XMLTree) -> LiveResource? {
        var a: [String: Value] = [:]
        a.set("object_lock_enabled", tree.stringValue("ObjectLockEnabled"))
        if let retention = tree.at("Rule/DefaultRetention") {
            var d: [String: Value] = [:]
            d.set("mode", retention.stringValue("Mode"))
            d.set("days", retention.numberValue("Days"))
            d.set("years", retention.numberValue("Years"))
            a["rule"] = [["default_retention": .array([.object(d)])]]
        }
        return make("aws_s3_bucket_object_lock_configuration", bucket, a)
    }

    /// The provider finds a notification configuration on every bucket (an empty one included):
    /// notifications removed by hand are a change, not a missing resource.
    static func notification(_ bucket: String, _ tree: XMLTree) -> LiveResource? {
        func targets(_ element: String, arn: String, as field: String) -> Value {
            sortedSet(tree.children(element).map { config -> Value in
                var c: [String: Value] = [:]
                c.set("id", config.stringValue("Id"))
                c.set(field, config.stringValue(arn))
                c["events"] = stringSet(config.children("Event"))
                for rule in config.all("Filter/S3Key/FilterRule") {
                    guard let name = rule.nonEmptyString("Name")?.lowercased(), ["prefix", "suffix"].contains(name) else { continue }
                    c["filter_\(name)"] = rule.stringValue("Value") ?? ""
                }
                return .object(c)
            })
        }
        return make("aws_s3_bucket_notification", bucket, [
            "topic": targets("TopicConfiguration", arn: "Topic", as: "topic_arn"),
            "queue": targets("QueueConfiguration", arn: "Queue", as: "queue_arn"),
            "lambda_function": targets("CloudFunctionConfiguration", arn: "CloudFunction", as: "lambda_function_arn"),
            "eventbridge": .bool(tree.at("EventBridgeConfiguration") != nil),
        ])
    }

    static func replication(_ bucket: String, _ tree: XMLTree) -> LiveResource? {
        let rules = tree.children("Rule").map(replicationRule)
        if rules.isEmpty { return nil }
        var a: [String: Value] = ["rule": .array(rules)]
        a.set("role", tree.stringValue("Role"))
        return make("aws_s3_bucket_replication_configuration", bucket, a)
    }

    static func replicationRule(_ rule: XMLTree) -> Value {
        var r: [String: Value] = [:]
        r.set("id", rule.stringValue("ID"))
        r.set("priority", rule.numberValue("Priority"))
        r.set("status", rule.stringValue("Status"))
        r.set("prefix", rule.stringValue("Prefix"))
        if let filter = rule.at("Filter") { r["filter"] = .array([.object(filterMembers(filter, tagField: "tag"))]) }
        if let destination = rule.at("Destination") {
            var d: [String: Value] = [:]
            d.set("bucket", destination.stringValue("Bucket"))
            d.set("storage_class", destination.stringValue("StorageClass"))
            d.set("account", destination.stringValue("Account"))
            if let owner = destination.stringValue("AccessControlTranslation/Owner") {
                d["access_control_translation"] = [["owner": owner]]
            }
            if let key = destination.stringValue("EncryptionConfiguration/ReplicaKmsKeyID") {
                d["encryption_configuration"] = [["replica_kms_key_id": key]]
            }
            if let metrics = destination.at("Metrics") {
                var m: [String: Value] = [:]
                m.set("status", metrics.stringValue("Status"))
                if let minutes = metrics.numberValue("EventThreshold/Minutes") { m["event_threshold"] = [["minutes": minutes]] }
                d["metrics"] = .array([.object(m)])
            }
            if let time = destination.at("ReplicationTime") {
                var t: [String: Value] = [:]
                t.set("status", time.stringValue("Status"))
                if let minutes = time.numberValue("Time/Minutes") { t["time"] = [["minutes": minutes]] }
                d["replication_time"] = .array([.object(t)])
            }
            r["destination"] = .array([.object(d)])
        }
        for (element, field) in [("DeleteMarkerReplication", "delete_marker_replication"), ("ExistingObjectReplication", "existing_object_replication")] {
            if let status = rule.stringValue("\(element)/Status") { r[field] = [["status": status]] }
        }
        if let criteria = rule.at("SourceSelectionCriteria") {
            var c: [String: Value] = [:]
            if let status = criteria.stringValue("ReplicaModifications/Status") { c["replica_modifications"] = [["status": status]] }
            if let status = criteria.stringValue("SseKmsEncryptedObjects/Status") { c["sse_kms_encrypted_objects"] = [["status": status]] }
            r["source_selection_criteria"] = .array([.object(c)])
        }
        return .object(r)
    }

    /// A `<Filter>` with `Prefix`, one `Tag`, or `And` (prefix and tags), as the provider nests it.
    static func filterMembers(_ filter: XMLTree, tagField: String?) -> [String: Value] {
        var f: [String: Value] = [:]
        f.set("prefix", filter.stringValue("Prefix"))
        if let tagField, let tag = filter.at("Tag") {
            f[tagField] = [["key": tag.stringValue("Key") ?? "", "value": tag.stringValue("Value") ?? ""]]
        }
        if let and = filter.at("And") {
            var a: [String: Value] = [:]
            a.set("prefix", and.stringValue("Prefix"))
            let tags = tagMap(and.children("Tag"))
            if !tags.isEmpty { a["tags"] = .object(tags) }
            f["and"] = .array([.object(a)])
        }
        return f
    }

    static func tagMap(_ tags: [XMLTree]) -> [String: Value] {
        var out: [String: Value] = [:]
        for tag in tags {
            if let key = tag.string("Key") { out[key] = .string(tag.string("Value") ?? "") }
        }
        return out
    }

    /// A set of strings from repeated elements, sorted.
    static func stringSet(_ elements: [XMLTree]) -> Value {
        .array(Array(Set(elements.map { $0.text.trimmingWhitespace })).sorted().map(Value.string))
    }
}
