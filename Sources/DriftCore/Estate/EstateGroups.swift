import AWSClient
import DriftModel
import Estate

/// One live read: an account's region through one connection (profile, role), and every
/// provider configuration of every root that plans with it. However many roots share an
/// account and region, its inventory is read once here.
struct ScanGroup: Sendable {
    struct Member: Sendable, Hashable {
        /// Index into the prepared units.
        var unit: Int
        /// Index into that unit's provider targets.
        var target: Int
    }

    var account: EstateAccount?
    var connection: ScanTarget.Connection
    var client: AWSClient
    var members: [Member]

    var region: String { connection.region }
    var target: EstateTarget { EstateTarget(account: account?.name ?? EstateGroups.ambientAccount, region: region) }
}

/// Groups the prepared units' provider configurations into live reads, adds the regions an
/// account lists that no root deploys in (inventoried for unmanaged resources only), and says
/// which (account, region) targets exist for `--shard` to choose from.
enum EstateGroups {
    /// The target account name when no `account` block is configured.
    static let ambientAccount = "default"

    struct Key: Hashable {
        var account: String?
        var connection: ScanTarget.Connection
    }

    /// Units' provider targets in order, one group per distinct (account, connection).
    static func group(_ units: [PreparedUnit]) -> [ScanGroup] {
        var groups: [ScanGroup] = []
        var index: [Key: Int] = [:]
        for (u, prepared) in units.enumerated() {
            for (t, target) in prepared.setup.targets.targets.enumerated() {
                let key = Key(account: prepared.accountName, connection: target.connection)
                if let g = index[key] {
                    groups[g].members.append(ScanGroup.Member(unit: u, target: t))
                } else {
                    index[key] = groups.count
                    groups.append(ScanGroup(
                        account: prepared.unit.account, connection: target.connection, client: target.client,
                        members: [ScanGroup.Member(unit: u, target: t)]))
                }
            }
        }
        return groups
    }

    /// The regions of `account` no group covers: read with the account's own credentials.
    static func uncoveredRegions(of account: EstateAccount, in groups: [ScanGroup]) -> [String] {
        let covered = Set(groups.filter { $0.account?.name == account.name }.map(\.region))
        return Array(Set(account.regions).subtracting(covered)).sorted()
    }

    /// Per group: the buckets another group of the same account declares and reads in their own
    /// region. Computed over every group (not only a shard's), so all shards agree.
    static func bucketsElsewhere(_ groups: [ScanGroup], units: [PreparedUnit]) -> [Set<String>] {
        bucketsElsewhere(groups.map { group in
            (group.account?.name, group.members.reduce(into: Set<String>()) { $0.formUnion(units[$1.unit].bucketNames(for: $1.target)) })
        })
    }

    /// Per group (its account and the bucket names its roots declare): the names the account's
    /// other groups declare and it does not.
    static func bucketsElsewhere(_ declared: [(account: String?, names: Set<String>)]) -> [Set<String>] {
        declared.indices.map { g in
            var elsewhere: Set<String> = []
            for h in declared.indices where h != g && declared[h].account == declared[g].account {
                elsewhere.formUnion(declared[h].names)
            }
            return elsewhere.subtracting(declared[g].names)
        }
    }
}
