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
        // A collector runs when any type it produces is read.
        let collectors = ResourceType.Collector.allCases.filter { collector in
            ResourceType.all.contains { $0.collector == collector && options.reads($0) }
        }
        let results = try await withThrowingTaskGroup(of: (ResourceType.Collector, CollectorResult?, ReadError?).self) { group in
            for collector in collectors {
                group.addTask {
                    do { return (collector, try await self.collect(collector, tracker: tracker), nil) } catch let error as ScanError {
                        guard let cut = error.cutByDeadline else { throw error }
                        return (collector, nil, cut)
                    }
                }
            }
            var all: [(ResourceType.Collector, CollectorResult?, ReadError?)] = []
            for try await result in group { all.append(result) }
            return all
        }
        let read = results.compactMap(\.1)
        var snapshot = Snapshot(
            takenAt: Scanner.timestamp(now), region: client.region, account: await account,
            resources: read.flatMap(\.resources), errors: read.flatMap(\.errors) + results.compactMap(\.2))
        snapshot.omitted = Self.omitted(options, collectors: Set(collectors))
        // A listing the --deadline cut short read none of its types: each is "not read" (`*`), so
        // the report is still written, with that listing as an error and nothing called missing.
        for (collector, result, _) in results where result == nil {
            for type in Self.produces(collector) { snapshot.omitted[type] = ["*"] }
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

    /// What a scan leaves unread, so that "not read" is never taken for "absent": a type not read
    /// although its collector ran (`["*"]`, a bucket setting no file declares), and the arguments
    /// of the skippable calls it left out (per-resource calls unless `instanceAttributes` is `.all`).
    static func omitted(_ options: ScanOptions, collectors: Set<ResourceType.Collector>) -> [String: [String]] {
        var omitted: [String: [String]] = [:]
        for type in ResourceType.all where collectors.contains(type.collector) && options.services.contains(type.service) {
            guard options.reads(type) else {
                omitted[type.name] = ["*"]
                continue
            }
            var names: [String] = options.skippedCalls(type).filter { !$0.perResource }.flatMap(\.arguments)
            if options.instanceAttributes == .none {
                names += type.skippableCalls.filter(\.perResource).flatMap(\.arguments)
            }
            if !names.isEmpty { omitted[type.name] = names.sorted() }
        }
        return omitted
    }

    /// The types each collector produces (`ResourceTypeRegistryTests` holds them to the registry).
    static func produces(_ collector: ResourceType.Collector) -> Set<String> {
        switch collector {
        case .instances: return ["aws_instance"]
        case .buckets: return Set(["aws_s3_bucket"] + S3Normalizer.settings.compactMap(\.terraformType))
        case .tables: return ["aws_dynamodb_table"]
        case .securityGroups:
            return Set(["aws_security_group", SecurityGroupCollector.legacyRuleType] + SecurityGroupCollector.ruleTypes)
        case .launchTemplates: return [LaunchTemplateCollector.type]
        case .volumes, .addresses, .keyPairs, .networks:
            return Set(EC2InventoryCollector.types(collector))
        }
    }

    /// The one place a registry collector meets its implementation.
    func collect(_ collector: ResourceType.Collector, tracker: ProgressTracker) async throws -> CollectorResult {
        switch collector {
        case .instances: return try await EC2Collector(client: client, options: options, tracker: tracker).collect()
        case .buckets: return try await S3Collector(client: client, options: options, tracker: tracker).collect()
        case .tables: return try await DynamoDBCollector(client: client, options: options, tracker: tracker).collect()
        case .securityGroups: return try await SecurityGroupCollector(client: client, options: options, tracker: tracker).collect()
        case .launchTemplates: return try await LaunchTemplateCollector(client: client, options: options, tracker: tracker).collect()
        case .volumes, .addresses, .keyPairs, .networks:
            return try await EC2InventoryCollector(client: client, options: options, tracker: tracker, collector: collector).collect()
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
