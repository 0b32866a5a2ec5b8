import DriftModel
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import DriftCore

enum SampleReport {
    static let report = Report(
        scannedAt: "2026-11-24T19:00:00Z", baseline: "infra/prod", region: "ap-northeast-2",
        stateSource: "s3://terraform-s3-cwchoi/remote",
        summary: Report.Summary(managed: 5, inSync: 1, drifted: 1, missing: 1, orphaned: 1, unmanaged: 1, errors: 1),
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
        warnings: [BaselineWarning(code: "HardCodedCredentials", message: "provider \"aws\" sets access_key/secret_key", source: "provider.tf:3:3")])
}

@Suite("Report renderers")
struct RendererTests {
    @Test("JSON follows the report contract and parses back")
    func json() throws {
        let doc = try JSONParser.parse(JSONRenderer().render(SampleReport.report))
        #expect(doc["schemaVersion"] == 1)
        #expect(doc["region"] == "ap-northeast-2")
        #expect(doc["summary"]?["managed"] == 5)
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

    @Test("JUnit XML is well-formed, one suite per kind and type, failures for findings")
    func junit() throws {
        let xml = JUnitRenderer().render(SampleReport.report)
        let collector = XMLCollector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.suites == [
            "drifted aws_instance", "missing aws_s3_bucket", "orphaned aws_instance", "unmanaged aws_instance", "errors", "scan",
        ])
        #expect(collector.failures == 5)
        #expect(collector.errors == 1)
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
    var failures = 0
    var errors = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "testsuite": suites.append(attributes["name"] ?? "")
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
