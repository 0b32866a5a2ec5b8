import DriftCore
import DriftModel
import Foundation

/// A made-up account scanned over time, for the history benchmark and the store's concurrency
/// and interruption tests: `resources` instances (nine in ten declared), scanned every
/// `interval`, with about `changeRate` of them changed by hand before each scan (resized, a
/// declared tag edited, or an undeclared setting toggled; some changes reverted later). Every
/// scan goes through the real comparer (`DriftAnalyzer`) and is recorded through `HistoryStore.record`,
/// the code path `drift scan --history` takes.
public struct SyntheticHistory: Sendable {
    public var resources: Int
    public var changeRate: Double
    public var start: Date
    public var interval: TimeInterval
    public var root: String
    public var seed: UInt64

    public init(
        resources: Int = 1000, changeRate: Double = 0.01, start: Date, interval: TimeInterval = 3600,
        root: String = "/synthetic/infra", seed: UInt64 = 1
    ) {
        self.resources = resources
        self.changeRate = changeRate
        self.start = start
        self.interval = interval
        self.root = root
        self.seed = seed
    }

    /// The account before any change, and what its files declare.
    func initial() -> (live: [LiveResource], declared: [DeclaredResource]) {
        var live: [LiveResource] = []
        var declared: [DeclaredResource] = []
        for i in 0..<resources {
            let id = String(format: "i-%017x", 0x0ab0_0000 + i)
            let name = "web-\(i)"
            let tags: Value = .object(["Name": .string(name), "Team": .string(i % 3 == 0 ? "payments" : "search")])
            live.append(LiveResource(type: "aws_instance", id: id, attributes: [
                "ami": "ami-0c55b159cbfafe1f0", "instance_type": "t3.micro", "tags": tags,
                "availability_zone": .string(i % 2 == 0 ? "us-east-1a" : "us-east-1b"),
                "subnet_id": .string("subnet-\(String(format: "%08x", i % 16))"),
                "vpc_security_group_ids": .array([.string("sg-\(String(format: "%08x", i % 7))")]),
                "monitoring": false, "ebs_optimized": true, "source_dest_check": true,
                "private_ip": .string("10.0.\(i / 250).\(i % 250 + 4)"),
                "launch_time": .string(SinceText.timestamp(start.addingTimeInterval(-86_400 * Double(i % 30)))),
                "instance_state": "running", "key_name": "deploy", "tenancy": "default",
            ]))
            guard i % 10 != 9 else { continue }  // one in ten launched by hand: unmanaged
            declared.append(DeclaredResource(
                address: "aws_instance.web[\(i)]", type: "aws_instance", name: "web",
                attributes: ["ami": "ami-0c55b159cbfafe1f0", "instance_type": "t3.micro", "tags": tags],
                sources: ["ami": "main.tf:3:3", "instance_type": "main.tf:4:3", "tags": "main.tf:5:3"],
                blockSource: "main.tf:1:1"))
        }
        return (live, declared)
    }

    /// Records `scans` scans, calling `progress` before each one.
    public func record(
        scans: Int, into store: any HistoryStore, progress: (Int) -> Void = { _ in }
    ) throws(HistoryError) {
        var (live, declared) = initial()
        var rng = SplitMix64(seed: seed)
        let baseline = Baseline(resources: declared)
        let changesPerScan = max(1, Int((Double(resources) * changeRate).rounded()))
        for n in 0..<scans {
            if n > 0 {
                for _ in 0..<changesPerScan { change(&live[Int(rng.next() % UInt64(live.count))], rng: &rng, scan: n) }
            }
            let now = start.addingTimeInterval(interval * Double(n))
            let snapshot = Snapshot(takenAt: SinceText.timestamp(now), region: "us-east-1", account: "123456789012", resources: live)
            var matches: [ResourceMatch] = []
            var managedIDs: Set<String> = []
            var addresses: [String: String] = [:]
            for (i, d) in declared.enumerated() {
                let index = Int(d.address.dropFirst("aws_instance.web[".count).dropLast()) ?? i
                matches.append(ResourceMatch(declared: d, outcome: .found(live[index])))
                managedIDs.insert(live[index].id)
                addresses["aws_instance\u{0}" + live[index].id] = d.address
            }
            let match = MatchResult(matches: matches, unmanaged: live.filter { !managedIDs.contains($0.id) }, errors: [])
            let report = DriftAnalyzer(baseline: baseline).report(
                match, context: .init(scannedAt: snapshot.takenAt, baseline: root, region: "us-east-1", stateSource: nil))
            progress(n)
            _ = try store.record(ScanEntry(
                target: ScanTarget(root: root, account: "123456789012", region: "us-east-1"), report: report,
                snapshot: snapshot, addresses: addresses, durationMilliseconds: 1200,
                failPolicy: FailPolicy(kinds: Set(Finding.Kind.allCases)), baselineCommit: nil))
        }
    }

    /// One change by hand: a resize or its revert, an edited tag or its revert, or an
    /// undeclared setting toggled (a snowflake edit no file would notice).
    func change(_ r: inout LiveResource, rng: inout SplitMix64, scan: Int) {
        switch rng.next() % 4 {
        case 0:
            r.attributes["instance_type"] = r.attributes["instance_type"] == "t3.micro" ? "t3.large" : "t3.micro"
        case 1:
            var tags = r.attributes["tags"]?.objectValue ?? [:]
            tags["Team"] = tags["Team"] == "payments" ? "search" : "payments"
            r.attributes["tags"] = .object(tags)
        case 2:
            r.attributes["monitoring"] = .bool(!(r.attributes["monitoring"]?.boolValue ?? false))
        default:
            r.attributes["source_dest_check"] = .bool(!(r.attributes["source_dest_check"]?.boolValue ?? true))
        }
    }
}

/// A small deterministic generator (SplitMix64), so a benchmark run is reproducible.
struct SplitMix64 {
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
