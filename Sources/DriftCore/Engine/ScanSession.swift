import AWSClient
import DriftModel
import Foundation
import Scanner

/// `drift scan` end to end: baseline, client and state (`SessionSetup`), one snapshot of the
/// region, per-instance attribute calls only for the instances whose baseline declares them,
/// matching, comparison and the report.
public struct ScanSession: Sendable {
    public var settings: SessionSettings
    public var notice: @Sendable (String) -> Void
    public var progress: (@Sendable (ScanProgress) -> Void)?

    public init(
        settings: SessionSettings, notice: @escaping @Sendable (String) -> Void = { _ in },
        progress: (@Sendable (ScanProgress) -> Void)? = nil
    ) {
        self.settings = settings
        self.notice = notice
        self.progress = progress
    }

    public func run(now: Date = Date()) async throws(DriftCoreError) -> Report {
        try await runKeepingSnapshot(now: now).report
    }

    /// The report together with what a history records beside it: the snapshot it compared and
    /// the Terraform address of every live resource a declaration matched.
    public struct Outcome: Sendable {
        public var report: Report
        public var snapshot: Snapshot
        /// `type` + NUL + `id` → address.
        public var addresses: [String: String]
    }

    public func runKeepingSnapshot(now: Date = Date()) async throws(DriftCoreError) -> Outcome {
        let setup = try await SessionSetup.prepare(settings, notice: notice)
        let ignore = DriftIgnore.load(directory: settings.baselineDirectory)
            .appending(DriftIgnore(patterns: settings.ignorePatterns))
        var options = ScanOptions()
        options.concurrency = max(1, settings.concurrency)
        // Only what some file declares can drift or be missing, and only inventoried types can be
        // unmanaged: the rest costs calls for nothing (`ResourceType.isRead`, `skippableCalls`).
        options.declaredArguments = ResourceType.declaredArguments(of: setup.baseline.resources)
        options.silencedTypes = Set(ResourceType.all.map(\.name).filter(ignore.silencesUnmanaged))
        options.bucketsAnyRegion = Self.declaredBucketNames(setup.baseline, state: setup.state?.state)
        let scanner = LiveScanner(client: setup.client, options: options, progress: progress)
        let snapshot: Snapshot
        do { snapshot = try await scanner.snapshot(now: now) } catch {
            throw .aws(doing: "scanning \(setup.client.region)", reason: "\(error)")
        }
        let completed = await InstanceAttributeFetch.complete(
            snapshot, baseline: setup.baseline, state: setup.state?.state, scanner: scanner)
        let match = Matcher(baseline: setup.baseline, snapshot: completed, state: setup.state?.state).match()
        let context = DriftAnalyzer.Context(
            scannedAt: snapshot.takenAt, baseline: settings.baselineDirectory, region: snapshot.region,
            stateSource: setup.state?.source, warnings: setup.warnings)
        let report = DriftAnalyzer(baseline: setup.baseline, ignore: ignore).report(match, context: context)
        var addresses: [String: String] = [:]
        for m in match.matches {
            if case .found(let live) = m.outcome { addresses[live.type + "\u{0}" + live.id] = m.declared.address }
        }
        return Outcome(report: report, snapshot: completed, addresses: addresses)
    }
}

extension ScanSession {
    /// Every bucket name the baseline (`bucket` of an S3 resource, where known offline) or the
    /// state (ids of S3 resources) declares: these buckets are read wherever they live, so a
    /// bucket in another region is compared (with a warning), never reported missing.
    static func declaredBucketNames(_ baseline: Baseline, state: TerraformState?) -> Set<String> {
        func isS3(_ type: String) -> Bool { ResourceType.named(type)?.service == .s3 }
        var names = Set(baseline.resources.filter { isS3($0.type) }
            .compactMap { $0.attributes["bucket"]?.stringValue })
        if let state {
            for instance in state.instances.values where isS3(instance.type) {
                if let id = instance.liveID { names.insert(id) }
            }
        }
        return names
    }
}

/// The per-instance attributes (`user_data`, `disable_api_termination`, `disable_api_stop`,
/// `instance_initiated_shutdown_behavior`) cost one call per instance each, which is what makes a
/// Terraform refresh slow. They are read only for matched instances whose baseline declares them.
enum InstanceAttributeFetch {
    static let names = Set(
        ResourceType.named("aws_instance")?.skippableCalls.filter(\.perResource).flatMap(\.arguments) ?? [])

    /// The snapshot with those attributes filled in (an unset one as `null`) and failed calls
    /// added to its errors.
    static func complete(_ snapshot: Snapshot, baseline: Baseline, state: TerraformState?, scanner: LiveScanner) async -> Snapshot {
        let match = Matcher(baseline: baseline, snapshot: snapshot, state: state).match()
        var wanted: [Set<String>: [String]] = [:]
        for m in match.matches where m.declared.type == "aws_instance" {
            guard case .found(let live) = m.outcome else { continue }
            let declared = Set(m.declared.attributes.filter { !$0.value.isNull }.keys)
                .intersection(names).subtracting(m.declared.unknown).subtracting(m.declared.ignoreChanges)
            if !declared.isEmpty { wanted[declared, default: []].append(live.id) }
        }
        guard !wanted.isEmpty else { return snapshot }
        var result = snapshot
        var index: [String: Int] = [:]
        for (i, r) in result.resources.enumerated() where r.type == "aws_instance" { index[r.id] = i }
        for (attributes, ids) in wanted.sorted(by: { $0.key.sorted().joined() < $1.key.sorted().joined() }) {
            let answer = await scanner.instanceAttributes(for: ids.sorted(), names: attributes)
            let failed = Set(answer.errors.compactMap { (error: ReadError) in error.resource })
            for id in ids where !failed.contains(id) {
                guard let i = index[id] else { continue }
                for name in attributes {
                    result.resources[i].attributes[name] = answer.values[id]?[name] ?? .null
                }
            }
            result.errors += answer.errors
        }
        return result
    }
}
