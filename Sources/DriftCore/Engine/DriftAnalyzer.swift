import DriftModel

/// Turns matched resources into the report: compares what was found, lists what is missing and
/// what no file declares, keeps failed reads and identification failures as errors, and applies
/// `.driftignore`. Synchronous and pure, so every verdict rule is unit-testable without AWS.
public struct DriftAnalyzer: Sendable {
    /// Where the report says it came from.
    public struct Context: Sendable, Hashable {
        public var scannedAt: String
        public var baseline: String
        public var region: String
        public var stateSource: String?
        /// Notices gathered before the comparison (no state yet, ...).
        public var warnings: [BaselineWarning]

        public init(scannedAt: String, baseline: String, region: String, stateSource: String?, warnings: [BaselineWarning] = []) {
            self.scannedAt = scannedAt
            self.baseline = baseline
            self.region = region
            self.stateSource = stateSource
            self.warnings = warnings
        }
    }

    public var baseline: Baseline
    public var ignore: DriftIgnore
    public var schemas: @Sendable (String) -> ResourceSchema?

    public init(
        baseline: Baseline, ignore: DriftIgnore = DriftIgnore(),
        schemas: @escaping @Sendable (String) -> ResourceSchema? = { ProviderSchema.schema(for: $0) }
    ) {
        self.baseline = baseline
        self.ignore = ignore
        self.schemas = schemas
    }

    public func report(_ match: MatchResult, context: Context) -> Report {
        var findings: [Finding] = []
        var warnings = baseline.warnings + context.warnings
        var notScanned: Set<String> = []
        var managed = 0
        var unreadable = 0
        var compared: [ComparedResource] = []
        for m in match.matches {
            let declared = m.declared
            switch m.outcome {
            case .notScanned:
                notScanned.insert(declared.type)
                continue
            case .notInState:
                warnings.append(BaselineWarning(
                    code: "NotInState",
                    message: "\(declared.address) is not in the state: Terraform has not created it yet",
                    source: declared.blockSource.isEmpty ? nil : declared.blockSource))
                continue
            case .found(let live):
                let comparer = ResourceComparer(schema: schemas(declared.type), provider: baseline.provider(for: declared))
                let (aligned, alignedLive) = ComparisonAlignment.align(declared, live)
                let changes = comparer.compare(aligned, with: alignedLive)
                if !changes.isEmpty {
                    findings.append(Finding(kind: .drifted, address: declared.address, type: declared.type, id: live.id, changes: changes))
                }
                if !ignore.ignores(resource: [declared.address]) {
                    compared.append(ComparedResource(address: declared.address, type: declared.type, id: live.id))
                }
                warnings += unknownWarnings(declared)
                if let warning = Self.otherRegionWarning(declared, live: live, region: context.region) { warnings.append(warning) }
            case .missing(let id):
                findings.append(Finding(
                    kind: .missing, address: declared.address, type: declared.type, id: id,
                    source: declared.blockSource.isEmpty ? nil : declared.blockSource))
            case .unreadable, .unidentified, .ambiguous:
                unreadable += 1
            }
            if !ignore.ignores(resource: [declared.address]) { managed += 1 }
        }
        for live in match.unmanaged {
            findings.append(Finding(
                kind: .unmanaged, address: nil, type: live.type, id: live.id,
                name: ResourceType.named(live.type)?.displayName(of: live)))
        }
        for orphan in match.orphaned {
            findings.append(Finding(
                kind: .orphaned, address: orphan.address, type: orphan.live.type, id: orphan.live.id,
                name: orphan.live.type == "aws_instance" ? orphan.live.tags["Name"] : nil))
        }
        for type in notScanned.sorted() {
            warnings.append(BaselineWarning(
                code: "NotScanned", message: "\(type) resources are declared but drift does not scan this type", source: nil))
        }
        let kept = ignore.apply(to: findings)
        // Data sources that could not be read leave what depends on them unknown: the scan is
        // incomplete, never clean.
        let errors = match.errors.filter { error in
            error.operation != "Identify" || !ignore.ignores(resource: [error.resource ?? ""])
        } + baseline.readErrors
        // A compared resource is in sync unless a finding (after .driftignore) names it.
        let failing = Set(kept.compactMap(\.address))
        func count(_ kind: Finding.Kind) -> Int { kept.filter { $0.kind == kind }.count }
        let summary = Report.Summary(
            managed: managed, inSync: max(0, managed - count(.drifted) - count(.missing) - unreadable),
            drifted: count(.drifted), missing: count(.missing), orphaned: count(.orphaned),
            unmanaged: count(.unmanaged), errors: errors.count, coverage: coverage(match, kept: kept))
        return Report(
            scannedAt: context.scannedAt, baseline: context.baseline, region: context.region,
            stateSource: context.stateSource, summary: summary, findings: kept, errors: errors,
            warnings: Self.deduplicated(warnings),
            inSyncResources: compared.filter { !failing.contains($0.address) })
    }

