import DriftModel

/// The outcome of one scan (`../shared/oracle/REPORT.md`): what every output format renders and
/// what the exit code is computed from.
public struct Report: Sendable, Hashable {
    public static let schemaVersion = 1

    public struct Summary: Sendable, Hashable {
        /// Declared resources of the types drift scans.
        public var managed = 0
        public var inSync = 0
        public var drifted = 0
        public var missing = 0
        /// In the state, declared by no file, still live.
        public var orphaned = 0
        public var unmanaged = 0
        public var errors = 0
        /// The share of live resources the baseline manages, per inventoried type.
        public var coverage = Coverage()

        public init(
            managed: Int = 0, inSync: Int = 0, drifted: Int = 0, missing: Int = 0, orphaned: Int = 0, unmanaged: Int = 0,
            errors: Int = 0, coverage: Coverage = Coverage()
        ) {
            self.managed = managed
            self.inSync = inSync
            self.drifted = drifted
            self.missing = missing
            self.orphaned = orphaned
            self.unmanaged = unmanaged
            self.errors = errors
            self.coverage = coverage
        }

        public var jsonValue: Value {
            .object([
                "managed": .number(Double(managed)), "inSync": .number(Double(inSync)),
                "drifted": .number(Double(drifted)), "missing": .number(Double(missing)),
                "orphaned": .number(Double(orphaned)),
                "unmanaged": .number(Double(unmanaged)), "errors": .number(Double(errors)),
                "coverage": coverage.jsonValue,
            ])
        }
    }

    public var scannedAt: String
    /// The baseline directory as the user named it.
    public var baseline: String
    public var region: String
    /// Every region scanned, sorted, when the provider configurations name more than one; then the
    /// JSON carries `regions` instead of `region` and every finding its `region`.
    public var regions: [String] = []
    /// The roots of a scan that covers more than one (empty otherwise: the JSON then has no
    /// `roots`, and findings no `root`).
    public var roots: [Root] = []
    /// The accounts scanned, sorted, when there are several (findings then carry `account`).
    public var accounts: [String] = []
    /// `s3://bucket/key`, a file path, or `nil` when the scan ran without state.
    public var stateSource: String?
    public var summary: Summary
    /// Sorted by (kind, address, type, id).
    public var findings: [Finding]
    /// Resources or settings that could not be read, and resources that could not be identified.
    public var errors: [ReadError]
    public var warnings: [BaselineWarning]
    /// The compared resources that came out in sync (not in the JSON contract: CI formats list
    /// them as passing tests). Sorted by address.
    public var inSyncResources: [ComparedResource]
    /// With a history: findings of the previous scan of the same target that this scan no longer
    /// finds, each with `resolvedAt`. `nil` without a history (the key is then absent).
    public var resolved: [Finding]?

    public init(
        scannedAt: String, baseline: String, region: String, stateSource: String?, summary: Summary,
        findings: [Finding], errors: [ReadError], warnings: [BaselineWarning], inSyncResources: [ComparedResource] = []
    ) {
        self.scannedAt = scannedAt
        self.baseline = baseline
        self.region = region
        self.stateSource = stateSource
        self.summary = summary
        self.findings = Finding.sortedByContract(findings)
        self.errors = errors.sorted()
        self.warnings = warnings
        self.inSyncResources = inSyncResources.sorted()
    }

    /// The exit code of `terraform plan -detailed-exitcode`'s kind: 2 when a finding of a kind in
    /// `failOn` exists or anything could not be read (an incomplete scan is never clean), else 0.
    public func exitCode(failOn: Set<Finding.Kind>) -> Int32 {
        if !errors.isEmpty { return 2 }
        return findings.contains { failOn.contains($0.kind) } ? 2 : 0
    }

    /// `region`, or the regions joined with ", " when there are several.
    public var regionText: String { regions.count > 1 ? regions.joined(separator: ", ") : region }

    /// `--fail-on new[,KIND…]`: 2 only for findings the history calls `new` (of `kinds`, or of any
    /// kind when `kinds` is empty), or when anything could not be read; a finding without a status
    /// (no history) counts as new, so a gate is never silently opened.
    public func exitCode(failOnNew kinds: Set<Finding.Kind>) -> Int32 {
        if !errors.isEmpty { return 2 }
        return findings.contains { ($0.status ?? .new) == .new && (kinds.isEmpty || kinds.contains($0.kind)) } ? 2 : 0
    }

