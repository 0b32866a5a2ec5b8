import DriftCore
import DriftModel
import Foundation
import History
import HistoryPostgres
import TestSupport
import Testing

/// What every history engine must do. Each test opens a new, empty history on its engine, so
/// PostgreSQL (with the `PostgreSQL` trait: scripts/test) runs the very same suite as SQLite.
enum StoreFactory: String, CaseIterable, CustomStringConvertible {
    case sqlite
    #if PostgreSQL
    case postgres
    #endif

    var description: String { rawValue }

    /// A new, empty history: a file in a scratch directory, or a database on the test server.
    func newHistory() throws -> HistoryLocation {
        switch self {
        case .sqlite: return .sqlite(path: scratchDirectory().appendingPathComponent("history.db").path)
        #if PostgreSQL
        case .postgres:
            let server = try PostgresServer.shared()
            return try HistoryLocation(parsing: server.url(database: try server.createDatabase()))
        #endif
        }
    }

    /// The text `--history` takes for a new history.
    func newHistoryArgument() throws -> String {
        switch try newHistory() {
        case .sqlite(let path): return path
        case .postgres(let url): return url.withPassword
        }
    }

    /// A store on a new history.
    func make() throws -> any HistoryStore { try HistoryEngines.open(try newHistory()) }
}

func scratchDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("drift-history-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A tiny account: `web` declared (instance_type t3.micro) and `i-lone` launched by hand.
struct Fixture {
    static let target = ScanTarget(root: "/infra", account: "123456789012", region: "us-east-1")

    static func instance(_ id: String, type: String = "t3.micro", name: String, monitoring: Bool = false) -> LiveResource {
        LiveResource(type: "aws_instance", id: id, attributes: [
            "instance_type": .string(type), "tags": .object(["Name": .string(name)]), "monitoring": .bool(monitoring),
        ])
    }

    static func entry(at time: String, web: LiveResource, others: [LiveResource] = []) -> ScanEntry {
        let declared = DeclaredResource(
            address: "aws_instance.web", type: "aws_instance", name: "web",
            attributes: ["instance_type": "t3.micro", "tags": .object(["Name": "web"])],
            sources: ["instance_type": "main.tf:3:3", "tags": "main.tf:4:3"], blockSource: "main.tf:1:1")
        let match = MatchResult(matches: [ResourceMatch(declared: declared, outcome: .found(web))], unmanaged: others, errors: [])
        let report = DriftAnalyzer(baseline: Baseline(resources: [declared])).report(
            match, context: .init(scannedAt: time, baseline: "infra", region: "us-east-1", stateSource: nil))
        let snapshot = Snapshot(takenAt: time, region: "us-east-1", account: "123456789012", resources: [web] + others)
        return ScanEntry(
            target: target, report: report, snapshot: snapshot, addresses: ["aws_instance\u{0}" + web.id: "aws_instance.web"],
            durationMilliseconds: 900, failPolicy: FailPolicy(kinds: Set(Finding.Kind.allCases)), baselineCommit: "abc")
    }
}

@Suite("History store contract (every engine)")
struct HistoryStoreSuite {
    @Test("a first scan's findings are all new; the next scan keeps firstSeen and lists what was fixed", arguments: StoreFactory.allCases)
    func newOngoingResolved(engine: StoreFactory) throws {
        let store = try engine.make()
        let lone = Fixture.instance("i-lone", name: "lone")
        let first = try store.record(Fixture.entry(
            at: "2026-12-01T10:00:00Z", web: Fixture.instance("i-web", type: "t3.large", name: "web"), others: [lone]))
        #expect(first.report.findings.map(\.status) == [.new, .new])
        #expect(first.report.findings.allSatisfy { $0.firstSeen == "2026-12-01T10:00:00Z" })
        #expect(first.report.resolved == [])

        let second = try store.record(Fixture.entry(
            at: "2026-12-02T10:00:00Z", web: Fixture.instance("i-web", type: "t3.large", name: "renamed"), others: [lone]))
        let drifted = try #require(second.report.findings.first { $0.kind == .drifted })
        #expect(drifted.status == .new)  // tags.Name is a new change on an already drifted server
        #expect(drifted.firstSeen == "2026-12-01T10:00:00Z")
        #expect(drifted.changes.first { $0.path == "instance_type" }?.firstSeen == "2026-12-01T10:00:00Z")
        #expect(drifted.changes.first { $0.path == "tags.Name" }?.firstSeen == "2026-12-02T10:00:00Z")
        #expect(second.report.findings.first { $0.kind == .unmanaged }?.status == .ongoing)

        let third = try store.record(Fixture.entry(at: "2026-12-03T10:00:00Z", web: Fixture.instance("i-web", name: "web")))
        #expect(third.report.findings.isEmpty)
        let resolved = third.report.resolved ?? []
        #expect(resolved.map(\.kind) == [.drifted, .unmanaged])
        #expect(resolved.allSatisfy { $0.resolvedAt == "2026-12-03T10:00:00Z" })
        #expect(resolved.first?.changes.map(\.path).sorted() == ["instance_type", "tags.Name"])

        // Read back as recorded.
        let rows = try store.scans(target: Fixture.target)
        #expect(rows.map(\.id) == [first.id, second.id, third.id])
        #expect(rows.map(\.exitCode) == [2, 2, 0])
        #expect(rows.map(\.newFindings) == [2, 1, 0])
        #expect(rows.map(\.resolvedFindings) == [0, 0, 2])
        #expect(try store.findings(scanID: second.id).findings == second.report.findings)
        #expect(try store.findings(scanID: second.id, identity: "drifted|aws_instance.web") == [drifted])
        #expect(try store.findings(scanID: third.id, identity: "drifted|aws_instance.web") == [])
        #expect(try store.findings(scanID: third.id).resolved == resolved)
    }

    @Test("a stored snapshot reads back as it was, and unchanged content is one version", arguments: StoreFactory.allCases)
    func snapshotRoundTrip(engine: StoreFactory) throws {
        let store = try engine.make()
        let web = Fixture.instance("i-web", name: "web")
        let lone = Fixture.instance("i-lone", name: "lone")
        let a = try store.record(Fixture.entry(at: "2026-12-01T10:00:00Z", web: web, others: [lone]))
        let b = try store.record(Fixture.entry(at: "2026-12-01T11:00:00Z", web: web, others: [lone]))
        let changed = Fixture.instance("i-lone", name: "lone", monitoring: true)
        let c = try store.record(Fixture.entry(at: "2026-12-01T12:00:00Z", web: web, others: [changed]))
        #expect(try store.snapshot(scanID: a.id).resources == [lone, web])
        #expect(try store.snapshot(scanID: b.id).resources == [lone, web])
        #expect(try store.snapshot(scanID: c.id).resources == [changed, web])
        let webVersions = try store.versions(matching: "aws_instance.web")
        #expect(webVersions.count == 1)
        #expect(webVersions.first.map { ($0.firstScan, $0.lastScan) } ?? (0, 0) == (a.id, c.id))
        let loneVersions = try store.versions(matching: "lone")  // by Name tag
        #expect(loneVersions.map(\.resource) == [lone, changed])
        #expect(loneVersions.map(\.lastSeen) == ["2026-12-01T11:00:00Z", "2026-12-01T12:00:00Z"])
        #expect(try store.versions(matching: "i-web").count == 1)
        #expect(try store.versions(matching: "nothing").isEmpty)
    }

    @Test("a resource that goes, comes back changed, and stays: each scan reads back as it was", arguments: StoreFactory.allCases)
    func goneAndBack(engine: StoreFactory) throws {
        let store = try engine.make()
        let web = Fixture.instance("i-web", name: "web")
        let lone = Fixture.instance("i-lone", name: "lone")
        let changed = Fixture.instance("i-lone", name: "lone", monitoring: true)
        let a = try store.record(Fixture.entry(at: "2026-12-01T10:00:00Z", web: web, others: [lone]))
        let b = try store.record(Fixture.entry(at: "2026-12-01T11:00:00Z", web: web))
        let c = try store.record(Fixture.entry(at: "2026-12-01T12:00:00Z", web: web, others: [changed]))
        let d = try store.record(Fixture.entry(at: "2026-12-01T13:00:00Z", web: web, others: [changed]))
        // Another target in between must not end this one's runs.
        let other = Fixture.entry(at: "2026-12-01T13:30:00Z", web: web)
        _ = try store.record(ScanEntry(
            target: ScanTarget(root: "/other", account: "123456789012", region: "us-east-1"), report: other.report,
            snapshot: other.snapshot, addresses: other.addresses, durationMilliseconds: 1, failPolicy: other.failPolicy,
            baselineCommit: nil))
        let e = try store.record(Fixture.entry(at: "2026-12-01T14:00:00Z", web: web, others: [changed]))
        #expect(try store.snapshot(scanID: a.id).resources == [lone, web])
        #expect(try store.snapshot(scanID: b.id).resources == [web])
        for scan in [c, d, e] { #expect(try store.snapshot(scanID: scan.id).resources == [changed, web]) }
        let versions = try store.versions(matching: "i-lone")
        #expect(versions.map(\.resource) == [lone, changed])
        #expect(versions.map(\.firstScan) == [a.id, c.id])
        #expect(versions.map(\.lastScan) == [a.id, e.id])
        #expect(versions.map(\.lastSeen) == ["2026-12-01T10:00:00Z", "2026-12-01T14:00:00Z"])
        // The unmanaged finding: gone in b (resolved), back in c (new), the same since.
        #expect(b.report.resolved?.map(\.kind) == [.unmanaged])
        #expect(c.report.findings.first { $0.kind == .unmanaged }?.status == .new)
        #expect(e.report.findings.first { $0.kind == .unmanaged }?.status == .ongoing)
        #expect(try store.findings(scanID: b.id).findings.filter { $0.kind == .unmanaged }.isEmpty)
        #expect(try store.findings(scanID: d.id).findings == d.report.findings)
        #expect(try store.findings(scanID: e.id).findings == e.report.findings)
    }

    @Test("prune removes old scans and keeps later scans whole", arguments: StoreFactory.allCases)
    func prune(engine: StoreFactory) throws {
        let store = try engine.make()
        let web = Fixture.instance("i-web", name: "web")
        for day in 1...5 {
            let lone = Fixture.instance("i-lone", name: "lone", monitoring: day % 2 == 0)
            _ = try store.record(Fixture.entry(at: "2026-12-0\(day)T10:00:00Z", web: web, others: [lone]))
        }
        #expect(try store.prune(before: "2026-12-04T00:00:00Z") == 3)
        let left = try store.scans(target: nil)
        #expect(left.map(\.scannedAt) == ["2026-12-04T10:00:00Z", "2026-12-05T10:00:00Z"])
        for row in left {
            #expect(try store.snapshot(scanID: row.id).resources.count == 2)
            #expect(try store.findings(scanID: row.id).findings.count == 1)
        }
        // A version that began before the cut now begins at the first scan kept.
        let versions = try store.versions(matching: "aws_instance.web")
        #expect(versions.map(\.firstSeen) == ["2026-12-04T10:00:00Z"])
        #expect(try store.prune(before: "2026-12-04T00:00:00Z") == 0)
    }

    @Test("two stores writing one history at once lose nothing", arguments: StoreFactory.allCases)
    func concurrentWriters(engine: StoreFactory) async throws {
        let history = try engine.newHistory()
        let stores = [try HistoryEngines.open(history), try HistoryEngines.open(history)]
        let perWriter = 15
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (w, store) in stores.enumerated() {
                group.addTask {
                    for n in 0..<perWriter {
                        let web = Fixture.instance("i-web", type: n % 2 == 0 ? "t3.micro" : "t3.large", name: "web")
                        let lone = Fixture.instance("i-\(w)", name: "writer \(w)")
                        let time = String(format: "2026-12-01T%02d:%02d:00Z", n, w)
                        _ = try store.record(Fixture.entry(at: time, web: web, others: [lone]))
                    }
                }
            }
            try await group.waitForAll()
        }
        let rows = try stores[0].scans(target: nil)
        #expect(rows.count == 2 * perWriter)
        #expect(Set(rows.map(\.id)).count == 2 * perWriter)
        for row in rows {
            let snapshot = try stores[1].snapshot(scanID: row.id)
            #expect(snapshot.resources.count == 2, "scan \(row.id)")
            #expect(row.resourceCount == 2)
        }
    }
}
