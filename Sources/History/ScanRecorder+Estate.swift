import DriftCore
import DriftModel

/// A scan of several roots or accounts recorded as one history scan per part: each root in each
/// target (`root|account|region`), and each target's unmanaged resources under the root `*`
/// (they belong to the account and region, not to a root). "The previous scan" of a part is
/// then the previous scan of the same root and target, whichever shard made it.
extension ScanRecorder {
    /// The root of the parts holding a target's unmanaged resources.
    public static let unmanagedRoot = "*"

    static func recordParts(
        _ outcome: ScanSession.Outcome, in store: any HistoryStore, policy: FailPolicy, milliseconds: Int
    ) throws(HistoryError) -> RecordedScan {
        var statuses: [String: Finding] = [:]
        var resolved: [Finding] = []
        var firstID: Int64?
        let combined = outcome.report
        for part in outcome.parts {
            let root = part.root.map { ScanTarget.canonicalRoot($0.path) } ?? unmanagedRoot
            let target = ScanTarget(root: root, account: part.snapshot.account ?? part.account, region: part.region)
            var report = part.report
            report.summary.errors = report.errors.count
            let entry = ScanEntry(
                target: target, report: report, snapshot: part.snapshot, addresses: part.addresses,
                durationMilliseconds: milliseconds, failPolicy: policy,
                baselineCommit: part.root.flatMap { GitCommit.of(directory: $0.path) })
            let recorded = try store.record(entry)
            firstID = firstID ?? recorded.id
            for finding in recorded.report.findings {
                statuses[fingerprint(finding, as: combined)] = statuses[fingerprint(finding, as: combined)] ?? finding
            }
            resolved += (recorded.report.resolved ?? []).map { scrubbed($0, as: combined) }
        }
        var report = combined
        report.findings = combined.findings.map { finding in
            guard let annotated = statuses[fingerprint(finding, as: combined)] else { return finding }
            var finding = finding
            (finding.status, finding.firstSeen) = (annotated.status, annotated.firstSeen)
            return finding
        }
        report.resolved = Finding.sortedByContract(resolved)
        return RecordedScan(id: firstID ?? 0, report: report)
    }

    /// A part's finding as the combined report shows it: root, account and region only where
    /// the report names them.
    static func scrubbed(_ finding: Finding, as report: Report) -> Finding {
        var finding = finding
        if report.roots.isEmpty { finding.root = nil }
        if report.accounts.isEmpty { finding.account = nil }
        if report.regions.isEmpty { finding.region = nil }
        return finding
    }

    static func fingerprint(_ finding: Finding, as report: Report) -> String {
        let f = scrubbed(finding, as: report)
        return [f.kind.rawValue, f.address ?? "", f.type, f.id ?? "", f.root ?? "", f.account ?? "", f.region ?? ""]
            .joined(separator: "\u{0}")
    }
}
