import DriftModel
import Foundation
import Testing
import TestSupport

@testable import DriftCore

/// The user documents in `docs/` describe what the code writes: every link resolves inside the
/// repository, and every key the report renderer writes is in the documented example.
@Suite("docs/ agree with the code")
struct DocsTests {
    static let root = ProjectEnvironment.root

    static func markdownFiles() throws -> [URL] {
        let docs = try FileManager.default.contentsOfDirectory(at: root.appendingPathComponent("docs"), includingPropertiesForKeys: nil)
        return [root.appendingPathComponent("README.md")] + docs.filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path }
    }

    @Test("every relative link in README.md and docs/ names a file in the repository")
    func links() throws {
        let files = try Self.markdownFiles()
        #expect(files.count > 5)
        let pattern = try NSRegularExpression(pattern: #"\]\(([^)#\s]+)(#[^)]*)?\)"#)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range(at: 1), in: text) else { continue }
                let target = String(text[range])
                if target.hasPrefix("http://") || target.hasPrefix("https://") { continue }
                let resolved = file.deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL
                #expect(resolved.path.hasPrefix(Self.root.standardizedFileURL.path + "/"), "\(file.lastPathComponent): \(target) leaves the repository")
                #expect(FileManager.default.fileExists(atPath: resolved.path), "\(file.lastPathComponent): \(target) does not exist")
            }
        }
    }

    /// The first ```json block of a document.
    static func example(_ name: String) throws -> Value {
        let text = try String(contentsOf: root.appendingPathComponent("docs/\(name)"), encoding: .utf8)
        let start = try #require(text.range(of: "```json\n"))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        return try JSONParser.parse(String(text[start.upperBound..<end.lowerBound]))
    }

    @Test("every key the JSON report writes is in docs/report-json.md's example, per finding kind")
    func reportKeys() throws {
        let documented = try Self.example("report-json.md")
        let written = try JSONParser.parse(JSONRenderer().render(SampleReport.report))
        #expect(Set(keys(written)).isSubset(of: keys(documented)), "undocumented: \(Set(keys(written)).subtracting(keys(documented)).sorted())")
        #expect(Set(keys(written["summary"])).isSubset(of: keys(documented["summary"])))
        let writtenCoverage = written["summary"]?["coverage"]
        let documentedCoverage = documented["summary"]?["coverage"]
        #expect(Set(keys(writtenCoverage)).isSubset(of: keys(documentedCoverage)))
        for finding in written["findings"]?.arrayValue ?? [] {
            let kind = finding["kind"]
            let example = try #require(documented["findings"]?.arrayValue?.first { $0["kind"] == kind }, "no example of \(String(describing: kind))")
            #expect(Set(keys(finding)) == Set(keys(example)), "\(String(describing: kind))")
        }
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/report-json.md"), encoding: .utf8)
        for kind in Finding.Kind.allCases { #expect(text.contains("**\(kind.rawValue)**"), "kind \(kind.rawValue) undocumented") }
    }

    @Test("the snapshot and baseline examples are the documents the code reads")
    func snapshotAndBaseline() throws {
        let snapshot = try Snapshot(json: try Self.example("snapshot-json.md"))
        #expect(snapshot.resources.count == 4)
        let baseline = try Self.example("baseline-json.md")
        #expect(baseline["schemaVersion"] == 1)
        #expect(baseline["resources"]?.arrayValue?.first?["address"] == "module.svc[\"api\"].aws_instance.node[0]")
    }

    private func keys(_ value: Value?) -> [String] {
        if case .object(let o)? = value { return Array(o.keys) }
        return []
    }
}
