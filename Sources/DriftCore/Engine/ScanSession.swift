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
        let targets = setup.targets
        let state = setup.state?.state
        // Each provider configuration's resources are read with its connection, in its region.
        var slices = Array(repeating: [DeclaredResource](), count: targets.targets.count)
        for resource in setup.baseline.resources { slices[targets.index(for: resource)].append(resource) }
        let everyAddress = Set(setup.baseline.resources.map(\.address))
        let declaredTarget = Dictionary(setup.baseline.resources.map { ($0.address, targets.index(for: $0)) }) { a, _ in a }
        // A recorded resource belongs to its declaration's configuration, else to the one it was applied with.
        func targetOf(_ instance: TerraformState.Instance) -> Int {
            declaredTarget[instance.address] ?? targets.index(for: instance)
        }
        let ignore = DriftIgnore.load(directory: settings.baselineDirectory)
            .appending(DriftIgnore(patterns: settings.ignorePatterns))
        let silenced = Set(ResourceType.all.map(\.name).filter(ignore.silencesUnmanaged))
        var matches: [MatchResult] = []
        var snapshots: [Snapshot] = []
        var baselines: [Baseline] = []
        var takenAt: [String] = []
        for (i, target) in targets.targets.enumerated() {
            var baseline = setup.baseline
            baseline.resources = slices[i]
            let recorded = state.map { Array($0.instances.values.filter { targetOf($0) == i }) } ?? []
            var options = Self.options(for: baseline, recorded: recorded, concurrency: settings.concurrency)
            options.silencedTypes = silenced
            let scanner = LiveScanner(client: target.client, options: options, progress: progress)
            let snapshot: Snapshot
            do { snapshot = try await scanner.snapshot(now: now) } catch {
                throw .aws(doing: "scanning \(target.region)", reason: SessionSetup.explain(error, baseline: setup.baseline))
            }
            let completed = await InstanceAttributeFetch.complete(snapshot, baseline: baseline, state: state, scanner: scanner)
            var match = Matcher(baseline: baseline, snapshot: completed, state: state).match()
            // An orphan is declared by no file and was applied with this configuration.
            match.orphaned.removeAll { orphan in
                everyAddress.contains(orphan.address) || state?.instances[orphan.address].map { targetOf($0) != i } ?? true
            }
            matches.append(match)
            baselines.append(baseline)
            takenAt.append(snapshot.takenAt)
            snapshots.append(completed)
        }
        // A live resource another configuration's declaration is (or may be) is not unmanaged here.
        if matches.count > 1 {
            let claims = matches.map(Self.claims)
            for i in matches.indices {
                let others = claims.enumerated().filter { $0.offset != i }.reduce(into: Set<String>()) { $0.formUnion($1.element) }
                matches[i].unmanaged.removeAll { others.contains("\($0.type) \($0.id)") }
            }
        }
        let reports = targets.targets.indices.map { i in
            let context = DriftAnalyzer.Context(
                scannedAt: takenAt[0], baseline: settings.baselineDirectory, region: targets.targets[i].region,
                stateSource: setup.state?.source, warnings: setup.warnings)
            return DriftAnalyzer(baseline: baselines[i], ignore: ignore).report(matches[i], context: context)
        }
        guard let report = Report.merging(reports), var snapshot = snapshots.first else {
            throw .aws(doing: "scanning", reason: "no provider configuration to scan")
        }
        // One snapshot for the history: every region's resources and errors.
        for other in snapshots.dropFirst() {
            snapshot.resources += other.resources
            snapshot.errors += other.errors
        }
        var addresses: [String: String] = [:]
        for m in matches.flatMap(\.matches) {
            if case .found(let live) = m.outcome { addresses[live.type + "\u{0}" + live.id] = m.declared.address }
        }
        return Outcome(report: report, snapshot: snapshot, addresses: addresses)
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