    /// Per inventoried type: the live resources declarations are (found or unreadable, each id
    /// once, ignored ones left out) against the unmanaged findings kept after `.driftignore`.
    func coverage(_ match: MatchResult, kept: [Finding]) -> Coverage {
        var managed: [String: Set<String>] = [:]
        let inventoried = ResourceType.all.filter(\.inventoried).map(\.name)
        for m in match.matches where inventoried.contains(m.declared.type) {
            switch m.outcome {
            case .found, .unreadable:
                guard let id = m.id, !ignore.ignores(resource: [m.declared.address]) else { continue }
                managed[m.declared.type, default: []].insert(id)
            default: continue
            }
        }
        var byType: [String: Coverage.Count] = [:]
        for type in inventoried {
            let unmanaged = kept.filter { $0.kind == .unmanaged && $0.type == type }.count
            byType[type] = Coverage.Count(managed: managed[type]?.count ?? 0, unmanaged: unmanaged)
        }
        return Coverage(byType: byType)
    }

    /// A declared bucket that lives in another region than the provider's: drift read it there
    /// and compared it, but Terraform cannot (S3 answers its provider's HeadBucket with 301
    /// Moved Permanently, and `terraform plan` stops with that error), so say so.
    static func otherRegionWarning(_ declared: DeclaredResource, live: LiveResource, region: String) -> BaselineWarning? {
        guard live.type == "aws_s3_bucket", let bucketRegion = live.attributes["region"]?.stringValue,
            !bucketRegion.isEmpty, bucketRegion != region
        else { return nil }
        return BaselineWarning(
            code: "OtherRegion",
            message: "\(declared.address) (bucket \(live.id)) lives in \(bucketRegion), not in \(region) where the provider is: "
                + "drift read and compared it there; terraform plan with this provider cannot read it (S3 answers 301 Moved Permanently)",
            source: declared.blockSource.isEmpty ? nil : declared.blockSource)
    }

    /// Arguments not compared because their value is only known after apply. The baseline's own
    /// warnings may already say so; one notice per argument either way.
    private func unknownWarnings(_ declared: DeclaredResource) -> [BaselineWarning] {
        declared.unknown.sorted().map { name in
            BaselineWarning(
                code: "UnknownValue",
                message: "\(declared.address).\(name) is not known until apply (data source or computed value): not compared",
                source: declared.sources[name] ?? (declared.blockSource.isEmpty ? nil : declared.blockSource),
                address: declared.address)
        }
    }

    static func deduplicated(_ warnings: [BaselineWarning]) -> [BaselineWarning] {
        var seen: Set<BaselineWarning> = []
        var bySource: Set<String> = []
        var out: [BaselineWarning] = []
        for w in warnings where !seen.contains(w) {
            // The baseline may already report an unknown argument of the same resource at the
            // same place; another instance declared there (count, module) is its own warning.
            let key = "\(w.code) \(w.address ?? "") \(w.source ?? "")"
            if w.code == "UnknownValue", w.source != nil, bySource.contains(key) { continue }
            seen.insert(w)
            if w.source != nil { bySource.insert(key) }
            out.append(w)
        }
        return out
    }
}
