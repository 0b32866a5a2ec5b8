import DriftModel
import Foundation
import Testing
import TestSupport

/// The example baselines under `baselines/` (listed from the directory) are what a new user scans
/// first: `scripts/seed-from-baseline.py` must create each of them in moto so that a scan finds
/// nothing but what the seeder says it could not make.
@Suite("example baselines seeded from drift baseline", .serialized)
struct ExampleBaselineTests {
    static func baselines() throws -> [String] {
        let dir = ProjectEnvironment.root.appendingPathComponent("baselines")
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("every example baseline seeds and then scans clean, except what the seeder names", arguments: try baselines())
    func seedThenScan(name: String) throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("drift-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let directory = ProjectEnvironment.root.appendingPathComponent("baselines/\(name)").path
        let env = DriftBinary.motoEnvironment(endpoint: moto.endpoint, home: home.path, region: nil)

        // The region the provider block declares, as the scan reports it (everything missing yet).
        let empty = try DriftBinary.run(["scan", "--baseline", directory, "--format", "json"], environment: env)
        // (A baseline with aliased providers in other regions reports `regions`; the first is the default provider's.)
        let emptyReport = try JSONParser.parse(empty.stdout)
        let region = try #require(
            emptyReport["region"]?.stringValue ?? emptyReport["regions"]?.arrayValue?.first?.stringValue, "\(empty.stderr)")

        let declared = try DriftBinary.run(["baseline", "--baseline", directory, "--format", "json"], environment: env)
        #expect(declared.status == 0, "\(declared.stderr)")
        let seeded = try Self.seed(declared.stdout, region: region, endpoint: moto.endpoint, baseline: directory)
        let notSeeded = seeded.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("not seeded: ") else { return nil }
            return String(line.dropFirst("not seeded: ".count).split(separator: " ").first ?? "")
        }

        let scan = try DriftBinary.run(["scan", "--baseline", directory, "--format", "json"], environment: env)
        let report = try JSONParser.parse(scan.stdout)
        var found: [String] = []
        for finding in report["findings"]?.arrayValue ?? [] {
            let address = finding["address"]?.stringValue ?? "\(finding["type"]?.stringValue ?? "") \(finding["id"]?.stringValue ?? "")"
            let changes = finding["changes"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? []
            found += changes.isEmpty ? ["\(finding["kind"]?.stringValue ?? "") \(address)"] : changes.map { "\(address).\($0)" }
        }
        #expect(found.sorted() == notSeeded.sorted(), "\(name): \(scan.stdout)")
        #expect(report["errors"]?.arrayValue?.isEmpty == true)
        #expect(report["summary"]?["managed"]?.numberValue ?? 0 > 0)
    }

    static func seed(_ baselineJSON: String, region: String, endpoint: String, baseline: String) throws -> String {
        let script = ProjectEnvironment.root.appendingPathComponent("scripts/seed-from-baseline.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [ProjectEnvironment.tool("python3"), script, "--region", region, "--baseline", baseline]
        process.environment = ProjectEnvironment.environment(adding: [
            "AWS_ENDPOINT_URL": endpoint, "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
        ])
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(baselineJSON.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SeedFailure(status: process.terminationStatus, stderr: String(decoding: err, as: UTF8.self))
        }
        return String(decoding: out, as: UTF8.self)
    }
}

struct SeedFailure: Error, CustomStringConvertible {
    var status: Int32
    var stderr: String
    var description: String { "seed-from-baseline.py failed (\(status)): \(stderr)" }
}
