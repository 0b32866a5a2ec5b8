import DriftModel

/// Turns DynamoDB JSON answers into `aws_dynamodb_table` attributes shaped as the provider (v5)
/// reads them: `attribute` and indexes as sorted sets, capacities as numbers, and
/// `point_in_time_recovery`, `ttl` and `tags` from their own calls.
enum DynamoDBNormalizer {
    /// ListTables page: names and `LastEvaluatedTableName`.
    static func tablePage(_ answer: Value) -> (names: [String], last: String?) {
        ((answer["TableNames"]?.arrayValue ?? []).compactMap(\.stringValue), answer["LastEvaluatedTableName"]?.stringValue)
    }

    /// The DescribeTable part; `nil` when the answer has no `Table`.
    static func table(_ answer: Value) -> [String: Value]? {
        guard let table = answer["Table"], let name = table["TableName"]?.stringValue else { return nil }
        var a: [String: Value] = [:]
        a["name"] = .string(name)
        a.set("arn", table["TableArn"])
        a["billing_mode"] = table["BillingModeSummary"]?["BillingMode"] ?? .string("PROVISIONED")
        for key in table["KeySchema"]?.arrayValue ?? [] {
            switch key["KeyType"]?.stringValue {
            case "HASH": a.set("hash_key", key["AttributeName"])
            case "RANGE": a.set("range_key", key["AttributeName"])
            default: break
            }
        }
        let attributes = (table["AttributeDefinitions"]?.arrayValue ?? []).map { definition -> Value in
            .object(["name": definition["AttributeName"] ?? "", "type": definition["AttributeType"] ?? ""])
        }
        a["attribute"] = sortedSet(attributes)
        a["read_capacity"] = table["ProvisionedThroughput"]?["ReadCapacityUnits"] ?? .number(0)
        a["write_capacity"] = table["ProvisionedThroughput"]?["WriteCapacityUnits"] ?? .number(0)
        let globals = (table["GlobalSecondaryIndexes"]?.arrayValue ?? []).map { index -> Value in
            var i = secondaryIndex(index, nonKeyAttributesAsSet: true)
            i["read_capacity"] = index["ProvisionedThroughput"]?["ReadCapacityUnits"] ?? .number(0)
            i["write_capacity"] = index["ProvisionedThroughput"]?["WriteCapacityUnits"] ?? .number(0)
            if let onDemand = onDemandThroughput(index["OnDemandThroughput"]) { i["on_demand_throughput"] = onDemand }
            return .object(i)
        }
        if !globals.isEmpty { a["global_secondary_index"] = sortedSet(globals) }
        let locals = (table["LocalSecondaryIndexes"]?.arrayValue ?? []).map {
            Value.object(secondaryIndex($0, nonKeyAttributesAsSet: false))
        }
        if !locals.isEmpty { a["local_secondary_index"] = sortedSet(locals) }
        let stream = table["StreamSpecification"]
        a["stream_enabled"] = .bool(stream?["StreamEnabled"]?.boolValue ?? false)
        if stream?["StreamEnabled"]?.boolValue == true { a.set("stream_view_type", stream?["StreamViewType"]) }
        if let sse = table["SSEDescription"], ["ENABLED", "ENABLING", "UPDATING"].contains(sse["Status"]?.stringValue ?? "") {
            var s: [String: Value] = ["enabled": true]
            s.set("kms_key_arn", sse["KMSMasterKeyArn"])
            a["server_side_encryption"] = .array([.object(s)])
        }
        a["table_class"] = table["TableClassSummary"]?["TableClass"] ?? .string("STANDARD")
        a["deletion_protection_enabled"] = .bool(table["DeletionProtectionEnabled"]?.boolValue ?? false)
        if let onDemand = onDemandThroughput(table["OnDemandThroughput"]) { a["on_demand_throughput"] = onDemand }
        return a
    }

    static func secondaryIndex(_ index: Value, nonKeyAttributesAsSet: Bool) -> [String: Value] {
        var i: [String: Value] = [:]
        i.set("name", index["IndexName"])
        for key in index["KeySchema"]?.arrayValue ?? [] {
            switch key["KeyType"]?.stringValue {
            case "HASH": i.set("hash_key", key["AttributeName"])
            case "RANGE": i.set("range_key", key["AttributeName"])
            default: break
            }
        }
        // An LSI's hash key is the table's; the provider's block has only `range_key`.
        if !nonKeyAttributesAsSet { i["hash_key"] = nil }
        i.set("projection_type", index["Projection"]?["ProjectionType"])
        if let nonKey = index["Projection"]?["NonKeyAttributes"]?.arrayValue, !nonKey.isEmpty {
            let names = nonKey.compactMap(\.stringValue)
            i["non_key_attributes"] = .array((nonKeyAttributesAsSet ? names.sorted() : names).map(Value.string))
        }
        return i
    }

    static func onDemandThroughput(_ value: Value?) -> Value? {
        guard let value, let read = value["MaxReadRequestUnits"], let write = value["MaxWriteRequestUnits"] else {
            return nil
        }
        return .array([.object(["max_read_request_units": read, "max_write_request_units": write])])
    }

    /// DescribeContinuousBackups → `point_in_time_recovery = [{enabled = bool}]`, always present, as the provider reads it.
    static func pointInTimeRecovery(_ answer: Value) -> Value {
        let description = answer["ContinuousBackupsDescription"]?["PointInTimeRecoveryDescription"]
        let enabled = description?["PointInTimeRecoveryStatus"]?.stringValue == "ENABLED"
        var p: [String: Value] = ["enabled": .bool(enabled)]
        if enabled { p.set("recovery_period_in_days", description?["RecoveryPeriodInDays"]) }
        return .array([.object(p)])
    }

    /// DescribeTimeToLive → `ttl = [{attribute_name, enabled}]`, always present, as the provider reads it.
    static func ttl(_ answer: Value) -> Value {
        let description = answer["TimeToLiveDescription"]
        let enabled = description?["TimeToLiveStatus"]?.stringValue == "ENABLED"
        let name = description?["AttributeName"]?.stringValue ?? ""
        return .array([.object(["attribute_name": .string(name), "enabled": .bool(enabled)])])
    }

    /// ListTagsOfResource page: tags (without `aws:*`) and `NextToken`.
    static func tagPage(_ answer: Value) -> (tags: [(key: String, value: String)], nextToken: String?) {
        let tags = (answer["Tags"]?.arrayValue ?? []).compactMap { tag -> (key: String, value: String)? in
            guard let key = tag["Key"]?.stringValue else { return nil }
            return (key: key, value: tag["Value"]?.stringValue ?? "")
        }
        return (tags, answer["NextToken"]?.stringValue)
    }

    static func sortedSet(_ items: [Value]) -> Value {
        .array(items.sorted { $0.canonicalJSON() < $1.canonicalJSON() })
    }
}
