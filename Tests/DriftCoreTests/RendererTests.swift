import DriftModel
import Foundation
import Testing
import TestSupport

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import DriftCore

enum SampleReport {
    static let report = Report(
        scannedAt: "2026-11-24T19:00:00Z", baseline: "infra/prod", region: "ap-northeast-2",
        stateSource: "s3://terraform-s3-cwchoi/remote",
        summary: Report.Summary(
            managed: 5, inSync: 1, drifted: 1, missing: 1, orphaned: 1, unmanaged: 1, errors: 1,
            coverage: Coverage(byType: [
                "aws_instance": .init(managed: 2, unmanaged: 1), "aws_s3_bucket": .init(managed: 0),
                "aws_dynamodb_table": .init(managed: 1),
            ])),
        findings: [
            Finding(kind: .orphaned, address: "aws_instance.old", type: "aws_instance", id: "i-0old", name: "old-box"),
            Finding(kind: .unmanaged, address: nil, type: "aws_instance", id: "i-0def", name: "hotfix-box"),
            Finding(kind: .missing, address: "aws_s3_bucket.reports", type: "aws_s3_bucket", id: "acme-reports", source: "main.tf:20:1"),
            Finding(kind: .drifted, address: "aws_instance.ec2_example", type: "aws_instance", id: "i-0abc", changes: [
                AttributeChange(attribute: "instance_type", path: "instance_type", declared: "t2.micro", live: "t2.small", source: "main.tf:11:3"),
                AttributeChange(attribute: "tags", path: "tags.Owner", declared: nil, live: "night-shift <&> | `x`", source: "main.tf:13:3"),
            ]),
        ],
        errors: [ReadError(service: "s3", operation: "GetBucketPolicy", resource: "acme-logs", code: "AccessDenied", message: "Access \"Denied\" & <no>")],
        warnings: [BaselineWarning(code: "HardCodedCredentials", message: "provider \"aws\" sets access_key/secret_key", source: "provider.tf:3:3")],
        inSyncResources: [
            ComparedResource(address: "aws_instance.api", type: "aws_instance", id: "i-0api"),
            ComparedResource(address: "aws_dynamodb_table.orders", type: "aws_dynamodb_table", id: "orders"),
        ])
}

