import Estate
import Foundation
import Testing

/// docs/estate.md says what drift.hcl accepts: its examples must load.
@Suite("docs/estate.md")
struct EstateDocsTests {
    static var document: String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/estate.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// The ```hcl blocks of the document.
    static var examples: [String] {
        document.components(separatedBy: "```hcl\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
    }

    @Test("every HCL example in the reference loads")
    func examplesLoad() throws {
        #expect(!Self.examples.isEmpty)
        for example in Self.examples {
            let config = try EstateConfigLoader.decode(source: example, file: "drift.hcl", environment: EstateFixtures.environment)
            #expect(!config.roots.isEmpty)
        }
    }

    @Test("the reference's example is the fixture the loader is tested with")
    func exampleIsFixture() throws {
        let fixture = try String(contentsOfFile: EstateFixtures.validFile("issue-example"), encoding: .utf8)
        #expect(Self.examples.first == fixture)
    }
}
