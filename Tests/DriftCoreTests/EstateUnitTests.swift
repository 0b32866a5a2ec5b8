import DriftModel
import Estate
import Foundation
import Testing
import TestSupport

@testable import DriftCore

/// The pure parts of an estate scan: which (root, account) units are evaluated, which buckets a
/// target leaves to another, DeclaredTwice, and how an estate report reads in every format.
@Suite("Estate scan: pure parts")
struct EstateUnitTests {
    static let settings = SessionSettings(
        baselineDirectory: ".", varFiles: ["cli.tfvars"], vars: ["env=cli"], ignorePatterns: ["aws_key_pair.*"], environment: [:])

    @Test("identical roots are one unit; per-root var files and vars come before the command line's")
    func units() {
        let config = EstateConfig(
            roots: [
                EstateRoot(name: "infra/a", path: "infra/a", varFiles: ["a.tfvars"], vars: ["env=a"]),
                EstateRoot(name: "./infra/a", path: "./infra/a", varFiles: ["./a.tfvars"], vars: ["env=a"]),
                EstateRoot(name: "a-staging", path: "infra/a", varFiles: ["a.tfvars"], vars: ["env=staging"]),
            ],
            ignore: ["aws_instance.bastion"])
        let units = RootUnit.units(of: config, shared: Self.settings, clients: AccountClients(settings: Self.settings))
        #expect(units.map(\.root.name) == ["infra/a", "a-staging"])
        #expect(units[0].settings.varFiles == ["a.tfvars", "cli.tfvars"])
        #expect(units[0].settings.vars == ["env=a", "env=cli"])
        #expect(units[0].settings.ignorePatterns == ["aws_instance.bastion", "aws_key_pair.*"])
        #expect(units.allSatisfy { $0.account == nil && $0.settings.account == nil })
    }

    @Test("a root is evaluated once per account it is deployed in; none without accounts")
    func unitsPerAccount() {
        let config = EstateConfig(
            roots: [EstateRoot(name: "app", path: "app"), EstateRoot(name: "edge", path: "edge", accounts: ["prod"])],
            accounts: [EstateAccount(name: "prod", regions: ["eu-west-1"]), EstateAccount(name: "staging")])
        let units = RootUnit.units(of: config, shared: Self.settings, clients: AccountClients(settings: Self.settings))
        #expect(units.map { "\($0.root.name)@\($0.account?.name ?? "-")" } == ["app@prod", "app@staging", "edge@prod"])
        #expect(units.map { $0.settings.account?.account.name ?? "-" } == ["prod", "staging", "prod"])
    }

    @Test("a bucket another target of the same account declares is left to it; other accounts are apart")
    func bucketsElsewhere() {
        let elsewhere = EstateGroups.bucketsElsewhere([
            (account: "prod", names: ["logs", "shared"]),
            (account: "prod", names: ["shared"]),
            (account: "prod", names: []),
            (account: "staging", names: ["assets"]),
        ])
        #expect(elsewhere == [[], ["logs"], ["logs", "shared"], []])
    }

    static func match(_ pairs: [(address: String, type: String, id: String)]) -> MatchResult {
        let matches = pairs.map { pair in
            ResourceMatch(
                declared: DeclaredResource(address: pair.address, type: pair.type, name: pair.address),
                outcome: .found(LiveResource(type: pair.type, id: pair.id, attributes: [:])))
        }
        return MatchResult(matches: matches, unmanaged: [], errors: [])
    }