    public var jsonValue: Value {
        var doc: [String: Value] = [
            "schemaVersion": .number(Double(Report.schemaVersion)),
            "scannedAt": .string(scannedAt),
            "baseline": .string(baseline),
            "stateSource": stateSource.map(Value.string) ?? .null,
            "summary": summary.jsonValue,
            "findings": .array(findings.map(\.jsonValue)),
            "errors": .array(errors.map(\.jsonValue)),
            "warnings": .array(warnings.map(\.jsonValue)),
        ]
        if regions.count > 1 {
            doc["regions"] = .array(regions.map(Value.string))
        } else {
            doc["region"] = .string(region)
        }
        if let resolved { doc["resolved"] = .array(resolved.map(\.jsonValue)) }
        if !roots.isEmpty { doc["roots"] = .array(roots.map(\.jsonValue)) }
        if !accounts.isEmpty { doc["accounts"] = .array(accounts.map(Value.string)) }
        return .object(doc)
    }

    /// One root of a multi-root scan: its name (as given), directory, state and what it has.
    public struct Root: Sendable, Hashable {
        public var name: String
        public var path: String
        public var stateSource: String?
        /// The accounts it was scanned in (empty: the ambient credentials only).
        public var accounts: [String]
        /// Its own counts (unmanaged resources belong to no root: always 0 here).
        public var summary: Summary

        public init(name: String, path: String, stateSource: String?, accounts: [String] = [], summary: Summary = Summary()) {
            self.name = name
            self.path = path
            self.stateSource = stateSource
            self.accounts = accounts
            self.summary = summary
        }

        public var jsonValue: Value {
            var doc: [String: Value] = [
                "name": .string(name), "path": .string(path), "stateSource": stateSource.map(Value.string) ?? .null,
                "summary": .object([
                    "managed": .number(Double(summary.managed)), "inSync": .number(Double(summary.inSync)),
                    "drifted": .number(Double(summary.drifted)), "missing": .number(Double(summary.missing)),
                    "orphaned": .number(Double(summary.orphaned)), "errors": .number(Double(summary.errors)),
                ]),
            ]
            if !accounts.isEmpty { doc["accounts"] = .array(accounts.map(Value.string)) }
            return .object(doc)
        }
    }

    /// One report of several, one per scanned region (provider configuration): counts added,
    /// findings and errors together, warnings once each; with more than one region every finding
    /// says which.
    public static func merging(_ reports: [Report]) -> Report? {
        guard var merged = reports.first else { return nil }
        let regions = Array(Set(reports.map(\.region))).sorted()
        guard reports.count > 1 else { return merged }
        var findings: [Finding] = []
        var seen: Set<String> = []
        var summary = Summary()
        for report in reports {
            for var finding in report.findings {
                // Two configurations in one region read the same inventory: one finding each.
                if finding.kind == .unmanaged, !seen.insert("\(finding.type) \(finding.id ?? "")").inserted { continue }
                if regions.count > 1 { finding.region = report.region }
                findings.append(finding)
            }
            let s = report.summary
            summary.managed += s.managed
            summary.inSync += s.inSync
            summary.drifted += s.drifted
            summary.missing += s.missing
            summary.orphaned += s.orphaned
            summary.errors += s.errors
        }
        summary.unmanaged = findings.filter { $0.kind == .unmanaged }.count
        let errors = Array(Set(reports.flatMap(\.errors)))
        summary.errors = errors.count
        var warnings: [BaselineWarning] = []
        var known: Set<BaselineWarning> = []
        for warning in reports.flatMap(\.warnings) where known.insert(warning).inserted { warnings.append(warning) }
        merged = Report(
            scannedAt: merged.scannedAt, baseline: merged.baseline, region: merged.region, stateSource: merged.stateSource,
            summary: summary, findings: findings, errors: errors, warnings: warnings)
        merged.regions = regions
        return merged
    }
}
