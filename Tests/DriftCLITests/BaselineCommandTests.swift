import DriftModel
import Foundation
import Terraform
import Testing
import TestSupport

/// `drift baseline` through the built binary: what it writes, where, and its exit codes.
@Suite("drift baseline")
struct BaselineCommandTests {
    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return url.appendingPathComponent(name).path
    }

    @Test("--format json writes the contract's document, the loader's exactly; --timings goes to stderr")
    func json() throws {
        let directory = try Self.fixture("shop")
        let result = try DriftBinary.run(["baseline", "--baseline", directory, "--format", "json", "--timings"])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = BaselineJSON.render(BaselineLoader(directory: directory).load())
        #expect(result.stdout == expected + "\n")
        #expect(result.stderr.contains("timings: parse "))
        #expect(result.stderr.contains(" resources"))
        #expect(!result.stdout.contains("timings"))
    }

    @Test("--workers is accepted and does not change the document (the threading itself: ParallelEvaluationTests)")
    func workers() throws {
        let directory = try Self.fixture("shop")
        let one = try DriftBinary.run(["baseline", "--baseline", directory, "--format", "json", "--workers", "1"])
        let four = try DriftBinary.run(["baseline", "--baseline", directory, "--format", "json", "--workers", "4"])
        #expect(one.status == 0 && four.status == 0)
        #expect(one.stdout == four.stdout)
    }

    @Test("a broken file: exit 1, the diagnostic with file:line:col on stderr, the document still on stdout")
    func broken() throws {
        let directory = try Self.fixture("broken")
        let result = try DriftBinary.run(["baseline", "--baseline", directory, "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("main.tf:"))
        #expect(result.stderr.contains("error:"))
        let document = try JSONParser.parse(result.stdout)
        guard case .object(let members) = document, case .array(let diagnostics)? = members["diagnostics"] else {
            Issue.record("not a baseline document: \(result.stdout.prefix(200))")
            return
        }
        #expect(!diagnostics.isEmpty)
    }

    @Test("text is the default format")
    func text() throws {
        let result = try DriftBinary.run(["baseline", "--baseline", try Self.fixture("shop")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("aws_"))
        #expect(!result.stdout.hasPrefix("{"))
    }
}
