import AWSClient
import DriftModel

/// Where one provider configuration's resources live: a client for its region, profile and role.
/// Provider configurations that resolve to the same connection (two aliases for one region) share
/// one target, so each region and account is read once.
public struct ProviderTarget: Sendable {
    /// The connection as the client resolved it (region from the block, the flags or the environment).
    public struct Connection: Sendable, Hashable {
        public var region: String
        public var profile: String?
        public var roleARN: String?
        public var sessionName: String?
        public var externalID: String?
    }

    public var client: AWSClient
    public var connection: Connection
    public var region: String { connection.region }
}

/// Every provider configuration the baseline names, as scan targets, and which target each
/// declared resource and each state resource belongs to.
public struct ProviderTargets: Sendable {
    /// The default provider's target first, then the others by region.
    public var targets: [ProviderTarget]
    /// Alias key (as `Baseline.aliasedProviders` has it) → index into `targets`.
    var byAlias: [String: Int]

    /// Builds one client per distinct connection. `--region` and `--profile` override the default
    /// provider configuration only; an aliased configuration that sets no region takes the
    /// environment's, else the default configuration's.
    static func build(
        baseline: Baseline, settings: SessionSettings, defaultClient: AWSClient
    ) async throws(DriftCoreError) -> ProviderTargets {
        let main = baseline.provider
        let defaultConnection = ProviderTarget.Connection(
            region: defaultClient.region, profile: settings.profile ?? main.profile, roleARN: main.assumeRoleARN,
            sessionName: main.assumeRoleSessionName, externalID: main.assumeRoleExternalID)
        var targets = [ProviderTarget(client: defaultClient, connection: defaultConnection)]
        var byConnection: [ProviderTarget.Connection: Int] = [defaultConnection: 0]
        var byAlias: [String: Int] = [:]
        let environmentRegion = [settings.environment["AWS_REGION"], settings.environment["AWS_DEFAULT_REGION"]]
            .compactMap { $0 }.first { !$0.isEmpty }
        for (alias, provider) in baseline.aliasedProviders.sorted(by: { $0.key < $1.key }) {
            let connection = ProviderTarget.Connection(
                region: provider.region ?? environmentRegion ?? defaultClient.region,
                profile: provider.profile ?? settings.profile, roleARN: provider.assumeRoleARN,
                sessionName: provider.assumeRoleSessionName, externalID: provider.assumeRoleExternalID)
            if let index = byConnection[connection] {
                byAlias[alias] = index
                continue
            }
            let client: AWSClient
            if connection.profile == defaultConnection.profile && connection.roleARN == defaultConnection.roleARN
                && connection.sessionName == defaultConnection.sessionName && connection.externalID == defaultConnection.externalID
            {
                client = defaultClient.withRegion(connection.region)
            } else {
                client = try await SessionSetup.makeClient(
                    region: connection.region, profile: connection.profile, roleARN: connection.roleARN,
                    sessionName: connection.sessionName, externalID: connection.externalID, settings: settings)
            }
            byConnection[connection] = targets.count
            byAlias[alias] = targets.count
            targets.append(ProviderTarget(client: client, connection: connection))
        }
        return ProviderTargets(targets: targets, byAlias: byAlias)
    }

    /// A single target: the default provider's.
    init(targets: [ProviderTarget], byAlias: [String: Int]) {
        self.targets = targets
        self.byAlias = byAlias
    }

    /// The regions scanned, sorted, each once.
    public var regions: [String] { Array(Set(targets.map(\.region))).sorted() }

    /// The target a declared resource is planned with: its aliased provider's, else the default's.
    func index(for resource: DeclaredResource) -> Int {
        guard let alias = resource.providerAlias else { return 0 }
        let key = alias.hasPrefix("aws.") ? String(alias.dropFirst(4)) : alias
        return byAlias[key] ?? 0
    }

    /// The target a state resource was applied with (its `provider` names the alias).
    func index(for instance: TerraformState.Instance) -> Int {
        guard let alias = instance.providerAlias else { return 0 }
        return byAlias[alias] ?? 0
    }
}
