import AWSClient
import DriftModel
import Estate
import Foundation
import Scanner

/// `drift scan` over an estate: every root of the configuration in every account it is
/// deployed in, each (account, region, connection) read once for all of them, unmanaged
/// resources decided by the declarations of every root in the account. With one root and no
/// accounts it is the single-root scan, and its report is exactly that scan's.
public struct EstateScan: Sendable {
    public var config: EstateConfig
    /// The command line's settings: `--var-file`/`--var`/`--ignore` apply to every root.
    public var settings: SessionSettings
    /// `--shard I/N`: the (account, region) targets this process scans, of all of them.
    public var select: @Sendable ([EstateTarget]) -> [EstateTarget]
    public var notice: @Sendable (String) -> Void
    public var progress: (@Sendable (ScanProgress) -> Void)?
    /// Roots evaluated, and targets read, at once.
    public var inFlight = 4

    public init(
        config: EstateConfig, settings: SessionSettings, select: @escaping @Sendable ([EstateTarget]) -> [EstateTarget] = { $0 },
        notice: @escaping @Sendable (String) -> Void = { _ in }, progress: (@Sendable (ScanProgress) -> Void)? = nil
    ) {
        self.config = config
        self.settings = settings
        self.select = select
        self.notice = notice
        self.progress = progress
    }

    public func run(now: Date = Date()) async throws(DriftCoreError) -> ScanSession.Outcome {
        let clients = AccountClients(settings: settings)
        let units = RootUnit.units(of: config, shared: settings, clients: clients)
        guard !units.isEmpty else { throw .invalidArgument("nothing to scan: no root (--baseline, or root blocks in drift.hcl)") }
        let estate = Set(units.map(\.root.name)).count > 1 || !config.accounts.isEmpty
        var targetErrors: [(target: EstateTarget?, error: ReadError)] = []
        var prepared: [PreparedUnit] = []
        for (unit, result) in zip(units, await prepare(units)) {
            switch result {
            case .success(let setup): prepared.append(PreparedUnit(unit: unit, setup: setup))
            case .failure(let failure) where unit.account != nil && failure.isReachability:
                var error = ReadError(
                    service: "sts", operation: "Connect", resource: unit.account?.name, code: Self.code(of: failure.description),
                    message: "root \(unit.root.name) in account \(unit.account?.name ?? ""): \(failure.description)")
                error.root = unit.root.name
                error.account = unit.account?.name
                targetErrors.append((nil, error))
            case .failure(let error): throw error
            }
        }
        var groups = EstateGroups.group(prepared)
        for account in config.accounts {
            for region in EstateGroups.uncoveredRegions(of: account, in: groups) {
                var accountSettings = settings
                accountSettings.account = AccountScope(account: account, clients: clients)
                let target = EstateTarget(account: account.name, region: region)
                do {
                    let client = try await SessionSetup.makeClient(
                        region: region, profile: nil, roleARN: nil, sessionName: nil, externalID: nil, settings: accountSettings)
                    groups.append(ScanGroup(
                        account: account,
                        connection: ProviderTarget.Connection(
                            region: region, profile: account.profile, roleARN: account.roleARN,
                            sessionName: account.sessionName, externalID: account.externalID),
                        client: client, members: []))
                } catch {
                    targetErrors.append((target, Self.targetError(target, reason: error.description)))
                }
            }
        }
        // Every shard sees every target, and picks its own: an account that could not be set up
        // is reported by every shard that scans one of its targets, since any of them may hold
        // what the failed root declares (a shard's report is never clean when that is unknown).
        var allTargets = Set(groups.map(\.target))
        for (_, error) in targetErrors where error.region == nil {
            let account = error.account ?? EstateGroups.ambientAccount
            if !allTargets.contains(where: { $0.account == account }) { allTargets.insert(EstateTarget(account: account, region: "")) }
        }
        let selected = Set(select(allTargets.sorted()))
        let elsewhere = EstateGroups.bucketsElsewhere(groups, units: prepared)
        let scanned = groups.indices.filter { selected.contains(groups[$0].target) }
        var results: [Int: GroupScan] = [:]
        for (g, result) in await scanGroups(scanned.map { (groups[$0], elsewhere[$0]) }, units: prepared, now: now).enumerated() {
            switch result {
            case .success(let scan): results[scanned[g]] = scan
            case .failure(let error):
                let group = groups[scanned[g]]
                guard estate else {
                    throw .aws(doing: "scanning \(group.region)", reason: SessionSetup.explain(error, baseline: prepared[0].setup.baseline))
                }
                targetErrors.append((group.target, Self.targetError(group.target, reason: "\(error)")))
            }
        }
        let reportedErrors = targetErrors.compactMap { entry -> ReadError? in
            if let target = entry.target { return selected.contains(target) ? entry.error : nil }
            let account = entry.error.account ?? EstateGroups.ambientAccount
            return selected.contains { $0.account == account } ? entry.error : nil
        }
        return try EstateAssembly(
            config: config, settings: settings, estate: estate, units: prepared, groups: groups, scans: results,
            extraErrors: reportedErrors, regionsConfigured: Set(allTargets.map(\.region).filter { !$0.isEmpty }),
            unsettledAccounts: Set(targetErrors.filter { $0.target == nil }.compactMap(\.error.account)), now: now
        ).outcome()
    }