    @Test("two roots of one account found on one live resource are one DeclaredTwice naming both; one root twice is not")
    func declaredTwice() {
        let errors = EstateReport.declaredTwice([
            (account: "prod", region: "eu-west-1", roots: [
                (root: "network", match: Self.match([("aws_s3_bucket.logs", "aws_s3_bucket", "acme-logs")])),
                (root: "app", match: Self.match([("aws_s3_bucket.shared", "aws_s3_bucket", "acme-logs"),
                    ("aws_instance.web", "aws_instance", "i-1")])),
            ]),
            (account: "prod", region: "us-east-1", roots: [
                (root: "app", match: Self.match([("aws_instance.web_us", "aws_instance", "i-1")])),
            ]),
            (account: "staging", region: "eu-west-1", roots: [
                (root: "network", match: Self.match([("aws_s3_bucket.logs", "aws_s3_bucket", "acme-logs")])),
            ]),
        ])
        #expect(errors.count == 1)
        #expect(errors.first?.code == "DeclaredTwice")
        #expect(errors.first?.account == "prod")
        #expect(errors.first?.resource == "acme-logs")
        #expect(errors.first?.message
            == "aws_s3_bucket acme-logs is declared by more than one root: app (aws_s3_bucket.shared) and network (aws_s3_bucket.logs)")
    }

    /// The sample report as an estate scan shapes it.
    static var estateReport: Report {
        var report = SampleReport.report
        report.findings = report.findings.map { finding in
            var finding = finding
            if finding.kind != .unmanaged { finding.root = "app" }
            (finding.account, finding.region) = ("prod", "eu-west-1")
            return finding
        }
        report.errors = report.errors.map { error in
            var error = error
            (error.root, error.account, error.region) = ("app", "prod", "eu-west-1")
            return error
        }
        report.regions = ["eu-west-1", "us-east-1"]
        report.accounts = ["prod", "staging"]
        report.roots = [Report.Root(name: "app", path: "infra/app", stateSource: nil, accounts: ["prod"], summary: report.summary)]
        return report
    }

    @Test("every key an estate report writes is in docs/report-json.md's estate example")
    func documentedKeys() throws {
        let text = try String(contentsOf: ProjectEnvironment.root.appendingPathComponent("docs/report-json.md"), encoding: .utf8)
        let section = try #require(text.range(of: "## Estate scans"))
        let start = try #require(text.range(of: "```json\n", range: section.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        let documented = try JSONParser.parse(String(text[start.upperBound..<end.lowerBound]))
        let written = try JSONParser.parse(JSONRenderer().render(Self.estateReport))
        func keys(_ value: Value?) -> Set<String> { if case .object(let o)? = value { return Set(o.keys) } else { return [] } }
        #expect(keys(written).isSubset(of: keys(documented)), "\(keys(written).subtracting(keys(documented)))")
        #expect(keys(written["roots"]?.arrayValue?.first) == keys(documented["roots"]?.arrayValue?.first))
        for finding in written["findings"]?.arrayValue ?? [] {
            let example = documented["findings"]?.arrayValue?.first { $0["kind"] == finding["kind"] }
            #expect(keys(finding) == keys(example), "\(String(describing: finding["kind"]))")
        }
        for error in written["errors"]?.arrayValue ?? [] {
            #expect(keys(error).isSubset(of: (documented["errors"]?.arrayValue ?? []).reduce(into: Set<String>()) { $0.formUnion(keys($1)) }))
        }
        #expect(text.contains("**`DeclaredTwice`**"))
    }

    @Test("the text report groups findings per root, then what no root declares; other formats name the place")
    func renderers() throws {
        let report = Self.estateReport
        let text = TextRenderer().render(report)
        #expect(text.hasPrefix("drift scan of 1 roots (app) in accounts prod, staging; regions eu-west-1, us-east-1\n"))
        let root = try #require(text.range(of: "root app:\n"))
        let unmanaged = try #require(text.range(of: "declared by no root:\n  ? aws_instance i-0def (hotfix-box) in prod eu-west-1"))
        #expect(root.upperBound <= unmanaged.lowerBound)
        #expect(text.contains("  ~ aws_instance.ec2_example (i-0abc) in prod eu-west-1"))
        #expect(text.contains("(root app, account prod, eu-west-1)"))
        let markdown = MarkdownRenderer().render(report)
        #expect(markdown.contains("| `app` | 5 | 1 | 1 | 1 | 1 | 1 |"))
        #expect(markdown.contains("`aws_s3_bucket.reports` · `root app` · `prod` · `eu-west-1`"))
        let junit = JUnitRenderer().render(report)
        #expect(junit.contains("name=\"app: aws_instance.ec2_example in prod eu-west-1\""))
        let sarif = try JSONParser.parse(SARIFRenderer().render(report))
        let results = sarif["runs"]?.arrayValue?.first?["results"]?.arrayValue ?? []
        #expect(results.allSatisfy { $0["properties"]?["account"] == "prod" })
        let missing = results.first { $0["ruleId"] == "missing" }
        #expect(missing?["locations"]?.arrayValue?.first?["physicalLocation"]?["artifactLocation"]?["uri"] == "infra/app/main.tf")
        // A single root's report keeps its shape.
        #expect(!TextRenderer().render(SampleReport.report).contains("root "))
        #expect(JSONRenderer().render(SampleReport.report) == JSONRenderer().render({ var r = SampleReport.report; r.roots = []; return r }()))
    }
}
