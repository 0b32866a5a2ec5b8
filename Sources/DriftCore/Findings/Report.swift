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
        public var unmanaged = 0
        public var errors = 0

        public init(managed: Int = 0, inSync: Int = 0, drifted: Int = 0, missing: Int = 0, unmanaged: Int = 0, errors: Int = 0) {
            self.managed = managed
            self.inSync = inSync
            self.drifted = drifted
            self.missing = missing
            self.unmanaged = unmanaged
            self.errors = errors
        }

        public var jsonValue: Value {
            .object([
                "managed": .number(Double(managed)), "inSync": .number(Double(inSync)),
                "drifted": .number(Double(drifted)), "missing": .number(Double(missing)),
                "unmanaged": .number(Double(unmanaged)), "errors": .number(Double(errors)),
            ])
        }
    }

    public var scannedAt: String
    /// The baseline directory as the user named it.
    public var baseline: String
    public var region: String
    /// `s3://bucket/key`, a file path, or `nil` when the scan ran without state.
    public var stateSource: String?
    public var summary: Summary
    /// Sorted by (kind, address, type, id).
    public var findings: [Finding]
    /// Resources or settings that could not be read, and resources that could not be identified.
    public var errors: [ReadError]
    public var warnings: [BaselineWarning]
    /// With a history: findings of the previous scan of the same target that this scan no longer
    /// finds, each with `resolvedAt`. `nil` without a history (the key is then absent).
    public var resolved: [Finding]?

    public init(
        scannedAt: String, baseline: String, region: String, stateSource: String?, summary: Summary,
        findings: [Finding], errors: [ReadError], warnings: [BaselineWarning]
    ) {
        self.scannedAt = scannedAt
        self.baseline = baseline
        self.region = region
        self.stateSource = stateSource
        self.summary = summary
        self.findings = Finding.sortedByContract(findings)
        self.errors = errors.sorted()
        self.warnings = warnings
    }

    /// The exit code of `terraform plan -detailed-exitcode`'s kind: 2 when a finding of a kind in
    /// `failOn` exists or anything could not be read (an incomplete scan is never clean), else 0.
    public func exitCode(failOn: Set<Finding.Kind>) -> Int32 {
        if !errors.isEmpty { return 2 }
        return findings.contains { failOn.contains($0.kind) } ? 2 : 0
    }

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
            "region": .string(region),
            "stateSource": stateSource.map(Value.string) ?? .null,
            "summary": summary.jsonValue,
            "findings": .array(findings.map(\.jsonValue)),
            "errors": .array(errors.map(\.jsonValue)),
            "warnings": .array(warnings.map(\.jsonValue)),
        ]
        if let resolved { doc["resolved"] = .array(resolved.map(\.jsonValue)) }
        return .object(doc)
    }
}
