import DriftModel
import Estate
import Foundation

/// From the groups' reads to the report: unmanaged resources decided per account over every
/// root's claims, each root's declarations analysed on their own, `DeclaredTwice` where two
/// roots are the same live resource, and one report (`EstateReport`) with per-part reports
/// for the history.
struct EstateAssembly {
    var config: EstateConfig
    var settings: SessionSettings
    /// Several roots or configured accounts: findings name them, targets fail alone.
    var estate: Bool
    /// Every root of the configuration, in order, whether this shard set it up or not: a shard's
    /// report names roots as the whole scan's does.
    var rootNames: [String]
    var units: [PreparedUnit]
    var groups: [ScanGroup]
    var scans: [Int: GroupScan]
    var extraErrors: [ReadError]
    /// The regions of every target, scanned here or by another shard: findings name their region
    /// when there are several, whichever shard reports them.
    var regionsConfigured: Set<String> = []
    /// Accounts where a root could not be set up: what it declares is unknown, so nothing there
    /// is called unmanaged (the root's error says why).
    var unsettledAccounts: Set<String> = []
    var now: Date

    func outcome() throws(DriftCoreError) -> ScanSession.Outcome {
        var scans = self.scans
        let order = scans.keys.sorted()
        // Nothing any root of the account declares (or may be) is unmanaged anywhere in it.
        var claims: [String: Set<String>] = [:]
        for unit in units { claims[unit.accountName ?? "", default: []].formUnion(unit.stateClaims) }
        for g in order {
            for match in scans[g]?.matches ?? [] { claims[groups[g].account?.name ?? "", default: []].formUnion(match.claimed) }
        }
        for g in order {
            let claimed = claims[groups[g].account?.name ?? ""] ?? []
            func unclaimed(_ live: LiveResource) -> Bool { !claimed.contains("\(live.type) \(live.id)") }
            guard var scan = scans[g] else { continue }
            for i in scan.matches.indices { scan.matches[i].unmanaged = scan.matches[i].unmanaged.filter(unclaimed) }
            if var inventory = scan.inventory {
                inventory.unmanaged = inventory.unmanaged.filter(unclaimed)
                scan.inventory = inventory
            }
            scans[g] = scan
        }
        let scannedAt = order.first.flatMap { scans[$0]?.snapshot.takenAt } ?? Self.timestamp(now)
        var snapshot = order.first.flatMap { scans[$0]?.snapshot }
            ?? Snapshot(takenAt: scannedAt, region: settings.region ?? "")
        for g in order.dropFirst() {
            snapshot.resources += scans[g]?.snapshot.resources ?? []
            snapshot.errors += scans[g]?.snapshot.errors ?? []
        }
        var addresses: [String: String] = [:]
        for m in order.flatMap({ scans[$0]?.matches ?? [] }).flatMap(\.matches) {
            if case .found(let live) = m.outcome, addresses[live.type + "\u{0}" + live.id] == nil {
                addresses[live.type + "\u{0}" + live.id] = m.declared.address
            }
        }
        guard estate else {
            let report = try singleRoot(order: order, scans: scans, scannedAt: scannedAt)
            return ScanSession.Outcome(report: report, snapshot: snapshot, addresses: addresses)
        }
        var parts: [ScanSession.Outcome.Part] = []
        for g in order {
            guard let scan = scans[g] else { continue }
            parts += self.parts(of: groups[g], scan: scan, scannedAt: scannedAt)
        }
        let errors = extraErrors + EstateReport.declaredTwice(
            groups: order.map { (groups[$0], scans[$0]?.matches ?? []) }, units: units)
        var report = EstateReport(config: config, rootNames: rootNames, units: units, parts: parts, errors: errors, regionsConfigured: regionsConfigured).report(
            scannedAt: scannedAt, region: order.first.map { groups[$0].region } ?? settings.region ?? "")
        if report.findings.isEmpty && report.errors.isEmpty && order.isEmpty {
            report.warnings.append(BaselineWarning(
                code: "NothingScanned", message: "no target was selected for this shard: nothing was scanned", source: nil))
        }
        return ScanSession.Outcome(report: report, snapshot: snapshot, addresses: addresses, parts: parts)
    }

