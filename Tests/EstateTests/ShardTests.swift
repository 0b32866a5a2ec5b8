import Estate
import Testing

@Suite("Shard: --shard I/N")
struct ShardTests {
    /// Target sets of several shapes: none, one, fewer than the shards, a multiple, a prime,
    /// accounts with different region counts, and names that sort differently by bytes and case.
    static let targetSets: [[EstateTarget]] = {
        let regions = [
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1",
            "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2",
            "ca-central-1", "sa-east-1", "me-south-1",
        ]
        func estate(_ accounts: Int, _ regionCount: Int) -> [EstateTarget] {
            (0..<accounts).flatMap { a in regions.prefix(regionCount).map { EstateTarget(account: "acct-\(a)", region: $0) } }
        }
        let mixed = ["prod", "Prod", "staging", "sandbox-2", "sandbox-10", "ß-legacy"].enumerated().flatMap { index, name in
            regions.prefix(index + 1).map { EstateTarget(account: name, region: $0) }
        }
        return [[], estate(1, 1), estate(1, 5), estate(2, 8), estate(1, 17), estate(3, 17), estate(7, 13), mixed]
    }()

    @Test("I/N parses for every 0 <= I < N", arguments: 1...16)
    func parses(_ count: Int) throws {
        for index in 0..<count {
            let shard = try Shard(parsing: "\(index)/\(count)")
            #expect(shard.index == index)
            #expect(shard.count == count)
            #expect(shard.description == "\(index)/\(count)")
        }
    }

    @Test("an index out of range, no shards, or anything but I/N is a clear error")
    func rejects() {
        #expect(throws: ShardError.indexOutOfRange(index: 4, count: 4)) { try Shard(parsing: "4/4") }
        #expect(throws: ShardError.noShards(count: 0)) { try Shard(parsing: "1/0") }
        #expect(throws: ShardError.noShards(count: 0)) { try Shard(parsing: "0/0") }
        for junk in ["-1/2", "", "/", "1/", "/2", "a/b", "1/2/3", " 1/2", "1/2 ", "+1/2", "0x1/2", "1.0/2", "1", "１/2",
                     "9999999999/99999999999", "1\\2"] {
            #expect(throws: ShardError.malformed(junk), "\(junk)") { try Shard(parsing: junk) }
        }
        let message = (try? Shard(parsing: "4/4")).map { _ in "" } ?? "\(ShardError.indexOutOfRange(index: 4, count: 4))"
        #expect(message == "invalid shard 4/4: shard indices are 0-based, from 0 to 3")
        #expect("\(ShardError.malformed("-1/2"))".contains("expected I/N with 0 <= I < N"))
    }

    @Test("N shards cover every target exactly once, for N = 1…16", arguments: 1...16)
    func exactlyOnce(_ count: Int) throws {
        for targets in Self.targetSets {
            let shares = try Shard.all(count: count).map { $0.select(targets) }
            let all = shares.flatMap { $0 }
            #expect(all.count == Set(targets).count)
            #expect(Set(all) == Set(targets))
        }
    }

    @Test("shard sizes differ by at most one", arguments: 1...16)
    func balanced(_ count: Int) throws {
        for targets in Self.targetSets {
            let sizes = try Shard.all(count: count).map { $0.select(targets).count }
            #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1, "\(sizes)")
        }
    }

    @Test("the share does not depend on the order targets are listed in, or on duplicates", arguments: 1...16)
    func deterministic(_ count: Int) throws {
        var random = SplitMix64(seed: UInt64(count))
        for targets in Self.targetSets {
            let expected = try Shard.all(count: count).map { $0.select(targets) }
            for _ in 0..<5 {
                var shuffled = targets + targets.prefix(3)
                shuffled.shuffle(using: &random)
                #expect(try Shard.all(count: count).map { $0.select(shuffled) } == expected)
            }
        }
    }

    @Test("each share is sorted, and one shard is the whole estate")
    func sortedAndWhole() throws {
        for targets in Self.targetSets {
            for shard in try Shard.all(count: 3) {
                let share = shard.select(targets)
                #expect(share == share.sorted())
            }
            #expect(Shard.whole.select(targets) == Set(targets).sorted())
        }
    }

    @Test("an account's regions are spread over the shards, not piled on one")
    func spread() throws {
        let targets = ["eu-west-1", "eu-west-2", "us-east-1", "us-east-2"].map { EstateTarget(account: "big", region: $0) }
        for shard in try Shard.all(count: 4) { #expect(shard.select(targets).count == 1) }
    }
}

/// A seeded generator, so a failing shuffle can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