@Suite("Report renderers")
struct RendererTests {
    @Test("JSON follows the report contract and parses back")
    func json() throws {
        let doc = try JSONParser.parse(JSONRenderer().render(SampleReport.report))
        #expect(doc["schemaVersion"] == 1)
        #expect(doc["region"] == "ap-northeast-2")
        #expect(doc["summary"]?["managed"] == 5)
        #expect(doc["summary"]?["coverage"]?["fraction"] == 0.75)
        #expect(doc["summary"]?["coverage"]?["types"]?["aws_instance"] == ["managed": 2, "unmanaged": 1, "fraction": 0.6667])
        let findings = try #require(doc["findings"]?.arrayValue)
        #expect(findings.map { $0["kind"]?.stringValue } == ["drifted", "missing", "orphaned", "unmanaged"])
        #expect(doc["summary"]?["orphaned"] == 1)
        #expect(findings[2] == ["kind": "orphaned", "address": "aws_instance.old", "type": "aws_instance", "id": "i-0old", "name": "old-box"])
        #expect(findings[0]["changes"]?.arrayValue?.first == [
            "attribute": "instance_type", "path": "instance_type", "declared": "t2.micro", "live": "t2.small", "source": "main.tf:11:3",
        ])
        #expect(findings[1]["source"] == "main.tf:20:1")
        #expect(findings[3]["address"] == .null)
        #expect(findings[3]["name"] == "hotfix-box")
        #expect(doc["errors"]?.arrayValue?.first?["code"] == "AccessDenied")
        #expect(doc["warnings"]?.arrayValue?.first?["code"] == "HardCodedCredentials")
    }

    @Test("exit code: 2 on a finding of a --fail-on kind or any error, else 0")
    func exitCodes() {
        var report = SampleReport.report
        #expect(report.exitCode(failOn: [.drifted]) == 2)
        report.errors = []
        #expect(report.exitCode(failOn: [.drifted]) == 2)
        report.findings = report.findings.filter { $0.kind == .unmanaged }
        #expect(report.exitCode(failOn: [.drifted, .missing]) == 0)
        #expect(report.exitCode(failOn: [.unmanaged]) == 2)
    }

    @Test("JUnit: every compared resource is a test case and failures equals the number of findings")
    func junit() throws {
        let xml = JUnitRenderer().render(SampleReport.report)
        let collector = XMLCollector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.suites == ["aws_dynamodb_table", "aws_instance", "aws_s3_bucket", "unmanaged", "unreadable"])
        // 2 in sync + 4 findings + 1 unreadable.
        #expect(collector.cases == [
            "aws_dynamodb_table.orders", "aws_instance.api", "aws_instance.ec2_example", "aws_instance.old", "aws_s3_bucket.reports",
            "aws_instance i-0def (hotfix-box)", "s3 GetBucketPolicy acme-logs",
        ])
        #expect(collector.failures == SampleReport.report.findings.count)
        #expect(collector.errors == 1)
        #expect(collector.root == ["tests": "7", "failures": "4", "errors": "1"])
        #expect(collector.suiteCounts["aws_instance"] == ["tests": "3", "failures": "2", "errors": "0"])
        #expect(collector.suiteCounts["unmanaged"] == ["tests": "1", "failures": "1", "errors": "0"])
        #expect(xml.contains("<property name=\"coverage\" value=\"75%\"/>"))
        #expect(xml.contains("<property name=\"coverage.aws_instance\" value=\"2/3\"/>"))
    }

    @Test("JUnit: a clean report of 400 resources is 400 passing tests, not one")
    func junitClean() throws {
        let resources = (0..<400).map { ComparedResource(address: "aws_instance.web[\($0)]", type: "aws_instance", id: "i-\($0)") }
        let report = Report(
            scannedAt: "t", baseline: ".", region: "r", stateSource: nil, summary: .init(managed: 400, inSync: 400),
            findings: [], errors: [], warnings: [], inSyncResources: resources)
        let xml = JUnitRenderer().render(report)
        #expect(xml.contains("<testsuites name=\"drift .\" tests=\"400\" failures=\"0\" errors=\"0\">"))
        try SchemaCheck.junit(xml)
    }

    @Test("JUnit validates against Jenkins' junit-10.xsd; a testsuites timestamp would not")
    func junitSchema() throws {
        let xml = JUnitRenderer().render(SampleReport.report)
        try SchemaCheck.junit(xml)
        // The check can fail: junit-10 has no timestamp on <testsuites>.
        let broken = xml.replacingOccurrences(of: "<testsuites name=", with: "<testsuites timestamp=\"t\" name=")
        #expect(throws: SchemaCheck.Invalid.self) { try SchemaCheck.junit(broken) }
    }

    @Test("SARIF 2.1.0 carries the driver, one rule per kind and file locations from file:line:col")
    func sarif() throws {
        let doc = try JSONParser.parse(SARIFRenderer(toolVersion: "9.9.9").render(SampleReport.report))
        #expect(doc["version"] == "2.1.0")
        let run = try #require(doc["runs"]?.arrayValue?.first)
        #expect(run["tool"]?["driver"]?["name"] == "drift")
        #expect(run["tool"]?["driver"]?["rules"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["drifted", "missing", "orphaned", "unmanaged", "unreadable"])
        let results = try #require(run["results"]?.arrayValue)
        #expect(results.count == 6)
        #expect(results.contains { $0["ruleId"] == "orphaned" && $0["locations"]?.arrayValue?.first?["logicalLocations"] != nil })
        let first = try #require(results.first?["locations"]?.arrayValue?.first?["physicalLocation"])
        #expect(first["artifactLocation"]?["uri"] == "infra/prod/main.tf")
        #expect(first["region"]?["startLine"] == 11)
        #expect(first["region"]?["startColumn"] == 3)
        #expect(results.allSatisfy { $0["ruleId"]?.stringValue != nil && $0["message"]?["text"]?.stringValue != nil })
        #expect(run["tool"]?["driver"]?["informationUri"] == nil)
        #expect(run["properties"]?["coverage"]?["fraction"] == 0.75)
        let unmanaged = try #require(results.first { $0["ruleId"] == "unmanaged" })
        #expect(unmanaged["locations"]?.arrayValue?.first?["physicalLocation"]?["artifactLocation"]?["uri"] == "infra/prod/")
    }

    @Test("SARIF validates against the SARIF 2.1.0 schema; informationUri only when configured")
    func sarifSchema() throws {
        try SchemaCheck.sarif(SARIFRenderer(toolVersion: "9.9.9").render(SampleReport.report))
        let configured = SARIFRenderer(toolVersion: "9.9.9", informationURI: "https://drift.example.org/").render(SampleReport.report)
        try SchemaCheck.sarif(configured)
        let doc = try JSONParser.parse(configured)
        #expect(doc["runs"]?.arrayValue?.first?["tool"]?["driver"]?["informationUri"] == "https://drift.example.org/")
        // The check can fail: a result without a message is not SARIF.
        let broken = configured.replacingOccurrences(of: "\"message\"", with: "\"note\"")
        #expect(throws: SchemaCheck.Invalid.self) { try SchemaCheck.sarif(broken) }
    }

    @Test("SARIF directory locations: relative, absolute and the current directory")
    func directoryURIs() {
        #expect(SARIFRenderer.directoryURI(baseline: "infra/prod") == "infra/prod/")
        #expect(SARIFRenderer.directoryURI(baseline: "./infra//prod/") == "infra/prod/")
        #expect(SARIFRenderer.directoryURI(baseline: ".") == "./")
        #expect(SARIFRenderer.directoryURI(baseline: "/srv/infra prod") == "file:///srv/infra%20prod/")
    }

    @Test("text output matches its golden file; colour only when asked")
    func text() throws {
        try Golden.check(TextRenderer(colour: false).render(SampleReport.report), name: "report.txt")
        #expect(!TextRenderer(colour: false).render(SampleReport.report).contains("\u{1B}["))
        #expect(TextRenderer(colour: true).render(SampleReport.report).contains("\u{1B}[33m~ aws_instance.ec2_example"))
    }

    @Test("markdown output matches its golden file")
    func markdown() throws {
        try Golden.check(MarkdownRenderer().render(SampleReport.report), name: "report.md")
    }

    @Test("a clean report says so in every human format")
    func clean() {
        let report = Report(scannedAt: "t", baseline: ".", region: "r", stateSource: nil, summary: .init(managed: 2, inSync: 2), findings: [], errors: [], warnings: [])
        #expect(TextRenderer().render(report).hasSuffix("No drift. 2 managed: 2 in sync, 0 drifted, 0 missing; 0 orphaned; 0 unmanaged; 0 errors\n"))
        #expect(MarkdownRenderer().render(report).hasPrefix("## ✅ drift: no drift"))
    }
}

