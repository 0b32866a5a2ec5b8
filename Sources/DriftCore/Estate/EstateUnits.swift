import DriftModel
import Estate
import Foundation

/// One root evaluated for one account: the unit a baseline is loaded, its state located and its
/// declarations matched for. A root deployed in two accounts is two units.
struct RootUnit: Sendable {
    var root: EstateRoot
    var account: EstateAccount?
    /// The shared settings with this root's directory, variables, state and account.
    var settings: SessionSettings

    /// The account its targets are named by: the `account` block's label, else `default`.
    var targetAccount: String { account?.name ?? EstateGroups.ambientAccount }

    /// Every (root, account) pair a configuration scans, identical roots once: the same
    /// directory with the same var files, vars and state is one evaluation, named as first given.
    static func units(of config: EstateConfig, shared: SessionSettings, clients: AccountClients) -> [RootUnit] {
        let accounts: [EstateAccount?] = config.accounts.isEmpty ? [nil] : config.accounts
        var seen: Set<RootKey> = []
        var units: [RootUnit] = []
        for root in config.roots where seen.insert(RootKey(root)).inserted {
            for account in accounts where account.map({ root.accounts?.contains($0.name) ?? true }) ?? true {
                var settings = shared
                settings.baselineDirectory = root.path
                // Per-root files and values first: the command line's win, as later -var-file do.
                settings.varFiles = root.varFiles + shared.varFiles
                settings.vars = root.vars + shared.vars
                settings.statePath = root.state ?? shared.statePath
                settings.ignorePatterns = config.ignore + shared.ignorePatterns
                settings.account = account.map { AccountScope(account: $0, clients: clients) }
                units.append(RootUnit(root: root, account: account, settings: settings))
            }
        }
        return units
    }

    /// What makes two roots the same evaluation.
    struct RootKey: Hashable {
        var path: String
        var varFiles: [String]
        var vars: [String]
        var state: String?

        init(_ root: EstateRoot) {
            path = Self.standardized(root.path)
            varFiles = root.varFiles.map(Self.standardized)
            vars = root.vars
            state = root.state.map { $0.hasPrefix("s3://") ? $0 : Self.standardized($0) }
        }

        static func standardized(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.path
        }
    }
}

/// A unit with its baseline evaluated and state located, split per provider configuration.
struct PreparedUnit: Sendable {
    var unit: RootUnit
    var setup: SessionSetup
    var ignore: DriftIgnore
    /// Declared resources per provider target (`setup.targets.targets` index).
    var slices: [[DeclaredResource]]
    /// State instances per provider target: a recorded resource belongs to its declaration's
    /// configuration, else to the one it was applied with.
    var recorded: [[TerraformState.Instance]]
    var everyAddress: Set<String>
    var targetOfAddress: [String: Int]

    init(unit: RootUnit, setup: SessionSetup) {
        self.unit = unit
        self.setup = setup
        let targets = setup.targets
        var slices = Array(repeating: [DeclaredResource](), count: targets.targets.count)
        for resource in setup.baseline.resources { slices[targets.index(for: resource)].append(resource) }
        self.slices = slices
        everyAddress = Set(setup.baseline.resources.map(\.address))
        let declaredTarget = Dictionary(setup.baseline.resources.map { ($0.address, targets.index(for: $0)) }) { a, _ in a }
        var recorded = Array(repeating: [TerraformState.Instance](), count: targets.targets.count)
        var targetOfAddress: [String: Int] = [:]
        for instance in setup.state?.state.instances.values.sorted(by: { $0.address < $1.address }) ?? [] {
            let index = declaredTarget[instance.address] ?? targets.index(for: instance)
            recorded[index].append(instance)
            targetOfAddress[instance.address] = index
        }
        self.recorded = recorded
        self.targetOfAddress = targetOfAddress
        ignore = DriftIgnore.load(directory: unit.settings.baselineDirectory)
            .appending(DriftIgnore(patterns: unit.settings.ignorePatterns))
    }

    var state: TerraformState? { setup.state?.state }
    var name: String { unit.root.name }
    var accountName: String? { unit.account?.name }

    /// The baseline as provider configuration `index` plans it: only its declarations.
    func baseline(for index: Int) -> Baseline {
        var baseline = setup.baseline
        baseline.resources = slices[index]
        return baseline
    }

    /// Live `type id`s the state records: claimed whatever is scanned (known offline, so every
    /// shard agrees on them).
    var stateClaims: Set<String> {
        var claims: Set<String> = []
        for instance in state.map({ Array($0.instances.values) }) ?? [] where ResourceType.named(instance.type) != nil {
            if let id = instance.liveID { claims.insert("\(instance.type) \(id)") }
        }
        return claims
    }

    /// Bucket names provider configuration `index` declares (or its state records).
    func bucketNames(for index: Int) -> Set<String> {
        ScanSession.declaredBucketNames(baseline(for: index), recorded: recorded[index])
    }
}
