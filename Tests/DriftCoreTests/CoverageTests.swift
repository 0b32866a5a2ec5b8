import DriftModel
import Testing

@testable import DriftCore

@Suite("IaC coverage")
struct CoverageTests {
    @Test("per inventoried type: live managed ÷ (managed + unmanaged), after .driftignore; missing ones are not live")
    func fromAnalyzer() {
        let baseline = Baseline(resources: [
            Build.instance("aws_instance.web", tags: ["Name": "web"]),
            Build.instance("aws_instance.api", tags: ["Name": "api"]),
            Build.instance("aws_instance.batch", tags: ["Name": "batch"]),
            Build.bucket("aws_s3_bucket.logs", bucket: "logs"),
            Build.bucket("aws_s3_bucket_versioning.logs", type: "aws_s3_bucket_versioning", bucket: "logs"),
        ])
        let snapshot = Build.snapshot([
            Build.live("i-1", tags: ["Name": "web"]), Build.live("i-2", tags: ["Name": "api"]),
            Build.live("i-8", tags: ["Name": "hotfix"]), Build.live("i-9", tags: ["Name": "scratch"]),
            LiveResource(type: "aws_s3_bucket", id: "logs", attributes: ["bucket": "logs", "tags": [:]]),
            LiveResource(type: "aws_s3_bucket_versioning", id: "logs", attributes: ["bucket": "logs"]),
        ])
        let match = Matcher(baseline: baseline, snapshot: snapshot, state: nil).match()
        // batch is missing (not live); api is ignored; i-9 is an ignored snowflake.
        let ignore = DriftIgnore(text: "aws_instance.api\naws_instance.i-9  # known\n")
        let report = DriftAnalyzer(baseline: baseline, ignore: ignore)
            .report(match, context: .init(scannedAt: "t", baseline: ".", region: "eu-west-1", stateSource: nil))
        let coverage = report.summary.coverage
        #expect(coverage.byType["aws_instance"] == Coverage.Count(managed: 1, unmanaged: 1))
        #expect(coverage.byType["aws_s3_bucket"] == Coverage.Count(managed: 1, unmanaged: 0))
        #expect(coverage.byType["aws_dynamodb_table"] == Coverage.Count(managed: 0, unmanaged: 0))
        #expect(coverage.byType["aws_s3_bucket_versioning"] == nil, "a split setting is not an inventoried type")
        #expect(coverage.line == "coverage: 67% (instances 1/2, buckets 1/1)")
        let json = report.summary.jsonValue["coverage"]
        #expect(json?["managed"] == 2)
        #expect(json?["unmanaged"] == 1)
        #expect(json?["fraction"] == 0.6667)
        #expect(json?["types"]?["aws_instance"] == ["managed": 1, "unmanaged": 1, "fraction": 0.5])
        #expect(json?["types"]?["aws_s3_bucket"] == ["managed": 1, "unmanaged": 0, "fraction": 1])
        #expect(json?["types"]?["aws_dynamodb_table"] == ["managed": 0, "unmanaged": 0, "fraction": nil])
        // Every type the registry inventories is counted, and only those.
        #expect(Set(coverage.byType.keys) == Set(ResourceType.all.filter(\.inventoried).map(\.name)))
    }

    @Test("percent: 100 only when everything is managed, 0 only when nothing is; no line when nothing is live")
    func percentEdges() {
        #expect(Coverage.Count(managed: 399, unmanaged: 1).percent == 99)
        #expect(Coverage.Count(managed: 1, unmanaged: 399).percent == 1)
        #expect(Coverage.Count(managed: 40, unmanaged: 6).percent == 87)
        #expect(Coverage.Count(managed: 3, unmanaged: 0).percent == 100)
        #expect(Coverage.Count(managed: 0, unmanaged: 0).percent == nil)
        #expect(Coverage(byType: ["aws_instance": .init()]).line == nil)
        let mixed = Coverage(byType: [
            "aws_dynamodb_table": .init(managed: 3), "aws_instance": .init(managed: 40, unmanaged: 6),
            "aws_s3_bucket": .init(managed: 12), "aws_security_group": .init(managed: 1, unmanaged: 1),
        ])
        #expect(mixed.line == "coverage: 89% (instances 40/46, buckets 12/12, tables 3/3, security_groups 1/2)")
    }
}
