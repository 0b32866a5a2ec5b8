import DriftModel
import Foundation
import Testing
import TestSupport

/// Many roots in one scan: the declarations of every root decide what is unmanaged, a resource
/// two roots declare is `DeclaredTwice`, findings name their root, identical roots count once,
/// and a history keeps new/ongoing per root and target.
@Suite("Estate: several roots in one account, end to end", .serialized)
struct EstateRootsEndToEndTests {
    @Test("nothing one of three roots declares is unmanaged in a scan of all three; a bucket two declare is DeclaredTwice")
    func threeRoots() throws {
        let estate = try EstateFixture()
        let ami = try estate.ami()
        for name in ["web-a", "web-b", "web-c"] { _ = try estate.instance(name) }
        let snowflake = try estate.instance("snowflake")
        try estate.boto("""
            s3 = client("s3")
            for b in ["assets-b", "shared-logs"]:
                s3.create_bucket(Bucket=b, CreateBucketConfiguration={"LocationConstraint": region})
            """)
        try estate.root("infra/a", instances: ["web-a"], ami: ami)
        try estate.root("infra/b", instances: ["web-b"], buckets: ["assets-b"], ami: ami)
        try estate.root("infra/c", instances: ["web-c"], ami: ami)

        // One root alone calls the others' resources snowflakes: the reason estates exist.
        let (alone, one) = try estate.scan(["--baseline", "infra/a"])
        #expect(alone.status == 2)
        #expect(one.placedFindings == [
            "unmanaged assets-b - - -", "unmanaged shared-logs - - -", "unmanaged snowflake - - -", "unmanaged web-b - - -",
            "unmanaged web-c - - -",
        ])
        #expect(one["roots"] == nil)

        let (result, report) = try estate.scan(["--baseline", "infra/a", "--baseline", "infra/b", "--baseline", "infra/c"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(report.placedFindings == ["unmanaged shared-logs - - -", "unmanaged snowflake - - -"])
        #expect(report["findings"]?.arrayValue?.first { $0["name"] == "snowflake" }?["id"] == .string(snowflake))
        #expect(report["errors"] == [])
        #expect(report["summary"]?["managed"] == 4)
        #expect(report["summary"]?["inSync"] == 4)
        #expect(report["summary"]?["unmanaged"] == 2)
        #expect((report["roots"]?.arrayValue ?? []).map { $0["name"]?.stringValue ?? "" } == ["infra/a", "infra/b", "infra/c"])
        #expect(report["roots"]?.arrayValue?[1]["summary"]?["managed"] == 2)

        // A glob adds every directory it matches; a root given twice is evaluated once.
        let (_, globbed) = try estate.scan(["--baseline", "infra/*", "--baseline", "infra/a"])
        #expect(globbed.placedFindings == report.placedFindings)
        #expect(globbed["summary"] == report["summary"])
        let (_, twice) = try estate.scan(["--baseline", "infra/a", "--baseline", "infra/a"])
        #expect(twice.placedFindings == one.placedFindings)
        #expect(twice["roots"] == nil)

        // Findings name their root; two roots declaring one bucket are one DeclaredTwice error.
        _ = try estate.instance("web-d")
        try estate.root("infra/c", instances: ["web-c"], buckets: ["shared-logs"], ami: ami)
        try estate.root("infra/d", buckets: ["shared-logs"], ami: ami)
        try estate.boto("""
            ec2 = client("ec2")
            i = ec2.describe_instances(Filters=[{"Name": "tag:Name", "Values": ["web-c"]}])["Reservations"][0]["Instances"][0]["InstanceId"]
            ec2.stop_instances(InstanceIds=[i])
            ec2.modify_instance_attribute(InstanceId=i, InstanceType={"Value": "t3.large"})
            """)
        let (clash, clashing) = try estate.scan(["--baseline", "infra/*"])
        #expect(clash.status == 2)
        #expect(clashing.placedFindings == [
            "drifted aws_instance.web_c infra/c - -", "unmanaged snowflake - - -", "unmanaged web-d - - -",
        ])
        let errors = clashing["errors"]?.arrayValue ?? []
        try #require(errors.count == 1)
        #expect(errors[0]["code"] == "DeclaredTwice")
        #expect(errors[0]["resource"] == "shared-logs")
        let message = errors[0]["message"]?.stringValue ?? ""
        #expect(message.contains("infra/c (aws_s3_bucket.shared_logs)") && message.contains("infra/d (aws_s3_bucket.shared_logs)"))

        // The text report groups findings under their root.
        let text = try estate.drift(["scan", "--baseline", "infra/*"]).stdout
        #expect(text.contains("root infra/c:\n  ~ aws_instance.web_c"))
        #expect(text.contains("declared by no root:\n  ? aws_instance"))

        // One team's broken root blinds nobody else: the other roots are compared, the broken one
        // is an error with its file:line:col, and nothing is called unmanaged (it may declare it).
        try estate.write("infra/e/main.tf", """
            provider "aws" {
              region = "eu-west-1"
            }

            resource "aws_instance" "e" {
              ami = var.missing
            }
            """)
        let (partial, partialReport) = try estate.scan(["--baseline", "infra/*"])
        #expect(partial.status == 2, "\(partial.stderr)")
        #expect(partialReport.placedFindings == ["drifted aws_instance.web_c infra/c - -"])
        let planErrors = (partialReport["errors"]?.arrayValue ?? []).filter { $0["code"] == "InvalidBaseline" }
        try #require(planErrors.count == 1)
        #expect(planErrors[0]["root"] == "infra/e")
        #expect(planErrors[0]["message"]?.stringValue?.contains("infra/e/main.tf:6:9: ") == true)
        #expect(partial.stderr.contains("main.tf:6:9") && partial.stderr.contains("^"))
        #expect((partialReport["roots"]?.arrayValue ?? []).map { $0["name"]?.stringValue ?? "" }
            == ["infra/a", "infra/b", "infra/c", "infra/d", "infra/e"])
        // Alone, it cannot be scanned at all: exit 1 with the caret diagnostic, as always.
        let brokenAlone = try estate.drift(["scan", "--baseline", "infra/e"])
        #expect(brokenAlone.status == 1)
        #expect(brokenAlone.stdout.isEmpty)
        #expect(brokenAlone.stderr.contains("main.tf:6:9") && brokenAlone.stderr.contains("^"))
    }

    @Test("a history of a multi-root scan keeps new, ongoing and resolved per root and target")
    func history() throws {
        let estate = try EstateFixture()
        let ami = try estate.ami()
        _ = try estate.instance("web-a")
        _ = try estate.instance("web-b")
        let snowflake = try estate.instance("snowflake")
        try estate.root("infra/a", instances: ["web-a"], ami: ami)
        try estate.root("infra/b", instances: ["web-b"], ami: ami)
        let db = estate.directory.appendingPathComponent("history.db").path
        let (_, first) = try estate.scan(["--baseline", "infra/*", "--history", db])
        #expect(first.placedFindings == ["unmanaged snowflake - - -"])
        #expect(first["findings"]?.arrayValue?.first?["status"] == "new")
        try estate.boto("""
            ec2 = client("ec2")
            i = ec2.describe_instances(Filters=[{"Name": "tag:Name", "Values": ["web-b"]}])["Reservations"][0]["Instances"][0]["InstanceId"]
            ec2.stop_instances(InstanceIds=[i])
            ec2.modify_instance_attribute(InstanceId=i, InstanceType={"Value": "t3.large"})
            """)
        let (_, second) = try estate.scan(["--baseline", "infra/*", "--history", db])
        let statuses = (second["findings"]?.arrayValue ?? []).map { "\($0["kind"]?.stringValue ?? "") \($0["root"]?.stringValue ?? "-") \($0["status"]?.stringValue ?? "")" }
        #expect(statuses.sorted() == ["drifted infra/b new", "unmanaged - ongoing"])
        try estate.boto("client('ec2').terminate_instances(InstanceIds=[\(String(reflecting: snowflake))])")
        let (_, third) = try estate.scan(["--baseline", "infra/*", "--history", db])
        #expect((third["findings"]?.arrayValue ?? []).map { $0["status"]?.stringValue ?? "" } == ["ongoing"])
        #expect((third["resolved"]?.arrayValue ?? []).map { $0["kind"]?.stringValue ?? "" } == ["unmanaged"])
    }
}
