import AWSClient
import DriftModel
import Estate
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
        /// An estate scan's reports per root and target, and each target's unmanaged resources
        /// (`root` nil), for the history; empty for a single-root scan.
        public var parts: [Part] = []

        public init(report: Report, snapshot: Snapshot, addresses: [String: String], parts: [Part] = []) {
            self.report = report
            self.snapshot = snapshot
            self.addresses = addresses
            self.parts = parts
        }

        public struct Part: Sendable {
            /// `nil`: the part holding the target's unmanaged resources.
            public var root: EstateRoot?
            /// The `account` block's name; `nil` for the ambient credentials.
            public var account: String?
            public var region: String
            public var report: Report
            /// The target's snapshot (shared by the target's parts).
            public var snapshot: Snapshot
            public var addresses: [String: String]
        }
    }

    public func runKeepingSnapshot(now: Date = Date()) async throws(DriftCoreError) -> Outcome {
        let root = EstateRoot(name: settings.baselineDirectory, path: settings.baselineDirectory)
        return try await EstateScan(
            config: EstateConfig(roots: [root]), settings: settings, notice: notice, progress: progress
        ).run(now: now)
    }
}

extension ScanSession {
    /// What one provider configuration's scan reads: only what its files declare (or the state
    /// records there: orphaned) can drift, be missing or orphaned, and only inventoried types can
    /// be unmanaged; the rest costs calls for nothing (`ResourceType.isRead`, `skippableCalls`).
    static func options(for baseline: Baseline, recorded: [TerraformState.Instance], concurrency: Int) -> ScanOptions {
        var options = ScanOptions()
        options.concurrency = max(1, concurrency)
        var declared = ResourceType.declaredArguments(of: baseline.resources)
        for instance in recorded where ResourceType.named(instance.type) != nil && declared[instance.type] == nil {
            declared[instance.type] = []
        }
        options.declaredArguments = declared
        options.bucketsAnyRegion = declaredBucketNames(baseline, recorded: recorded)
        return options
    }

    /// The live resources a match result's declarations are or may be: `type id`.
    static func claims(_ match: MatchResult) -> Set<String> {
        var claimed: Set<String> = []
        for m in match.matches {
            if let id = m.id { claimed.insert("\(m.declared.type) \(id)") }
            if case .ambiguous(let ids) = m.outcome { claimed.formUnion(ids.map { "\(m.declared.type) \($0)" }) }
        }
        for orphan in match.orphaned { claimed.insert("\(orphan.live.type) \(orphan.live.id)") }
        return claimed
    }

    /// Every bucket name the baseline (`bucket` of an S3 resource, where known offline) or the
    /// state (S3 resources recorded for this configuration) declares: these buckets are read
    /// wherever they live, so a bucket in another region is compared (with a warning), never
    /// reported missing.
    static func declaredBucketNames(_ baseline: Baseline, recorded: [TerraformState.Instance]) -> Set<String> {
        func isS3(_ type: String) -> Bool { ResourceType.named(type)?.service == .s3 }
        var names = Set(baseline.resources.filter { isS3($0.type) }
            .compactMap { $0.attributes["bucket"]?.stringValue })
        for instance in recorded where isS3(instance.type) {
            if let bucket = instance.attributes["bucket"]?.stringValue ?? instance.liveID, !bucket.isEmpty { names.insert(bucket) }
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
        await complete(snapshot, members: [(baseline, state)], scanner: scanner)
    }

    /// Several baselines reading one snapshot (roots sharing a target): each instance's calls
    /// once, for every attribute any of them declares.
    static func complete(
        _ snapshot: Snapshot, members: [(baseline: Baseline, state: TerraformState?)], scanner: LiveScanner
    ) async -> Snapshot {
        var perInstance: [String: Set<String>] = [:]
        for (baseline, state) in members {
            let match = Matcher(baseline: baseline, snapshot: snapshot, state: state).match()
            for m in match.matches where m.declared.type == "aws_instance" {
                guard case .found(let live) = m.outcome else { continue }
                let declared = Set(m.declared.attributes.filter { !$0.value.isNull }.keys)
                    .intersection(names).subtracting(m.declared.unknown).subtracting(m.declared.ignoreChanges)
                if !declared.isEmpty { perInstance[live.id, default: []].formUnion(declared) }
            }
        }
        var wanted: [Set<String>: [String]] = [:]
        for (id, attributes) in perInstance { wanted[attributes, default: []].append(id) }
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
