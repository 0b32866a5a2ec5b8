import Foundation
import History
import HistoryPostgres
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The history as separate `drift` processes use it: killed mid-write, and written by two at once.
@Suite("History across processes")
struct HistoryProcessTests {
    @Test("a process killed inside the recording transaction leaves no partial scan", arguments: StoreFactory.allCases)
    func killedWriter(engine: StoreFactory) throws {
        let path = try engine.newHistoryArgument()
        let seeded = try DriftBinary.run(["history", "synthesize", "--history", path, "--resources", "40", "--scans", "2"])
        #expect(seeded.status == 0, "\(seeded.stderr)")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: DriftBinary.path)
        process.arguments = ["history", "synthesize", "--history", path, "--resources", "40", "--scans", "1", "--seed", "9"]
        var env = ProcessInfo.processInfo.environment
        env["DRIFT_TEST_HOLD_HISTORY_WRITE"] = "120"
        process.environment = env
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until the scan's rows are written and the transaction is open, then kill -9.
        var seen = ""
        let deadline = Date().addingTimeInterval(120)
        while !seen.contains("test hold inside the history transaction") && Date() < deadline {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        #expect(seen.contains("test hold inside the history transaction"), "\(seen)")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let store = try HistoryEngines.open(try HistoryLocation(parsing: path))
        let scans = try store.scans(target: nil)
        #expect(scans.count == 2)
        for scan in scans { #expect(try store.snapshot(scanID: scan.id).resources.count == 40) }
        // And the history takes the next scan as if nothing happened.
        let next = try DriftBinary.run(["history", "synthesize", "--history", path, "--resources", "40", "--scans", "1"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try store.scans(target: nil).count == 3)
    }

    @Test("two drift processes recording into one history at once lose nothing", arguments: StoreFactory.allCases)
    func concurrentProcesses(engine: StoreFactory) throws {
        let path = try engine.newHistoryArgument()
        let group = DispatchGroup()
        final class Box: @unchecked Sendable {
            let lock = NSLock()
            var results: [DriftBinary.Result?] = [nil, nil]
        }
        let box = Box()
        for w in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                let result = try? DriftBinary.run([
                    "history", "synthesize", "--history", path, "--resources", "30", "--scans", "12",
                    "--root", "/infra/\(w)", "--seed", "\(w + 1)",
                ])
                box.lock.withLock { box.results[w] = result }
                group.leave()
            }
        }
        group.wait()
        for result in box.lock.withLock({ box.results }) { #expect(result?.status == 0, "\(result?.stderr ?? "did not run")") }
        let store = try HistoryEngines.open(try HistoryLocation(parsing: path))
        let scans = try store.scans(target: nil)
        #expect(scans.count == 24)
        #expect(Set(scans.map(\.target.root)) == ["/infra/0", "/infra/1"])
        for scan in scans { #expect(try store.snapshot(scanID: scan.id).resources.count == 30) }
    }
}
