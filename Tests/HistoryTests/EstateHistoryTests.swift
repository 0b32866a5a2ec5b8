import DriftCore
import DriftModel
import Foundation
import History
import TestSupport
import Testing

/// A history several targets write into (an estate scan's parts, shards): relative scan names
/// count one target's scans, and `drift report` shows every target side by side.
@Suite("A history of several targets")
struct EstateHistoryTests {
    /// Two roots scanned in turn, as one estate run records them: app, network, app, network.
    static func store() throws -> any HistoryStore {
        let store = try StoreFactory.sqlite.make()
        let network = ScanTarget(root: "/infra/network", account: "123456789012", region: "us-east-1")
        for (i, time) in ["2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z"].enumerated() {
            let web = Fixture.instance("i-web", type: i == 0 ? "t3.micro" : "t3.large", name: "web")
            _ = try store.record(Fixture.entry(at: time, web: web))
            var other = Fixture.entry(at: time, web: Fixture.instance("i-net", name: "web"), others: [Fixture.instance("i-lone-\(i)", name: "lone")])
            other.target = network
            _ = try store.record(other)
        }
        return store
    }

    @Test("@last and @-1 count the latest scan's target, or --root's; ids stay absolute")
    func relativeNames() throws {
        let store = try Self.store()
        // Recorded in turn: #1 infra, #2 network, #3 infra, #4 network.
        #expect(try HistoryQueries.resolveScan("@last", store: store).id == 4)
        #expect(try HistoryQueries.resolveScan("@-1", store: store).id == 2)
        #expect(try HistoryQueries.resolveScan("@last", store: store, root: "/infra").id == 3)
        #expect(try HistoryQueries.resolveScan("@-1", store: store, root: "/infra").id == 1)
        #expect(try HistoryQueries.resolveScan("3", store: store, root: "/infra/network").id == 3)
        #expect(throws: HistoryError.self) { try HistoryQueries.resolveScan("@-2", store: store) }
        #expect(throws: HistoryError.self) { try HistoryQueries.resolveScan("@last", store: store, root: "/elsewhere") }
    }

    @Test("the report of several targets lists each at its latest scan, with every open finding and where it is")
    func estatePage() throws {
        let store = try Self.store()
        let page = try HistoryQueries.reportPage(store: store, root: nil, now: "2026-12-01T12:00:00Z")
        #expect(page.contains("estate: 2 targets"))
        #expect(page.components(separatedBy: "<tr class=\"target\"").count - 1 == 2)
        #expect(page.contains("#3 2026-12-01T11:00:00Z") && page.contains("#4 2026-12-01T11:00:00Z"))
        #expect(!page.contains("#1 2026-12-01T10:00:00Z"), "only the latest scan of each target")
        // The drifted web in /infra and the lone instance in /infra/network, each with its target.
        #expect(page.contains("/infra · 123456789012 · us-east-1"))
        #expect(page.contains("/infra/network · 123456789012 · us-east-1"))
        let findings = page.components(separatedBy: "<section id=\"findings\">").last?.components(separatedBy: "</section>").first ?? ""
        #expect(findings.contains("i-lone-1") && !findings.contains("i-lone-0"), "\(findings)")
        #expect(findings.contains("aws_instance.web"))
        // In a real browser: both targets render, and the page asks nothing of the network.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("drift-estate-\(UUID().uuidString).html")
        try page.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let loaded = try Chromium.load(file, width: 390)
        #expect(loaded.dom.components(separatedBy: "<tr class=\"target\"").count - 1 == 2)
        #expect(loaded.pageRequests.allSatisfy { $0.hasPrefix("file:") }, "\(loaded.pageRequests)")
        // One root asked for: that root's own page, as before.
        let one = try HistoryQueries.reportPage(store: store, root: "/infra", now: "2026-12-01T12:00:00Z")
        #expect(!one.contains("estate:"))
        #expect(one.contains("Other targets in this history"))
    }
}