    /// One root, no accounts: the report as drift has always made it.
    private func singleRoot(order: [Int], scans: [Int: GroupScan], scannedAt: String) throws(DriftCoreError) -> Report {
        var reports: [Report] = []
        for g in order {
            for (i, member) in groups[g].members.enumerated() {
                guard let match = scans[g]?.matches[i] else { continue }
                let unit = units[member.unit]
                let context = DriftAnalyzer.Context(
                    scannedAt: scannedAt, baseline: unit.unit.settings.baselineDirectory, region: groups[g].region,
                    stateSource: unit.setup.state?.source, warnings: unit.setup.warnings)
                let baseline = scans[g]?.baselines[i] ?? unit.baseline(for: member.target)
                reports.append(DriftAnalyzer(baseline: baseline, ignore: unit.ignore).report(match, context: context))
            }
        }
        guard let report = Report.merging(reports) else {
            throw .aws(doing: "scanning", reason: "no provider configuration to scan")
        }
        return report
    }

    /// A group's parts: each member's declarations (root and target named on every finding and
    /// error), then the group's unmanaged resources, silenced by any of its roots' `.driftignore`.
    private func parts(of group: ScanGroup, scan: GroupScan, scannedAt: String) -> [ScanSession.Outcome.Part] {
        var parts: [ScanSession.Outcome.Part] = []
        var unmanaged: [LiveResource] = scan.inventory?.unmanaged ?? []
        var ignore = DriftIgnore(patterns: config.ignore + settings.ignorePatterns)
        let snapshotErrors = Set(scan.snapshot.errors)
        let account = group.account?.name
        func addresses(_ match: MatchResult) -> [String: String] {
            var out: [String: String] = [:]
            for m in match.matches { if case .found(let live) = m.outcome { out[live.type + "\u{0}" + live.id] = m.declared.address } }
            return out
        }
        for (i, member) in group.members.enumerated() {
            let unit = units[member.unit]
            var match = scan.matches[i]
            unmanaged += match.unmanaged
            match.unmanaged = []
            ignore = ignore.appending(unit.ignore)
            let context = DriftAnalyzer.Context(
                scannedAt: scannedAt, baseline: unit.name, region: group.region, stateSource: unit.setup.state?.source,
                warnings: unit.setup.warnings)
            var report = DriftAnalyzer(baseline: scan.baselines[i], ignore: unit.ignore).report(match, context: context)
            report.findings = report.findings.map { finding in
                var finding = finding
                (finding.root, finding.account, finding.region) = (unit.name, account, group.region)
                return finding
            }
            report.errors = report.errors.map { error in
                var error = error
                if !snapshotErrors.contains(error) { error.root = unit.name }
                (error.account, error.region) = (account, group.region)
                return error
            }
            parts.append(ScanSession.Outcome.Part(
                root: unit.unit.root, account: account, region: group.region, report: report, snapshot: scan.snapshot,
                addresses: addresses(match)))
        }
        if unsettledAccounts.contains(account ?? EstateGroups.ambientAccount) { return parts }
        var seen: Set<String> = []
        unmanaged = unmanaged.filter { seen.insert("\($0.type) \($0.id)").inserted }
        let inventory = MatchResult(matches: [], unmanaged: unmanaged, errors: scan.inventory?.errors ?? [])
        let context = DriftAnalyzer.Context(scannedAt: scannedAt, baseline: "", region: group.region, stateSource: nil)
        var report = DriftAnalyzer(baseline: Baseline(), ignore: ignore).report(inventory, context: context)
        report.findings = report.findings.map { finding in
            var finding = finding
            (finding.account, finding.region) = (account, group.region)
            return finding
        }
        report.errors = report.errors.map { error in
            var error = error
            (error.account, error.region) = (account, group.region)
            return error
        }
        parts.append(ScanSession.Outcome.Part(
            root: nil, account: account, region: group.region, report: report, snapshot: scan.snapshot, addresses: [:]))
        return parts
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
