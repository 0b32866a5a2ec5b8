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
        // Offline first, in every shard alike: each unit's regions (so the targets, and which
        // shard owns each), or that its files are broken. One root alone is set up as it always was.
        var (plans, evaluated): ([UnitPlan], [String: Baseline]) = (units.map { _ in .live }, [:])
        if estate { (plans, evaluated) = await UnitPlan.plans(of: units, inFlight: inFlight) }
        var failures: [UnitFailure] = []
        var prepared: [Int: PreparedUnit] = [:]
        var told: Set<String> = []
        for (i, plan) in plans.enumerated() {
            guard case .broken(let error) = plan else { continue }
            failures.append(UnitFailure(units[i], error))
            if told.insert(units[i].root.name).inserted { notice("root \(units[i].root.name) is not scanned: \(error.description)") }
        }
        // Units whose regions are known only live are set up by every shard, before the split.
        let early = plans.indices.filter { if case .live = plans[$0] { return true } else { return false } }
        for (i, result) in zip(early, await prepare(early.map { units[$0] })) {
            switch result {
            case .success(let setup): prepared[i] = PreparedUnit(unit: units[i], setup: setup)
            case .failure(let error) where estate && !(units[i].account == nil && error.isReachability):
                failures.append(UnitFailure(units[i], error))
            case .failure(let error): throw error
            }
        }
        var regions: [String: Set<String>] = [:]
        for (i, plan) in plans.enumerated() { if let own = plan.regions { regions[units[i].targetAccount, default: []].formUnion(own) } }
        for unit in prepared.values { regions[unit.unit.targetAccount, default: []].formUnion(unit.setup.targets.regions) }
        for account in config.accounts { regions[account.name, default: []].formUnion(account.regions) }
        var allTargets = Set(regions.flatMap { account, names in names.map { EstateTarget(account: account, region: $0) } })
        // An account where a root could not be set up is reported by every shard that scans one of
        // its targets, since any of them may hold what the root declares (a shard's report is never
        // clean when that is unknown); with no target at all, by the shard that gets this one.
        for failure in failures where !allTargets.contains(where: { $0.account == failure.account }) {
            allTargets.insert(EstateTarget(account: failure.account, region: ""))
        }
        let selected = Set(select(allTargets.sorted()))
        let held = Set(selected.map(\.account))
        // Live: only the roots of the accounts this shard holds a target in, so only those
        // accounts are set up (AssumeRole, data sources, state).
        let late = plans.indices.filter { plans[$0].regions != nil && held.contains(units[$0].targetAccount) }
        // Roots of other accounts are not kept; a root this shard sets up is evaluated once.
        evaluated = evaluated.filter { name, _ in late.contains { units[$0].root.name == name } }
        for (i, result) in zip(late, await prepare(late.map { units[$0] }, evaluated: evaluated)) {
            switch result {
            case .success(let setup) where Set(setup.targets.regions) == plans[i].regions:
                prepared[i] = PreparedUnit(unit: units[i], setup: setup)
            case .success(let setup):
                failures.append(UnitFailure(units[i], .invalidArgument(
                    "its provider regions are \(setup.targets.regions.joined(separator: ", ")) when planned, not "
                        + "\((plans[i].regions ?? []).sorted().joined(separator: ", ")) as its files say offline")))
            case .failure(let error) where !(units[i].account == nil && error.isReachability):
                failures.append(UnitFailure(units[i], error))
            case .failure(let error): throw error
            }
        }
        let ready = prepared.keys.sorted().compactMap { prepared[$0] }
        var groups = EstateGroups.group(ready)
        var targetErrors: [(target: EstateTarget, error: ReadError)] = []
        for account in config.accounts where held.contains(account.name) {
            for region in EstateGroups.uncoveredRegions(of: account, in: groups) {
                let target = EstateTarget(account: account.name, region: region)
                guard selected.contains(target) else { continue }
                var accountSettings = settings
                accountSettings.account = AccountScope(account: account, clients: clients)
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
                    targetErrors.append((target, Self.targetError(target, code: error.reportCode, reason: error.description)))
                }
            }
        }
        let elsewhere = EstateGroups.bucketsElsewhere(groups, units: ready)
        let scanned = groups.indices.filter { selected.contains(groups[$0].target) }
        var results: [Int: GroupScan] = [:]
        for (g, result) in await scanGroups(scanned.map { (groups[$0], elsewhere[$0]) }, units: ready, now: now).enumerated() {
            switch result {
            case .success(let scan): results[scanned[g]] = scan
            case .failure(let error):
                let group = groups[scanned[g]]
                guard estate else {
                    throw .aws(
                        doing: "scanning \(group.region)", reason: SessionSetup.explain(error, baseline: ready[0].setup.baseline),
                        code: Self.code(of: error))
                }
                targetErrors.append((group.target, Self.targetError(group.target, code: Self.code(of: error), reason: "\(error)")))
            }
        }
        let reportedErrors = targetErrors.map(\.error) + failures.flatMap { $0.errors(in: selected) }
        return try EstateAssembly(
            config: config, settings: settings, estate: estate, rootNames: units.map(\.root.name), units: ready, groups: groups,
            scans: results, extraErrors: reportedErrors, regionsConfigured: Set(allTargets.map(\.region).filter { !$0.isEmpty }),
            unsettledAccounts: Set(failures.map(\.account)), now: now
        ).outcome()
    }

    static func targetError(_ target: EstateTarget, code: String, reason: String) -> ReadError {
        var error = ReadError(
            service: "drift", operation: "Scan", resource: target.description, code: code,
            message: "\(target.account) in \(target.region) could not be scanned: \(reason)")
        error.account = target.account
        error.region = target.region
        return error
    }

    /// The `errors` entry code of a failure to read a target: AWS's own code from the typed error
    /// (`AccessDenied`, `OptInRequired`), else `Unreachable`.
    static func code(of error: any Error) -> String {
        switch error {
        case let error as AWSError: return error.code
        case let error as DriftCoreError: return error.reportCode
        case ScanError.listingFailed(_, _, let underlying): return underlying.code
        case ScanError.malformedListing: return "MalformedResponse"
        default: return "Unreachable"
        }
    }

    /// Loads every unit's baseline and state, a few at once; results in the units' order.
    private func prepare(_ units: [RootUnit], evaluated: [String: Baseline] = [:]) async -> [Result<SessionSetup, DriftCoreError>] {
        let notice = self.notice
        return await Self.bounded(units, limit: inFlight) { unit in
            do throws(DriftCoreError) {
                return .success(try await SessionSetup.prepare(unit.settings, evaluated: evaluated[unit.root.name], notice: notice))
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

/// A (root, account) unit that could not be set up. Its account is unsettled: what the root
/// declares there is unknown, so nothing in the account is called unmanaged, and every shard that
/// scans one of the account's targets carries the error.
struct UnitFailure: Sendable {
    /// The target account (`default`: the ambient credentials).
    var account: String
    var error: ReadError
    /// A root that cannot be planned is an error on each of the account's targets; an account's
    /// credentials that cannot be had, one error for the account.
    var perTarget: Bool

    init(_ unit: RootUnit, _ failure: DriftCoreError) {
        account = unit.targetAccount
        let root = unit.root
        if failure.isReachability {
            error = ReadError(
                service: "sts", operation: "Connect", resource: unit.account?.name, code: failure.reportCode,
                message: "root \(root.name) in account \(unit.account?.name ?? ""): \(failure.description)")
            perTarget = false
        } else {
            let reason: String
            if case .invalidBaseline(let diagnostics) = failure {
                let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
                reason = "its files have errors: " + diagnostics.map { "\(base)\($0.location): \($0.message)" }.joined(separator: "; ")
            } else {
                reason = failure.description
            }
            error = ReadError(
                service: "drift", operation: "Plan", resource: root.name, code: failure.reportCode,
                message: "root \(root.name) could not be planned, so nothing it declares was compared: \(reason)")
            perTarget = true
        }
        error.root = root.name
        error.account = unit.account?.name
    }

    /// Its entries in a report of the `selected` targets: none when it holds none of the account's.
    func errors(in selected: Set<EstateTarget>) -> [ReadError] {
        let targets = selected.filter { $0.account == account }.sorted()
        guard !targets.isEmpty else { return [] }
        guard perTarget else { return [error] }
        return targets.map { target in
            var error = self.error
            error.region = target.region.isEmpty ? nil : target.region
            return error
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