final class XMLCollector: NSObject, XMLParserDelegate {
    var suites: [String] = []
    var cases: [String] = []
    var failures = 0
    var errors = 0
    /// tests/failures/errors of <testsuites> and of each <testsuite>.
    var root: [String: String] = [:]
    var suiteCounts: [String: [String: String]] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let counts = attributes.filter { ["tests", "failures", "errors"].contains($0.key) }
        switch name {
        case "testsuites": root = counts
        case "testsuite":
            suites.append(attributes["name"] ?? "")
            suiteCounts[attributes["name"] ?? ""] = counts
        case "testcase": cases.append(attributes["name"] ?? "")
        case "failure": failures += 1
        case "error": errors += 1
        default: break
        }
    }
}

/// Golden files under `Fixtures/golden`; `DRIFT_RECORD_GOLDEN=1 swift test` re-records them.
enum Golden {
    static func check(_ actual: String, name: String, file: String = #filePath) throws {
        let source = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Fixtures/golden/\(name)")
        if ProcessInfo.processInfo.environment["DRIFT_RECORD_GOLDEN"] == "1" {
            try actual.write(to: source, atomically: true, encoding: .utf8)
            return
        }
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let expected = try String(contentsOf: fixtures.appendingPathComponent("golden/\(name)"), encoding: .utf8)
        #expect(actual == expected, "golden \(name) differs; re-record with DRIFT_RECORD_GOLDEN=1 if intended")
    }
}

@Suite("Text report messages")
struct TextMessageTests {
    @Test("--fail-on that leaves out found kinds: Drift found (not failing: …)")
    func notFailing() {
        var report = SampleReport.report
        report.errors = []
        report.findings = report.findings.filter { $0.kind == .missing }
        let text = TextRenderer(failOn: [.drifted, .unmanaged]).render(report)
        #expect(text.contains("\nDrift found (not failing: missing). 5 managed:"))
        #expect(TextRenderer(failOn: [.missing]).render(report).contains("\nDrift found. 5 managed:"))
        #expect(TextRenderer().render(report).contains("\nDrift found. 5 managed:"))
        report.findings = SampleReport.report.findings
        #expect(TextRenderer(failOn: [.drifted]).render(report).contains("\nDrift found (not failing: missing, orphaned, unmanaged). "))
    }

    @Test("warnings wrap at the terminal width on word boundaries, continuation under the text")
    func wrapping() {
        let renderer = TextRenderer(width: 40)
        let lines = renderer.wrapped(
            label: "warning: ", .yellow, "the backend has no state yet at s3://bucket/a-long-key: resources matched by name",
            source: "backend.tf:4:3")
        #expect(lines == [
            "warning: the backend has no state yet at",
            "         s3://bucket/a-long-key:",
            "         resources matched by name",
            "         backend.tf:4:3",
        ])
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(TextRenderer(width: 200).wrapped(label: "warning: ", .yellow, "short", source: "a.tf:1:1") == ["warning: short  a.tf:1:1"])
        #expect(TextRenderer().wrapped(label: "warning: ", .yellow, String(repeating: "x ", count: 100), source: nil).count == 1)
    }
}
