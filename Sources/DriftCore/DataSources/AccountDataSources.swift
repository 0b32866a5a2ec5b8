import AWSClient
import DriftModel
import Terraform

/// The account, region and partition a provider configuration works in, and SSM parameters.
enum AccountDataSources {
    /// STS GetCallerIdentity.
    @Sendable static func callerIdentity(_ call: DataSourceCall) async throws -> DataSourceAnswer {
        let tree = try await call.client.sts("GetCallerIdentity", [:])
        guard let account = tree.string("GetCallerIdentityResult/Account") else {
            throw AWSError(
                service: "sts", operation: "GetCallerIdentity", code: "MalformedResponse",
                message: "the answer names no account")
        }
        return .found([
            "id": .string(account), "account_id": .string(account),
            "arn": .string(tree.string("GetCallerIdentityResult/Arn") ?? ""),
            "user_id": .string(tree.string("GetCallerIdentityResult/UserId") ?? ""),
        ], sensitive: [])
    }

    /// The provider configuration's region (or the one `name` asks for); no call.
    @Sendable static func region(_ call: DataSourceCall) async throws -> DataSourceAnswer {
        let name = call.string("name") ?? call.client.region
        return .found([
            "id": .string(name), "name": .string(name),
            "endpoint": .string("ec2.\(name).\(dnsSuffix(name))"),
        ], sensitive: [])
    }

    /// The region's partition; no call.
    @Sendable static func partition(_ call: DataSourceCall) async throws -> DataSourceAnswer {
        let partition = partitionName(call.client.region)
        let suffix = dnsSuffix(call.client.region)
        return .found([
            "id": .string(partition), "partition": .string(partition), "dns_suffix": .string(suffix),
            "reverse_dns_prefix": .string(suffix.split(separator: ".").reversed().joined(separator: ".")),
        ], sensitive: [])
    }

    static func partitionName(_ region: String) -> String {
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        if region.hasPrefix("us-iso-") { return "aws-iso" }
        if region.hasPrefix("us-isob-") { return "aws-iso-b" }
        return "aws"
    }

    static func dnsSuffix(_ region: String) -> String {
        if region.hasPrefix("cn-") { return "amazonaws.com.cn" }
        if region.hasPrefix("us-iso-") { return "c2s.ic.gov" }
        if region.hasPrefix("us-isob-") { return "sc2s.sgov.gov" }
        return "amazonaws.com"
    }

    /// SSM GetParameter (`with_decryption` defaults to true); `value` is sensitive, so what
    /// derives from it is masked as a sensitive variable is. A missing parameter fails the plan.
    @Sendable static func ssmParameter(_ call: DataSourceCall) async throws -> DataSourceAnswer {
        guard let name = call.string("name") else { return .failed("name: a parameter name is required") }
        let answer: Value
        do {
            answer = try await call.client.ssm(
                "GetParameter", ["Name": .string(name), "WithDecryption": .bool(call.bool("with_decryption") ?? true)],
                resource: name)
        } catch let error as AWSError where error.code.hasSuffix("ParameterNotFound") {
            return .failed("reading SSM Parameter (\(name)): couldn't find resource")
        }
        guard let parameter = answer["Parameter"]?.objectValue else {
            throw AWSError(service: "ssm", operation: "GetParameter", resource: name, code: "MalformedResponse",
                           message: "the answer holds no Parameter")
        }
        let type = parameter["Type"]?.stringValue ?? ""
        let value = parameter["Value"]?.stringValue ?? ""
        var attributes: [String: Value] = [
            "id": .string(parameter["Name"]?.stringValue ?? name), "name": .string(parameter["Name"]?.stringValue ?? name),
            "arn": .string(parameter["ARN"]?.stringValue ?? ""), "type": .string(type), "value": .string(value),
            "version": .number(parameter["Version"]?.numberValue ?? 0),
            "with_decryption": .bool(call.bool("with_decryption") ?? true),
        ]
        // The provider gives the plain value here only for parameters that are not SecureString.
        attributes["insecure_value"] = type == "SecureString" ? .null : .string(value)
        return .found(attributes, sensitive: ["value"])
    }
}

/// Buckets and tables by name.
enum StorageDataSources {
    /// HeadBucket: where the bucket is; a bucket that does not exist fails the plan.
    @Sendable static func bucket(_ call: DataSourceCall) async throws -> DataSourceAnswer {
        guard let name = call.string("bucket") else { return .failed("bucket: a bucket name is required") }
        let response: AWSResponse
        do {
            response = try await call.client.s3(S3Request(operation: "HeadBucket", method: "HEAD", bucket: name))
        } catch let error as AWSError where error.httpStatus == 404 || error.code == "NoSuchBucket" || error.code == "NotFound" {
            return .failed("reading S3 Bucket (\(name)): couldn't find resource")
        }
        let region = response.headers["x-amz-bucket-region"] ?? call.client.region
        let suffix = AccountDataSources.dnsSuffix(region)
        return .found([
            "id": .string(name), "bucket": .string(name),
            "arn": .string("arn:\(AccountDataSources.partitionName(region)):s3:::\(name)"),
            "bucket_domain_name": .string("\(name).s3.\(suffix)"),
            "bucket_regional_domain_name": .string("\(name).s3.\(region).\(suffix)"),
            "region": .string(region),
        ], sensitive: [])
    }

    /// DescribeTable: keys, attributes, billing, streams; a missing table fails the plan.
    @Sendable static func table(_ call: DataSourceCall) async throws -> DataSourceAnswer {
        guard let name = call.string("name") else { return .failed("name: a table name is required") }
        let answer: Value
        do {
            answer = try await call.client.dynamodb("DescribeTable", ["TableName": .string(name)], resource: name)
        } catch let error as AWSError where error.code.hasSuffix("ResourceNotFoundException") {
            return .failed("reading DynamoDB Table (\(name)): couldn't find resource")
        }
        guard let table = answer["Table"]?.objectValue else {
            throw AWSError(service: "dynamodb", operation: "DescribeTable", resource: name, code: "MalformedResponse",
                           message: "the answer holds no Table")
        }
        let keys = table["KeySchema"]?.arrayValue ?? []
        func key(_ type: String) -> Value {
            .string(keys.first { $0["KeyType"]?.stringValue == type }?["AttributeName"]?.stringValue ?? "")
        }
        let billing = table["BillingModeSummary"]?["BillingMode"]?.stringValue ?? "PROVISIONED"
        return .found([
            "id": .string(name), "name": .string(name), "arn": .string(table["TableArn"]?.stringValue ?? ""),
            "hash_key": key("HASH"), "range_key": key("RANGE"), "billing_mode": .string(billing),
            "attribute": .array((table["AttributeDefinitions"]?.arrayValue ?? []).map { definition in
                .object([
                    "name": .string(definition["AttributeName"]?.stringValue ?? ""),
                    "type": .string(definition["AttributeType"]?.stringValue ?? ""),
                ])
            }),
            "stream_arn": .string(table["LatestStreamArn"]?.stringValue ?? ""),
            "stream_label": .string(table["LatestStreamLabel"]?.stringValue ?? ""),
            "stream_enabled": .bool(table["StreamSpecification"]?["StreamEnabled"]?.boolValue ?? false),
            "read_capacity": .number(table["ProvisionedThroughput"]?["ReadCapacityUnits"]?.numberValue ?? 0),
            "write_capacity": .number(table["ProvisionedThroughput"]?["WriteCapacityUnits"]?.numberValue ?? 0),
        ], sensitive: [])
    }
}
