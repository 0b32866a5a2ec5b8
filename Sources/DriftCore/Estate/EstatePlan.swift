import DriftModel
import Estate
import Foundation
import Terraform

/// What every shard knows about a (root, account) unit before anything is set up: the regions
/// its provider configurations name, worked out offline (no credentials, no call), or why its
/// files cannot be evaluated at all.
///
/// The (account, region) targets `--shard` deals out are these regions and the accounts' own, so
/// every shard computes the same targets without setting up an account; it then sets up only the
/// accounts it holds a target in, and evaluates live (data sources, state) only their roots. An
/// account is the unit, not a root: what one root of an account declares (buckets are global, its
/// state's claims, whether it could be set up at all) decides what is unmanaged in every region of
/// the account.
enum UnitPlan: Sendable {
    /// The unit's provider configurations connect in these regions.
    case regions(Set<String>)
    /// The root's files have errors: the same in every account and every shard.
    case broken(DriftCoreError)
    /// A provider's region is known only when planning (it reads a data source, or falls back to a
    /// profile's region): set up live by every shard, as targets cannot be known otherwise.
    case live

    var regions: Set<String>? {
        if case .regions(let regions) = self { return regions }
        return nil
    }

    /// One plan per unit, each root evaluated once (offline) for all the accounts it is deployed in,
    /// and by root name the baselines that are already the plan's (their roots read no data
    /// source), so a root is not evaluated twice.
    static func plans(of units: [RootUnit], inFlight: Int) async -> (plans: [UnitPlan], evaluated: [String: Baseline]) {
        var firstOfRoot: [String: Int] = [:]
        for (i, unit) in units.enumerated() where firstOfRoot[unit.root.name] == nil { firstOfRoot[unit.root.name] = i }
        let roots = firstOfRoot.values.sorted()
        let baselines = await EstateScan.bounded(roots, limit: inFlight) { index in
            let settings = units[index].settings
            var loader = BaselineLoader(
                directory: settings.baselineDirectory, varFiles: settings.varFiles, vars: settings.vars,
                environment: settings.environment, workspace: settings.workspace)
            let probe = OfflineProbe()
            loader.dataSourceReader = probe
            return (await SessionSetup.loadOffThePool(loader), probe.readsData)
        }
        let byRoot = Dictionary(uniqueKeysWithValues: zip(roots.map { units[$0].root.name }, baselines))
        let evaluated = byRoot.compactMapValues { $0.1 || $0.0.hasErrors ? nil : $0.0 }
        let plans = units.map { unit -> UnitPlan in
            guard let evaluated = byRoot[unit.root.name] else { return .live }
            let (baseline, readsData) = evaluated
            if baseline.hasErrors {
                // Offline, what a data source gives is unknown (a `count` of it is an error):
                // only a root that reads none is known broken before it is set up.
                return readsData ? .live : .broken(.invalidBaseline(baseline.diagnostics.filter { $0.severity == .error }))
            }
            return regions(of: baseline, settings: unit.settings).map(UnitPlan.regions) ?? .live
        }
        return (plans, evaluated)
    }

    /// The regions `ProviderTargets.build` will connect in, as `SessionSetup.makeClient` picks the
    /// default configuration's: the flags', the block's, the environment's, else the account's first
    /// region; an alias without a region takes the environment's, else the default's. `nil` when
    /// that needs more than the files and the environment (a value read live, a profile's region).
    static func regions(of baseline: Baseline, settings: SessionSettings) -> Set<String>? {
        let providers = [baseline.provider] + Array(baseline.aliasedProviders.values)
        guard !providers.contains(where: \.connectionUnknown) else { return nil }
        let environment = [settings.environment["AWS_REGION"], settings.environment["AWS_DEFAULT_REGION"]]
            .compactMap { $0 }.first { !$0.isEmpty }
        let candidates = [settings.region ?? baseline.provider.region, environment, settings.account?.account.regions.first]
        guard let main = candidates.compactMap({ $0 }).first(where: { !$0.isEmpty }) else { return nil }
        var regions: Set<String> = [main]
        for provider in baseline.aliasedProviders.values { regions.insert(provider.region ?? environment ?? main) }
        return regions
    }
}

/// A data source reader that reads nothing (every data source stays unknown, as with no reader)
/// and notes that the configuration asked: then an offline evaluation is not the plan's.
///
/// The evaluator asks from its worker threads, hence the lock; it guards one flag.
final class OfflineProbe: DataSourceReader, @unchecked Sendable {
    private let lock = NSLock()
    private var asked = false

    var readsData: Bool { lock.withLock { asked } }

    func reads(_ type: String) -> Bool {
        lock.withLock { asked = true }
        return false
    }

    func read(_ request: DataSourceRequest) -> DataSourceAnswer {
        .failed("drift reads no data source offline")
    }
}
