import Foundation
import Testing
import TestSupport

/// Every `--out` goes through one helper: all or nothing for files, written through for devices,
/// and a place the report cannot go is refused before the scan.
@Suite("--out is atomic", .serialized)
struct AtomicOutputTests {
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("drift-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs drift under bash so that a `ulimit` can apply to it.
    func driftUnderBash(_ shop: ShopFixture, prefix: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let quoted = ([DriftBinary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "\(prefix); exec " + quoted.joined(separator: " ")]
        process.environment = shop.environment()
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test("a new report is 0600; a file-size limit mid-write leaves the previous report whole and no temporary file")
    func fileSizeLimit() throws {
        let shop = try ShopFixture()
        try shop.seed()
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("report.json").path
        let first = try shop.drift(["scan", "--baseline", shop.directory.path, "--format", "json", "--out", report])
        #expect(first.status == 0, "\(first.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: report)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let previous = try String(contentsOfFile: report, encoding: .utf8)
        #expect(!previous.isEmpty)
        // No byte may be written: the write fails part-way (EFBIG), as on a full disk.
        let limited = try driftUnderBash(
            shop, prefix: "ulimit -f 0", ["scan", "--baseline", shop.directory.path, "--format", "text", "--out", report])
        #expect(limited.status == 1)
        #expect(limited.stderr.contains("cannot write \(report): File too large"), "\(limited.stderr)")
        #expect(try String(contentsOfFile: report, encoding: .utf8) == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.json"])
    }

    @Test("SIGTERM in the middle of the write: the previous report stays whole and the temporary file is removed")
    func signalMidWrite() async throws {
        let shop = try ShopFixture()
        try shop.seed()
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("report.json").path
        let previous = "{\"previous\": true}\n"
        try previous.write(toFile: report, atomically: false, encoding: .utf8)
        // strace holds drift's fsync of the written temporary file for 30 s: the write is then
        // certainly in progress (the file exists, the rename has not happened) when SIGTERM arrives.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        process.arguments = [
            "-f", "-qq", "-o", "/dev/null", "-e", "trace=fsync", "-e", "inject=fsync:delay_enter=30000000",
            DriftBinary.path, "scan", "--baseline", shop.directory.path, "--format", "json", "--out", report,
            // This test is about the write: a moto slowed by parallel suites must not fail the scan first.
            "--read-timeout", "300",
        ]
        process.environment = shop.environment()
        process.currentDirectoryURL = shop.home
        let log = dir.appendingPathComponent("stderr.log")
        FileManager.default.createFile(atPath: log.path, contents: Data())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        var temporary: String?
        // The scan itself comes first; under strace on a busy machine it can take a minute.
        for _ in 0..<3600 where temporary == nil && process.isRunning {
            temporary = try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasPrefix(".report.json.") }
            // A blocking sleep: a Task.sleep can wait far longer than the fsync window for a
            // cooperative thread while parallel suites hold them in subprocess waits.
            if temporary == nil { usleep(50_000) }
        }
        try #require(
            temporary != nil,
            "drift never started writing: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        try FileManager.default.removeItem(at: log)
        let children = try Self.children(of: process.processIdentifier)
        #expect(children.count == 1)
        for child in children { kill(child, SIGTERM) }
        process.waitUntilExit()
        #expect(try String(contentsOfFile: report, encoding: .utf8) == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.json"])
    }

    /// The direct children of a process (drift under strace), from /proc.
    static func children(of pid: Int32) throws -> [Int32] {
        let tasks = "/proc/\(pid)/task"
        var result: [Int32] = []
        for task in try FileManager.default.contentsOfDirectory(atPath: tasks) {
            let text = (try? String(contentsOfFile: "\(tasks)/\(task)/children", encoding: .utf8)) ?? ""
            result += text.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        return result
    }

    @Test("/dev/stdout is written through and stays what it was")
    func devices() throws {
        let shop = try ShopFixture()
        try shop.seed()
        let before = try FileManager.default.destinationOfSymbolicLink(atPath: "/dev/stdout")
        let result = try shop.drift(["scan", "--baseline", shop.directory.path, "--format", "json", "--out", "/dev/stdout"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("{"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "/dev/stdout") == before)
        let null = try shop.drift(["scan", "--baseline", shop.directory.path, "--out", "/dev/null"])
        #expect(null.status == 0)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test("a directory or a missing directory is refused before the scan, in plain words")
    func refusedBeforeTheScan() throws {
        let shop = try ShopFixture()
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Nothing seeded and no moto needed: the command must stop before talking to AWS.
        shop.moto.stop()
        let intoDirectory = try shop.drift(["scan", "--baseline", shop.directory.path, "--out", dir.path])
        #expect(intoDirectory.status == 1)
        #expect(intoDirectory.stderr.contains("cannot write \(dir.path): it is a directory"), "\(intoDirectory.stderr)")
        let missing = dir.appendingPathComponent("no/such/report.json").path
        let intoMissing = try shop.drift(["snapshot", "--region", "eu-west-1", "--out", missing])
        #expect(intoMissing.status == 1)
        #expect(intoMissing.stderr.contains("directory \(dir.path)/no/such does not exist"), "\(intoMissing.stderr)")
        #expect(!intoMissing.stderr.contains("NSCocoaErrorDomain"))
    }
}
