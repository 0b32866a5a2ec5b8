import DriftModel
import Estate

/// One report of an estate scan from its parts: findings named by root (several roots), account
/// (several accounts) and region (several regions), an account's unmanaged resource once, the
/// summary added up over the roots, and `roots` with each root's own counts.
struct EstateReport {
    var config: EstateConfig
    /// Every root of the configuration (in a shard, also those it did not set up).
    var rootNames: [String]
    var units: [PreparedUnit]
    var parts: [ScanSession.Outcome.Part]
    var errors: [ReadError]
    var regionsConfigured: Set<String> = []

    func report(scannedAt: String, region: String) -> Report {
        let rootNames = self.rootNames.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let regions = Set(parts.map(\.region))
        let severalRegions = regions.union(regionsConfigured).count > 1
        let severalRoots = rootNames.count > 1
        let severalAccounts = config.accounts.count > 1
        var findings: [Finding] = []
        var seen: Set<String> = []
        var summary = Report.Summary()
        var managedByType: [String: Int] = [:]
        for part in parts {
            for finding in part.report.findings {
                if finding.kind == .unmanaged, !seen.insert("\(part.account ?? "") \(finding.type) \(finding.id ?? "")").inserted { continue }
                findings.append(finding)
            }
            guard part.root != nil else { continue }
            summary.add(part.report.summary)
            for (type, count) in part.report.summary.coverage.byType { managedByType[type, default: 0] += count.managed }
        }
        var allErrors = Array(Set(parts.flatMap(\.report.errors) + errors))
        func scrub<T>(_ value: inout T, _ root: WritableKeyPath<T, String?>, _ account: WritableKeyPath<T, String?>,
            _ region: WritableKeyPath<T, String?>) {
            if !severalRoots { value[keyPath: root] = nil }
            if !severalAccounts { value[keyPath: account] = nil }
            if !severalRegions { value[keyPath: region] = nil }
        }
        for i in findings.indices { scrub(&findings[i], \.root, \.account, \.region) }
        for i in allErrors.indices { scrub(&allErrors[i], \.root, \.account, \.region) }
        allErrors = Array(Set(allErrors))
        summary.unmanaged = findings.filter { $0.kind == .unmanaged }.count
        summary.errors = allErrors.count
        var byType: [String: Coverage.Count] = [:]
        for type in ResourceType.all.filter(\.inventoried).map(\.name) {
            byType[type] = Coverage.Count(
                managed: managedByType[type] ?? 0, unmanaged: findings.filter { $0.kind == .unmanaged && $0.type == type }.count)
        }
        summary.coverage = Coverage(byType: byType)
        var warnings: [BaselineWarning] = []
        var known: Set<BaselineWarning> = []
        for warning in parts.flatMap(\.report.warnings) where known.insert(warning).inserted { warnings.append(warning) }
        let inSync = parts.flatMap { part in
            part.report.inSyncResources.map { resource in
                var resource = resource
                if severalRoots, let root = part.root { resource.address = "\(root.name): \(resource.address)" }
                return resource
            }
        }
        var report = Report(
            scannedAt: scannedAt, baseline: config.file ?? rootNames.joined(separator: ", "), region: region,
            stateSource: rootNames.count == 1 && units.count == 1 ? units[0].setup.state?.source : nil, summary: summary, findings: findings,
            errors: allErrors, warnings: warnings, inSyncResources: inSync)
        if regions.count > 1 { report.regions = regions.sorted() }
        if severalAccounts { report.accounts = config.accounts.map(\.name).sorted() }
        if severalRoots {
            report.roots = rootNames.map { name in
                let own = units.filter { $0.name == name }
                var rootSummary = Report.Summary()
                for part in parts where part.root?.name == name { rootSummary.add(part.report.summary) }
                rootSummary.errors = allErrors.filter { $0.root == name }.count
                return Report.Root(
                    name: name, path: own.first?.unit.root.path ?? config.roots.first { $0.name == name }?.path ?? name, stateSource: own.first?.setup.state?.source,
                    accounts: own.compactMap(\.accountName), summary: rootSummary)
            }
        }
        return report
    }

    /// Two roots of one account whose declarations are the same live resource: Terraform would
    /// fight itself over it. One error per resource, naming every root and address.
    static func declaredTwice(groups: [(ScanGroup, [MatchResult])], units: [PreparedUnit]) -> [ReadError] {
        declaredTwice(groups.map { group, matches in
            (group.account?.name, group.region, zip(group.members, matches).map { (units[$0.unit].name, $1) })
        })
    }

    /// The same over plain values: per target, its account, region and each root's match.
    static func declaredTwice(_ targets: [(account: String?, region: String, roots: [(root: String, match: MatchResult)])]) -> [ReadError] {
        struct Key: Hashable { var account: String?; var type: String; var id: String }
        var claims: [Key: [(root: String, address: String, region: String)]] = [:]
        for target in targets {
            for (root, match) in target.roots {
                for m in match.matches {
                    guard case .found(let live) = m.outcome else { continue }
                    claims[Key(account: target.account, type: live.type, id: live.id), default: []]
                        .append((root, m.declared.address, target.region))
                }
            }
        }
        return claims.compactMap { key, declarers -> ReadError? in
            let sorted = declarers.sorted { ($0.root, $0.address) < ($1.root, $1.address) }
            guard Set(sorted.map(\.root)).count > 1 else { return nil }
            let named = sorted.map { "\($0.root) (\($0.address))" }
            var error = ReadError(
                service: ResourceType.named(key.type)?.service.rawValue ?? "drift", operation: "Match", resource: key.id,
                code: "DeclaredTwice",
                message: "\(key.type) \(key.id) is declared by more than one root: \(named.joined(separator: " and "))")
            error.account = key.account
            error.region = sorted.first?.region
            return error
        }.sorted()
    }
}

extension Report.Summary {
    /// Adds another part's declared-resource counts (unmanaged and errors are counted once, over
    /// the whole report, by the caller).
    mutating func add(_ other: Report.Summary) {
        managed += other.managed
        inSync += other.inSync
        drifted += other.drifted
        missing += other.missing
        orphaned += other.orphaned
    }
}
