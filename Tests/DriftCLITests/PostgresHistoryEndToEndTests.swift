import DriftModel
import Foundation
import Testing
import TestSupport

#if PostgreSQL
/// Many scanners, one PostgreSQL history: what a sharded deployment does, against one moto and a
/// real PostgreSQL server of the test's own. (The shared history story itself runs on both engines
/// in HistoryEndToEndTests.)
@Suite("drift on a shared PostgreSQL history")
struct PostgresHistoryEndToEndTests {
    /// The shop, plus a server no file declares (so every scan has a finding to carry over), and
    /// `count` copies of its root: `count` targets of one account.
    static func shopWithRoots(_ count: Int) throws -> (shop: ShopFixture, roots: [String]) {
        let shop = try ShopFixture()
        try shop.seed()
        try shop.boto("""
            ec2 = client("ec2")
            ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.nano",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "snowflake"}]}])
            """)
        let scratch = shop.directory.deletingLastPathComponent()
        let roots = try (0..<count).map { i in
            let root = scratch.appendingPathComponent("roots/shop-\(i)")
            try FileManager.default.createDirectory(at: root.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: shop.directory, to: root)
            return root.path
        }
        return (shop, roots)
    }

    /// Runs `arguments(i)` as `count` drift processes at once; their results in order.
    static func concurrently(
        _ count: Int, shop: ShopFixture, environment: [String: String], _ arguments: @escaping @Sendable (Int) -> [String]
    ) -> [DriftBinary.Result?] {
        final class Box: @unchecked Sendable {
            let lock = NSLock()
            var results: [DriftBinary.Result?]
            init(_ n: Int) { results = Array(repeating: nil, count: n) }
        }
        let box = Box(count)
        let env = shop.environment(environment)
        let home = shop.home.path
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let result = try? DriftBinary.run(arguments(i), environment: env, currentDirectory: home)
            box.lock.withLock { box.results[i] = result }
        }
        return box.lock.withLock { box.results }
    }

    @Test("eight scanners recording into one history at once: nothing lost, no duplicate scan, each continues its own target")
    func eightScanners() throws {
        let server = try PostgresServer()
        defer { server.stop() }
        let (shop, roots) = try Self.shopWithRoots(8)
        let url = server.url(database: try server.createDatabase(), withPassword: false)
        let env = ["PGPASSWORD": server.password]
        for round in 0..<2 {
            let results = Self.concurrently(8, shop: shop, environment: env) { i in
                ["scan", "--baseline", roots[i], "--history", url, "--format", "json"]
            }
            for (i, result) in results.enumerated() {
                #expect(result?.status == 2, "root \(i), round \(round): \(result?.stderr ?? "did not run")")
                let report = try JSONParser.parse(result?.stdout ?? "")
                let statuses = (report["findings"]?.arrayValue ?? []).compactMap { $0["status"]?.stringValue }
                #expect(statuses == [round == 0 ? "new" : "ongoing"], "root \(i), round \(round)")
                let stderr = result?.stderr ?? ""
                #expect(!stderr.contains(server.password), "root \(i): the password in stderr")
            }
        }
        let list = try shop.drift(["history", "list", "--history", url, "--format", "json"], environment: env)
        #expect(list.status == 0, "\(list.stderr)")
        let scans = try JSONParser.parse(list.stdout)["scans"]?.arrayValue ?? []
        #expect(scans.count == 16)
        #expect(Set(scans.compactMap { $0["id"]?.numberValue }).count == 16)
        var perRoot: [String: [Double]] = [:]
        for scan in scans { perRoot[scan["root"]?.stringValue ?? "", default: []].append(scan["new"]?.numberValue ?? -1) }
        #expect(perRoot.keys.sorted() == roots.sorted())
        #expect(perRoot.values.allSatisfy { $0 == [1, 0] }, "\(perRoot)")
        #expect(scans.allSatisfy { $0["resources"]?.numberValue == scans.first?["resources"]?.numberValue })
        // Every recorded snapshot reads back whole: a diff of a root's two scans is empty.
        let diff = try shop.drift(["diff", "@-1", "@last", "--history", url], environment: env)
        #expect(diff.status == 0, "\(diff.stdout)\(diff.stderr)")
    }

    @Test("the password is never printed: not by scans, views, reports, nor errors", arguments: [true, false])
    func passwordNeverPrinted(inURL: Bool) throws {
        let server = try PostgresServer.shared()
        let (shop, roots) = try Self.shopWithRoots(1)
        let url = server.url(database: try server.createDatabase(), withPassword: inURL)
        let env = inURL ? [:] : ["PGPASSWORD": server.password]
        let page = shop.home.appendingPathComponent("report.html").path
        var outputs: [DriftBinary.Result] = []
        for arguments in [
            ["scan", "--baseline", roots[0], "--history", url], ["scan", "--baseline", roots[0], "--history", url, "--format", "json"],
            ["history", "list", "--history", url], ["history", "show", "snowflake", "--history", url],
            ["history", "snowflakes", "--history", url], ["diff", "@-1", "@last", "--history", url],
            ["report", "--history", url, "--out", page], ["check", "snowflake", "--baseline", roots[0], "--history", url],
            ["history", "prune", "--keep", "1h", "--history", url],
        ] {
            let result = try shop.drift(arguments, environment: env)
            #expect(result.status == 0 || result.status == 2, "\(arguments): \(result.stderr)")
            outputs.append(result)
        }
        // What fails names the server without the password.
        let wrongDatabase = url.replacingOccurrences(of: "/drift_test_", with: "/nonexistent_")
        let failed = try shop.drift(["history", "list", "--history", wrongDatabase], environment: env)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("postgres://drift@127.0.0.1:\(server.port)/nonexistent_"), "\(failed.stderr)")
        let badOption = try shop.drift(["history", "list", "--history", url + "?sslmode=require"], environment: env)
        #expect(badOption.status == 1)
        #expect(badOption.stderr.contains("sslmode=require is not supported"), "\(badOption.stderr)")
        let wrongPassword = try shop.drift(
            ["history", "list", "--history", server.url(database: "postgres", withPassword: false)], environment: ["PGPASSWORD": "not-it"])
        #expect(wrongPassword.status == 1)
        #expect(wrongPassword.stderr.contains("password authentication failed"), "\(wrongPassword.stderr)")
        for result in outputs + [failed, badOption, wrongPassword] {
            #expect(!result.stdout.contains(server.password) && !result.stderr.contains(server.password))
        }
        #expect(!(try String(contentsOfFile: page, encoding: .utf8)).contains(server.password))
    }
}
#else
@Suite("drift built without PostgreSQL")
struct PostgresUnavailableTests {
    @Test("a postgres:// history is a clear exit-1 error that never shows the password")
    func refused() throws {
        let home = FileManager.default.temporaryDirectory.path
        for arguments in [
            ["history", "list", "--history", "postgres://drift:hunter2@127.0.0.1:5432/drift"],
            ["scan", "--baseline", home, "--history", "postgres://drift:hunter2@127.0.0.1:5432/drift"],
        ] {
            let result = try DriftBinary.run(arguments, currentDirectory: home)
            #expect(result.status == 1)
            #expect(result.stderr.contains("built without PostgreSQL support"), "\(result.stderr)")
            #expect(!result.stderr.contains("hunter2") && !result.stdout.contains("hunter2"))
        }
    }
}
#endif
