import DriftModel
import Foundation
import Testing

/// `OutputFile.write(parts:)`: a large document written piece by piece, all or nothing like `write(_:)`.
@Suite("Output files written in parts")
struct OutputFilePartsTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("drift-parts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("parts across several write chunks land as their concatenation, with no temporary file left")
    func concatenation() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("snapshot.json").path
        // 3,000 parts of ~1 KB with multi-byte characters: three 1 MiB chunks and a remainder.
        let parts = (0..<3000).map { i in "{\"n\": \(i), \"s\": \"\(String(repeating: "é→", count: 300))\"}\n" }
        var made = 0
        let lazyParts = parts.lazy.map { part -> String in
            made += 1
            return part
        }
        try OutputFile.prepare(path).write(parts: lazyParts)
        #expect(made == parts.count)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == parts.joined())
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(left == ["snapshot.json"])
        // A second write replaces the first whole; no parts at all is an empty file.
        try OutputFile.prepare(path).write(parts: [String]())
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    }

    @Test("a device is written through in parts and never replaced")
    func device() throws {
        try OutputFile.prepare("/dev/null").write(parts: ["a", "b"])
        var info = stat()
        #expect(stat("/dev/null", &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFCHR)
    }
}
