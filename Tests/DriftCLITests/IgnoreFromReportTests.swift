import DriftModel
import Foundation
import Testing
import TestSupport

/// Onboarding an existing account: `drift ignore --from REPORT.json` turns what a scan found into
/// `.driftignore` patterns, after which the same scan is clean and only new findings fail.
@Suite("drift ignore --from", .serialized)
struct IgnoreFromReportTests {
    @Test("round trip: ignore --kinds unmanaged, then everything; the same scan exits 0, a new snowflake fails")
    func roundTrip() throws {
        let shop = try ShopFixture()
        try shop.seed()
        try shop.boto("""
            ec2 = client("ec2"); s3 = client("s3")
            ec2.create_tags(Resources=["\(shop.webID)"], Tags=[{"Key": "Owner", "Value": "night-shift"}])
            s3.create_bucket(Bucket="scratch", CreateBucketConfiguration={"LocationConstraint": region})
            ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t2.micro")
            """)
        try shop.write(".driftignore", "# ours\naws_s3_bucket.nothing-here  # kept as it is")
        let reportPath = shop.home.appendingPathComponent("report.json").path
        let first = try shop.drift(["scan", "--baseline", shop.directory.path, "--format", "json", "--out", reportPath])
        #expect(first.status == 2)
        let found = try JSONParser.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: reportPath)), as: UTF8.self))
        #expect(found.findingLines.count == 3)

        // Only the snowflakes first: the drifted tag still fails.
        var result = try shop.drift(["ignore", "--from", reportPath, "--kinds", "unmanaged", "--baseline", shop.directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("2 patterns added for 2 findings"))
        var (scan, report) = try shop.scanJSON()
        #expect(report.findingLines == ["drifted aws_instance.web tags.Owner"])
        #expect(scan.status == 2)

        // Then everything: the same scan is clean.
        result = try shop.drift(["ignore", "--from", reportPath, "--baseline", shop.directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        (scan, report) = try shop.scanJSON()
        #expect(report.findingLines == [])
        #expect(scan.status == 0)
        let ignore = try String(contentsOf: shop.directory.appendingPathComponent(".driftignore"), encoding: .utf8)
        #expect(ignore.hasPrefix("# ours\naws_s3_bucket.nothing-here  # kept as it is\n\n# "))
        #expect(ignore.contains("aws_instance.web.tags.Owner\n"))
        #expect(ignore.contains("aws_s3_bucket.scratch\n"))
        #expect(ignore.components(separatedBy: "aws_s3_bucket.scratch\n").count == 2, "no pattern twice")

        // Running it again adds nothing; a new snowflake still fails.
        result = try shop.drift(["ignore", "--from", reportPath, "--baseline", shop.directory.path])
        #expect(result.stderr.contains("already holds a pattern for each of the 3 findings"))
        try shop.boto("""
            client("s3").create_bucket(Bucket="scratch-2", CreateBucketConfiguration={"LocationConstraint": region})
            """)
        (scan, report) = try shop.scanJSON()
        #expect(report.findingLines == ["unmanaged aws_s3_bucket scratch-2"])
        #expect(scan.status == 2)
    }

    @Test("a report that cannot be read, or an unknown kind, is exit 1 with one error line")
    func badInput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("drift-ignore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{\"resources\": []}".write(to: dir.appendingPathComponent("snap.json"), atomically: true, encoding: .utf8)
        var result = try DriftBinary.run(["ignore", "--from", "snap.json"], currentDirectory: dir.path)
        #expect(result.status == 1)
        #expect(result.stderr == "drift: error: snap.json: not a drift scan --format json report (no schemaVersion and findings)\n")
        result = try DriftBinary.run(["ignore", "--from", "snap.json", "--kinds", "snowflake"], currentDirectory: dir.path)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("drift: error: --kinds: unknown kind \"snowflake\""))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".driftignore").path))
    }
}
