import DriftModel
import Foundation
import Testing
import TestSupport

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Every output format of `drift scan`, produced by the binary and parsed back.
@Suite("drift scan output formats", .serialized)
struct OutputFormatTests {
    /// A shop with one drifted instance and one unmanaged bucket.
    func driftedShop() throws -> ShopFixture {
        let shop = try ShopFixture()
        try shop.seed()
        try shop.boto("""
            ec2 = client("ec2"); s3 = client("s3")
            ec2.create_tags(Resources=["\(shop.webID)"], Tags=[{"Key": "Owner", "Value": "night-shift"}])
            s3.create_bucket(Bucket="scratch", CreateBucketConfiguration={"LocationConstraint": region})
            """)
        return shop
    }

    @Test("text: grouped per resource with the declaring line, a summary line, no colour when not a terminal")
    func text() throws {
        let shop = try driftedShop()
        let result = try shop.drift(["scan", "--baseline", shop.directory.path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("~ aws_instance.web (\(shop.webID))\n    ~ tags.Owner = (none) → \"night-shift\"  main.tf:25:3\n"))
        #expect(result.stdout.contains("? aws_s3_bucket scratch  unmanaged"))
        #expect(result.stdout.hasSuffix("Drift found. 5 managed: 4 in sync, 1 drifted, 0 missing; 0 orphaned; 1 unmanaged; 0 errors\n"))
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test("markdown: a verdict heading and a table row per change")
    func markdown() throws {
        let shop = try driftedShop()
        let result = try shop.drift(["scan", "--baseline", shop.directory.path, "--format", "markdown"])
        #expect(result.stdout.hasPrefix("## ⚠️ drift: 1 drifted, 1 unmanaged"))
        #expect(result.stdout.contains("| `aws_instance.web` | `tags.Owner` | `null` | `\"night-shift\"` | `main.tf:25:3` |"))
    }

    @Test("junit: a test case per compared resource, failing per finding, valid junit-10, written with --out")
    func junit() throws {
        let shop = try driftedShop()
        let out = shop.home.appendingPathComponent("drift.xml")
        let result = try shop.drift(["scan", "--baseline", shop.directory.path, "--format", "junit", "--out", out.path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let data = try Data(contentsOf: out)
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        #expect(parser.parse())
        #expect(collector.failedCases == ["aws_instance.web", "aws_s3_bucket scratch"])
        // 5 managed: 4 in sync pass, 1 drifted fails; the unmanaged bucket fails in its own suite.
        #expect(collector.cases.count == 6)
        #expect(collector.cases.sorted() == [
            "aws_dynamodb_table.orders", "aws_instance.web", "aws_s3_bucket scratch", "aws_s3_bucket.assets",
            "aws_s3_bucket_policy.assets", "aws_s3_bucket_versioning.assets",
        ])
        try SchemaCheck.junit(String(decoding: data, as: UTF8.self))
    }

    @Test("sarif: version, driver, rules and a result located at the declaring file:line:col")
    func sarif() throws {
        let shop = try driftedShop()
        let result = try shop.drift(["scan", "--baseline", shop.directory.path, "--format", "sarif"])
        let doc = try JSONParser.parse(result.stdout)
        #expect(doc["version"] == "2.1.0")
        let run = try #require(doc["runs"]?.arrayValue?.first)
        #expect(run["tool"]?["driver"]?["name"] == "drift")
        let results = try #require(run["results"]?.arrayValue)
        let drifted = try #require(results.first { $0["ruleId"] == "drifted" })
        let location = drifted["locations"]?.arrayValue?.first?["physicalLocation"]
        #expect(location?["artifactLocation"]?["uri"]?.stringValue?.hasSuffix("shop/main.tf") == true)
        #expect(location?["region"]?["startLine"] == 25)
        #expect(location?["region"]?["startColumn"] == 3)
        let unmanaged = try #require(results.first { $0["ruleId"] == "unmanaged" })
        #expect(unmanaged["locations"]?.arrayValue?.first?["physicalLocation"]?["artifactLocation"]?["uri"]?.stringValue?.hasSuffix("shop/") == true)
        #expect(run["tool"]?["driver"]?["informationUri"] == nil)
        try SchemaCheck.sarif(result.stdout)
    }

    final class Collector: NSObject, XMLParserDelegate {
        var failedCases: [String] = []
        var cases: [String] = []
        private var currentCase = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "testcase" {
                currentCase = attributes["name"] ?? ""
                cases.append(currentCase)
            }
            if name == "failure" { failedCases.append(currentCase) }
        }
    }
}
