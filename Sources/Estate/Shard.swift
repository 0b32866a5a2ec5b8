/// One of N copies of the same scan job (`drift scan --shard I/N`, 0-based: `0/4` … `3/4`), as
/// an existing scheduler runs them: a Kubernetes Indexed Job passes `JOB_COMPLETION_INDEX`, a
/// GitHub Actions matrix its index. Each copy scans the (account, region) targets `select` gives
/// it, with every root deployed there, so N copies together scan each target exactly once and
/// each target's unmanaged resources are reported by the one shard that scans it.
///
/// The share depends only on the set of targets, never on the order they were listed in: the
/// targets are sorted by (account, region) and dealt out in turn, so shard sizes differ by at
/// most one, and the regions of one account are spread over the shards (a large account does
/// not land on one machine).
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 0-based, below `count`.
    public let index: Int
    /// How many shards there are, at least 1.
    public let count: Int

    /// Every target, one shard: what a scan without `--shard` covers.
    public static let whole = Shard(uncheckedIndex: 0, count: 1)

    public init(index: Int, count: Int) throws(ShardError) {
        guard count >= 1 else { throw ShardError.noShards(count: count) }
        guard (0..<count).contains(index) else { throw ShardError.indexOutOfRange(index: index, count: count) }
        self.index = index
        self.count = count
    }

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `I/N` as `--shard` takes it: two decimal numbers, `0 <= I < N`.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Self.decimal(parts[0]), let count = Self.decimal(parts[1]) else {
            throw ShardError.malformed(text)
        }
        try self.init(index: index, count: count)
    }

    /// All N shards of a job, in index order.
    public static func all(count: Int) throws(ShardError) -> [Shard] {
        guard count >= 1 else { throw ShardError.noShards(count: count) }
        return (0..<count).map { Shard(uncheckedIndex: $0, count: count) }
    }

    /// This shard's targets, sorted; duplicates in `targets` count once.
    public func select(_ targets: [EstateTarget]) -> [EstateTarget] {
        let ordered = Set(targets).sorted()
        return stride(from: index, to: ordered.count, by: count).map { ordered[$0] }
    }

    public var description: String { "\(index)/\(count)" }

    /// ASCII digits only (no sign, no spaces), at most 9 of them: nothing that could overflow.
    private static func decimal(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int(text)
    }
}

/// Why a `--shard` value is not usable.
public enum ShardError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not `I/N` with two whole numbers.
    case malformed(String)
    case noShards(count: Int)
    case indexOutOfRange(index: Int, count: Int)

    public var description: String {
        switch self {
        case .malformed(let text):
            return "invalid shard \"\(text)\": expected I/N with 0 <= I < N, e.g. 0/4 for the first of four shards"
        case .noShards(let count):
            return "invalid shard count \(count): there must be at least one shard"
        case .indexOutOfRange(let index, let count):
            return "invalid shard \(index)/\(count): shard indices are 0-based, from 0 to \(count - 1)"
        }
    }
}