    static func targetError(_ target: EstateTarget, reason: String) -> ReadError {
        var error = ReadError(
            service: "drift", operation: "Scan", resource: target.description, code: Self.code(of: reason),
            message: "\(target.account) in \(target.region) could not be scanned: \(reason)")
        error.account = target.account
        error.region = target.region
        return error
    }

    /// The AWS error code in a failure's text (`AccessDenied`), else `Unreachable`.
    static func code(of reason: String) -> String {
        for code in ["AccessDenied", "InvalidClientTokenId", "UnrecognizedClientException", "AuthFailure", "OptInRequired",
            "ExpiredToken", "NoCredentials"] where reason.contains(code) { return code }
        return "Unreachable"
    }

    /// Loads every unit's baseline and state, a few at once; results in the units' order.
    private func prepare(_ units: [RootUnit]) async -> [Result<SessionSetup, DriftCoreError>] {
        let notice = self.notice
        return await Self.bounded(units, limit: inFlight) { unit in
            do throws(DriftCoreError) {
                return .success(try await SessionSetup.prepare(unit.settings, notice: notice))
            } catch { return .failure(error) }
        }
    }

    private func scanGroups(
        _ work: [(ScanGroup, Set<String>)], units: [PreparedUnit], now: Date
    ) async -> [Result<GroupScan, any Error>] {
        let settings = self.settings
        let progress = self.progress
        let shared = DriftIgnore(patterns: config.ignore + settings.ignorePatterns)
        return await Self.bounded(work, limit: inFlight) { item in
            do {
                return .success(try await GroupScan.read(
                    item.0, elsewhere: item.1, units: units, sharedIgnore: shared, concurrency: settings.concurrency,
                    progress: progress, now: now))
            } catch { return .failure(error) }
        }
    }

    /// `transform` over `items`, at most `limit` at once, results in order.
    static func bounded<T: Sendable, R: Sendable>(
        _ items: [T], limit: Int, _ transform: @escaping @Sendable (T) async -> R
    ) async -> [R] {
        await withTaskGroup(of: (Int, R).self) { group in
            var results = [R?](repeating: nil, count: items.count)
            var next = 0
            func start() {
                guard next < items.count else { return }
                let index = next
                let item = items[index]
                group.addTask { (index, await transform(item)) }
                next += 1
            }
            for _ in 0..<max(1, limit) { start() }
            while let (index, result) = await group.next() {
                results[index] = result
                start()
            }
            return results.compactMap { $0 }
        }
    }
}

extension DriftCoreError {
    /// A failure to reach AWS (credentials, roles, the network), not a mistake in the files.
    var isReachability: Bool {
        switch self {
        case .accountUnreachable, .aws: return true
        default: return false
        }
    }
}

/// One group's live read and every member's match against it.
struct GroupScan: Sendable {
    var snapshot: Snapshot
    /// Aligned with the group's members.
    var matches: [MatchResult]
    /// Each member's declarations as matched: evaluated again with what their neighbours are
    /// live (`ReferenceRefinement`). Aligned with the group's members.
    var baselines: [Baseline]
    /// A group no root plans with: its inventory matched against nothing.
    var inventory: MatchResult?

    static func read(
        _ group: ScanGroup, elsewhere: Set<String>, units: [PreparedUnit], sharedIgnore: DriftIgnore, concurrency: Int,
        progress: (@Sendable (ScanProgress) -> Void)?, now: Date
    ) async throws -> GroupScan {
        var options = ScanOptions()
        options.concurrency = max(1, concurrency)
        var declared: [String: Set<String>] = [:]
        var silenced: Set<String> = []
        for member in group.members {
            let unit = units[member.unit]
            let own = ScanSession.options(
                for: unit.baseline(for: member.target), recorded: unit.recorded[member.target], concurrency: concurrency)
            for (type, arguments) in own.declaredArguments ?? [:] { declared[type, default: []].formUnion(arguments) }
            options.bucketsAnyRegion.formUnion(own.bucketsAnyRegion)
            silenced.formUnion(ResourceType.all.map(\.name).filter(unit.ignore.silencesUnmanaged))
        }
        if group.members.isEmpty { silenced = Set(ResourceType.all.map(\.name).filter(sharedIgnore.silencesUnmanaged)) }
        options.declaredArguments = declared
        options.silencedTypes = silenced
        options.bucketsElsewhere = elsewhere
        let scanner = LiveScanner(client: group.client, options: options, progress: progress)
        let snapshot = try await scanner.snapshot(now: now)
        let members = group.members.map { (units[$0.unit].baseline(for: $0.target), units[$0.unit].state) }
        let completed = await InstanceAttributeFetch.complete(snapshot, members: members, scanner: scanner)
        var matches: [MatchResult] = []
        var baselines: [Baseline] = []
        for member in group.members {
            let unit = units[member.unit]
            let first = unit.baseline(for: member.target)
            var (baseline, match) = await ReferenceRefinement.refine(
                first, match: Matcher(baseline: first, snapshot: completed, state: unit.state).match(), unit: unit,
                target: member.target, snapshot: completed)
            // An orphan is declared by no file and was applied with this configuration.
            match.orphaned.removeAll { orphan in
                unit.everyAddress.contains(orphan.address) || unit.targetOfAddress[orphan.address] != member.target
            }
            matches.append(match)
            baselines.append(baseline)
        }
        let inventory = group.members.isEmpty ? Matcher(baseline: Baseline(), snapshot: completed, state: nil).match() : nil
        return GroupScan(snapshot: completed, matches: matches, baselines: baselines, inventory: inventory)
    }
}
