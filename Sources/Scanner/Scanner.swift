import AWSClient
import DriftModel
import Foundation

/// Takes a live snapshot of one account and region: every EC2 instance, S3 bucket (with its split
/// settings) and DynamoDB table, described as the Terraform AWS provider (v5) would describe them.
///
/// Services are read concurrently; within a service, per-resource calls go through a bounded task
/// group (`ScanOptions.concurrency`). Only an account-level listing that fails stops the scan;
/// everything else becomes a `Snapshot.errors` entry so an unreadable setting is never mistaken
/// for an absent one.
public struct Scanner: Sendable {
    public let client: AWSClient
    public let options: ScanOptions
    let progress: (@Sendable (ScanProgress) -> Void)?

    public init(client: AWSClient, options: ScanOptions, progress: (@Sendable (ScanProgress) -> Void)? = nil) {
        self.client = client
        self.options = options
        self.progress = progress
    }

    /// Reads the account. Throws `ScanError` only when an account-level listing (a DescribeInstances
    /// page, ListBuckets, ListTables) fails after the client's retries.
    public func snapshot(now: Date = Date()) async throws -> Snapshot {
        let tracker = ProgressTracker(metrics: client.metrics, callback: progress)
        async let account = accountID()
        let services = AWSService.allCases.filter(options.services.contains)
        let results = try await withThrowingTaskGroup(of: CollectorResult.self) { group in
            for service in services {
                group.addTask { try await self.collect(service, tracker: tracker) }
            }
            var all: [CollectorResult] = []
            for try await result in group { all.append(result) }
            return all
        }
        var snapshot = Snapshot(
            takenAt: Scanner.timestamp(now), region: client.region, account: await account,
            resources: results.flatMap(\.resources), errors: results.flatMap(\.errors))
        if options.services.contains(.ec2) {
            var skipped = EC2Collector.skippedArguments(options)
            if options.instanceAttributes == .none { skipped += EC2Normalizer.perInstanceAttributes.keys }
            if !skipped.isEmpty { snapshot.omitted["aws_instance"] = skipped.sorted() }
        }
        // A skipped setting is "not read", never "absent": say so, as for instance attributes.
        if options.services.contains(.s3) {
            let read = Set(S3Normalizer.settings(for: options.bucketSettingTypes).compactMap(\.terraformType))
            for type in S3Normalizer.settings.compactMap(\.terraformType) where !read.contains(type) {
                snapshot.omitted[type] = ["*"]
            }
        }
        if options.services.contains(.dynamodb), let selected = options.tableArguments {
            let names = DynamoDBCollector.Extra.allCases.compactMap(\.argument).filter { !selected.contains($0) }.sorted()
            if !names.isEmpty { snapshot.omitted["aws_dynamodb_table"] = names }
        }
        tracker.phase("done")
        return snapshot.normalized()
    }

    /// The per-instance `DescribeInstanceAttribute` values (`user_data` as SHA-1 hex,
    /// `disable_api_termination`, `disable_api_stop`, `instance_initiated_shutdown_behavior`) for just
    /// these instances: one call per attribute per instance, `options.concurrency` in flight.
    /// `names` are Terraform attribute names; unknown names are ignored. An unset attribute (no user
    /// data) is absent from `values`; a failed call is in `errors`.
    public func instanceAttributes(for ids: [String], names: Set<String>) async -> (
        values: [String: [String: Value]], errors: [ReadError]
    ) {
        await Scanner.readInstanceAttributes(client: client, ids: ids, names: names, concurrency: options.concurrency)
    }

    static func readInstanceAttributes(client: AWSClient, ids: [String], names: Set<String>, concurrency: Int) async -> (
        values: [String: [String: Value]], errors: [ReadError]
    ) {
        let wanted = names.filter { EC2Normalizer.perInstanceAttributes[$0] != nil }.sorted()
        let work = ids.flatMap { id in wanted.map { (id: id, name: $0) } }
        let answers = await boundedMap(work, limit: concurrency) { item -> Result<XMLTree, AWSError> in
            let ec2Name = EC2Normalizer.perInstanceAttributes[item.name] ?? item.name
            do {
                return .success(try await client.ec2(
                    "DescribeInstanceAttribute", ["InstanceId": item.id, "Attribute": ec2Name], resource: item.id))
            } catch { return .failure(error.asAWSError) }
        }
        var values: [String: [String: Value]] = [:]
        var errors: [ReadError] = []
        for (item, answer) in zip(work, answers) {
            switch answer {
            case .success(let tree):
                if let value = EC2Normalizer.attributeValue(terraformName: item.name, tree) {
                    values[item.id, default: [:]][item.name] = value
                } else if item.name != "user_data" {
                    errors.append(.malformed(
                        service: .ec2, operation: "DescribeInstanceAttribute", resource: item.id, "no \(item.name) in the answer"))
                }
            case .failure(let error):
                errors.append(ReadError(error, service: .ec2, operation: "DescribeInstanceAttribute", resource: item.id))
            }
        }
        return (values, errors.sorted())
    }

    func collect(_ service: AWSService, tracker: ProgressTracker) async throws -> CollectorResult {
        switch service {
        case .ec2: return try await EC2Collector(client: client, options: options, tracker: tracker).collect()
        case .s3: return try await S3Collector(client: client, options: options, tracker: tracker).collect()
        case .dynamodb: return try await DynamoDBCollector(client: client, options: options, tracker: tracker).collect()
        }
    }

    /// The account id from STS; `nil` when STS cannot say (the snapshot is still useful without it).
    func accountID() async -> String? {
        guard let tree = try? await client.sts("GetCallerIdentity", [:]) else { return nil }
        return tree.nonEmptyString("GetCallerIdentityResult/Account")
    }

    /// `2026-11-24T19:00:00Z`: UTC, whole seconds.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
