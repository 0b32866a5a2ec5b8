import DriftModel
import Foundation
import Testing
import TestSupport

/// The scheduled scan over time, against moto: seed, scan, change by hand, scan, scan again,
/// revert, scan. One story on one moto (each step depends on the one before).
@Suite("drift scan --history end to end", .serialized)
struct HistoryEndToEndTests {
    @Test("new, then ongoing, then resolved; --fail-on new pages once; check says since when and records nothing",
          arguments: HistoryBackend.allCases)
    func story(backend: HistoryBackend) throws {
        let shop = try ShopFixture()
        try shop.seed()
        let env = try backend.environment(scratch: shop.directory.deletingLastPathComponent())

        // 1. In sync: recorded, nothing new.
        let clean = try shop.scanJSON(["--fail-on", "new"], environment: env)
        #expect(clean.result.status == 0, "\(clean.result.stderr)")
        #expect(clean.report["resolved"] == [])

        let scratch = shop.directory.deletingLastPathComponent()
        let before = scratch.appendingPathComponent("before.json").path
        let after = scratch.appendingPathComponent("after.json").path
        #expect(try shop.drift(["snapshot", "--region", ShopFixture.region, "--out", before]).status == 0)

        // 2. Changed by hand: resized, and a server launched that no file declares.
        try shop.boto("""
            ec2 = client("ec2")
            ec2.stop_instances(InstanceIds=["\(shop.webID)"])
            ec2.modify_instance_attribute(InstanceId="\(shop.webID)", InstanceType={"Value": "t3.large"})
            ec2.start_instances(InstanceIds=["\(shop.webID)"])
            ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.medium",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "hotfix-box"}]}])
            """)
        #expect(try shop.drift(["snapshot", "--region", ShopFixture.region, "--out", after]).status == 0)
        let fileDiff = try shop.drift(["diff", before, after, "--format", "json"])
        #expect(fileDiff.status == 2, "\(fileDiff.stderr)")
        let fileChanges = try JSONParser.parse(fileDiff.stdout)
        #expect(fileChanges["added"]?.arrayValue?.map { $0["name"] } == ["hotfix-box"])
        #expect(fileChanges["changed"]?.arrayValue?.first { $0["id"]?.stringValue == shop.webID }?["changes"]?.arrayValue?
            .contains { $0["path"] == "instance_type" && $0["from"] == "t2.micro" && $0["to"] == "t3.large" } == true)
        #expect(try shop.drift(["diff", before, before]).status == 0)
        let changed = try shop.scanJSON(["--fail-on", "new"], environment: env)
        #expect(changed.result.status == 2)
        let firstFindings = changed.report["findings"]?.arrayValue ?? []
        #expect(firstFindings.map { $0["status"] } == ["new", "new"])
        let firstSeen = try #require(changed.report["scannedAt"]?.stringValue)
        #expect(firstFindings.allSatisfy { $0["firstSeen"]?.stringValue == firstSeen })
        #expect(firstFindings.first?["changes"]?.arrayValue?.first?["firstSeen"]?.stringValue == firstSeen)
        #expect(changed.report["schemaVersion"] == 1)

        // 3. Nothing changed since: ongoing, firstSeen kept, --fail-on new passes, plain --fail-on still fails.
        sleep(1)
        let again = try shop.scanJSON(["--fail-on", "new"], environment: env)
        #expect(again.result.status == 0, "\(again.result.stderr)")
        let ongoing = again.report["findings"]?.arrayValue ?? []
        #expect(ongoing.map { $0["status"] } == ["ongoing", "ongoing"])
        #expect(ongoing.allSatisfy { $0["firstSeen"]?.stringValue == firstSeen })
        #expect(try shop.scanJSON(["--fail-on", "new,unmanaged"], environment: env).result.status == 0)

        // The HTML report in a real browser: a chart point per scan, a row per finding of the
        // latest scan's JSON report, nothing requested from outside the file.
        let page = scratch.appendingPathComponent("report.html")
        let written = try shop.drift(["report", "--out", page.path], environment: env)
        #expect(written.status == 0, "\(written.stderr)")
        let loaded = try Chromium.load(page)
        #expect(loaded.dom.components(separatedBy: "class=\"scan-point\"").count - 1 == 4)
        let rows = loaded.dom.components(separatedBy: "<tr class=\"finding\"").dropFirst().map { row in
            row.components(separatedBy: "data-label=\"Resource\"><code>").dropFirst().first?.components(separatedBy: "</code>").first ?? ""
        }
        let latest = try shop.scanJSON([], environment: ["DRIFT_HISTORY": ""])  // the same account, not recorded
        let expected = (latest.report["findings"]?.arrayValue ?? []).map { f in
            f["address"]?.stringValue ?? "\(f["type"]?.stringValue ?? "") \(f["id"]?.stringValue ?? "")"
        }
        #expect(rows == expected)
        #expect(loaded.dom.contains("drifting since \(firstSeen.prefix(10))"))
        #expect(loaded.pageRequests.allSatisfy { $0.hasPrefix("file:") }, "\(loaded.pageRequests)")
        // The request check sees a page that does reach out.
        let control = scratch.appendingPathComponent("control.html")
        try "<img src=\"http://drift-test.invalid/x.png\">".write(to: control, atomically: true, encoding: .utf8)
        #expect(try Chromium.load(control).pageRequests == ["http://drift-test.invalid/x.png"])
        let png = scratch.appendingPathComponent("report-phone.png")
        try Chromium.screenshot(page, to: png, width: 390, height: 1200)
        #expect(try Data(contentsOf: png).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let text = try shop.drift(["scan", "--baseline", shop.directory.path], environment: env)
        #expect(text.status == 2)
        #expect(text.stdout.contains("~ aws_instance.web (\(shop.webID))  drifting since \(firstSeen.prefix(10)) ("))
        #expect(text.stdout.contains("unmanaged: no file declares it  unmanaged since \(firstSeen.prefix(10)) ("))
        let markdown = try shop.drift(["scan", "--baseline", shop.directory.path, "--format", "markdown"], environment: env)
        #expect(markdown.stdout.contains("`aws_instance.web` · drifting since \(firstSeen.prefix(10))"))
        let sarif = try JSONParser.parse(try shop.drift(
            ["scan", "--baseline", shop.directory.path, "--format", "sarif"], environment: env).stdout)
        let states = (sarif["runs"]?.arrayValue?.first?["results"]?.arrayValue ?? []).compactMap { $0["baselineState"]?.stringValue }
        #expect(states == ["unchanged", "unchanged"])
        let junit = try shop.drift(["scan", "--baseline", shop.directory.path, "--format", "junit"], environment: env)
        #expect(junit.stdout.contains("(ongoing, first seen \(firstSeen))"))

        // drift check reads the history and records nothing.
        let scansBefore = try shop.drift(["history", "list", "--format", "json"], environment: env)
        let check = try shop.drift(["check", "shop-web", "--baseline", shop.directory.path], environment: env)
        #expect(check.status == 2)
        #expect(check.stdout.contains("drifting since \(firstSeen.prefix(10)) ("), "\(check.stdout)")
        #expect(try shop.drift(["history", "list", "--format", "json"], environment: env).stdout == scansBefore.stdout)

        // 4. Reverted and cleaned up: both resolved, with resolvedAt.
        try shop.boto("""
            ec2 = client("ec2")
            ec2.stop_instances(InstanceIds=["\(shop.webID)"])
            ec2.modify_instance_attribute(InstanceId="\(shop.webID)", InstanceType={"Value": "t2.micro"})
            ec2.start_instances(InstanceIds=["\(shop.webID)"])
            box = ec2.describe_instances(Filters=[{"Name": "tag:Name", "Values": ["hotfix-box"]}])["Reservations"][0]["Instances"][0]
            ec2.terminate_instances(InstanceIds=[box["InstanceId"]])
            """)
        let fixed = try shop.scanJSON(["--fail-on", "new"], environment: env)
        #expect(fixed.result.status == 0, "\(fixed.result.stdout)")
        #expect(fixed.report["findings"] == [])
        let resolved = fixed.report["resolved"]?.arrayValue ?? []
        #expect(resolved.map { $0["kind"] } == ["drifted", "unmanaged"])
        #expect(resolved.allSatisfy { $0["resolvedAt"] == fixed.report["scannedAt"] && $0["firstSeen"]?.stringValue == firstSeen })

        let list = try JSONParser.parse(try shop.drift(["history", "list", "--format", "json"], environment: env).stdout)
        let scans = list["scans"]?.arrayValue ?? []
        // The text, markdown, SARIF and JUnit scans above were recorded too.
        #expect(scans.count == 9)
        #expect(scans.map { $0["exitCode"]?.numberValue ?? -1 } == [0, 2, 0, 0, 2, 2, 2, 2, 0])
        #expect(scans.first?["root"]?.stringValue == shop.directory.path)

        // Diff between two recorded scans: the first (clean) and the second (changed by hand).
        let scanDiff = try shop.drift(["diff", "@-8", "@-7"], environment: env)
        #expect(scanDiff.status == 2)
        #expect(scanDiff.stdout.contains("+ aws_instance "))
        #expect(scanDiff.stdout.contains("    ~ instance_type = \"t2.micro\" → \"t3.large\""))
        #expect(try shop.drift(["diff", "@-1", "@-2"], environment: env).status == 0)  // two scans of an unchanged account
        #expect(try shop.drift(["diff", "@-20", "@last"], environment: env).status == 1)

        // The timeline: resized by hand (the .tf declared the old value), then reverted.
        let show = try shop.drift(["history", "show", "aws_instance.web", "--format", "json"], environment: env)
        #expect(show.status == 0, "\(show.stderr)")
        let timeline = try JSONParser.parse(show.stdout)["resources"]?.arrayValue?.first
        let changes = (timeline?["events"]?.arrayValue ?? []).flatMap { $0["changes"]?.arrayValue ?? [] }
        let resize = changes.filter { $0["path"] == "instance_type" }
        #expect(resize.map { [$0["from"], $0["to"], $0["class"]] } == [
            ["t2.micro", "t3.large", "drift"], ["t3.large", "t2.micro", "reverted"],
        ])
        #expect(resize.first?["declared"] == "t2.micro")
        let byName = try shop.drift(["history", "show", "shop-web"], environment: env)
        #expect(byName.stdout.contains("~ instance_type = \"t2.micro\" → \"t3.large\"  drift: declared \"t2.micro\" (main.tf:23:3)"), "\(byName.stdout)")
        #expect(byName.stdout.contains("~ instance_type = \"t3.large\" → \"t2.micro\"  reverted to the declared value"))
        #expect(try shop.drift(["history", "show", "no-such-thing"], environment: env).status == 1)

        // The snowflake ranking: the edited server first, with its changes counted.
        let flakes = try JSONParser.parse(try shop.drift(["history", "snowflakes", "--format", "json"], environment: env).stdout)
        let ranked = flakes["snowflakes"]?.arrayValue ?? []
        #expect(ranked.first?["address"] == "aws_instance.web")
        #expect((ranked.first?["changes"]?.numberValue ?? 0) >= 2)
        #expect(ranked.contains { $0["name"] == "hotfix-box" && $0["address"] == .null })
        let flakesText = try shop.drift(["history", "snowflakes"], environment: env)
        #expect(flakesText.stdout.contains("aws_instance.web \(shop.webID) (shop-web)"))
    }

    @Test("--notify: one POST per scan with new or resolved findings, retried through 500s, the URL never printed")
    func notifications() throws {
        let shop = try ShopFixture()
        try shop.seed()
        let db = shop.directory.deletingLastPathComponent().appendingPathComponent("history.db").path
        let steady = try WebhookServer(statuses: [200])
        let flaky = try WebhookServer(statuses: [500, 500, 200])
        let secret = "/services/T0DRIFT/B0TEST/s3cr3t-t0ken"
        let steadyURL = "http://127.0.0.1:\(steady.port)\(secret)"
        let flakyURL = "http://127.0.0.1:\(flaky.port)\(secret)"
        let closed = "http://127.0.0.1:\(try MotoServer.freePort())\(secret)"
        var outputs: [DriftBinary.Result] = []
        func scan() throws -> DriftBinary.Result {
            let result = try shop.drift([
                "scan", "--baseline", shop.directory.path, "--history", db, "--notify", steadyURL, "--notify", flakyURL,
            ])
            outputs.append(result)
            return result
        }

        #expect(try scan().status == 0)  // clean first scan: nothing new, nothing sent
        #expect(steady.requests.isEmpty)

        try shop.boto("""
            ec2 = client("ec2")
            ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.medium",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "hotfix-box"}]}])
            """)
        #expect(try scan().status == 2)
        #expect(steady.requests.count == 1)
        #expect(flaky.requests.map(\.status) == [500, 500, 200])
        let message = try JSONParser.parse(try #require(steady.requests.first).body)
        #expect(message["text"]?.stringValue?.hasPrefix("drift: 1 new in ") == true)
        #expect(message["blocks"]?.arrayValue?.isEmpty == false)
        #expect(message["drift"]?["new"]?.arrayValue?.map { $0["name"] } == ["hotfix-box"])
        #expect(steady.requests.first?.path == secret)

        #expect(try scan().status == 2)  // still there, nothing new: no message
        #expect(steady.requests.count == 1)

        // A receiver that is down is a warning with the URL masked; the exit code is the scan's.
        let down = try shop.drift(["scan", "--baseline", shop.directory.path, "--history", db, "--notify", closed])
        outputs.append(down)
        #expect(down.status == 2)  // same exit code as without --notify
        try shop.boto("""
            ec2 = client("ec2")
            box = ec2.describe_instances(Filters=[{"Name": "tag:Name", "Values": ["hotfix-box"]}])["Reservations"][0]["Instances"][0]
            ec2.terminate_instances(InstanceIds=[box["InstanceId"]])
            """)
        let unreachable = try shop.drift(["scan", "--baseline", shop.directory.path, "--history", db, "--notify", closed])
        outputs.append(unreachable)
        #expect(unreachable.status == 0)
        #expect(unreachable.stderr.contains("drift: warning: notification to http://127.0.0.1:"))
        #expect(unreachable.stderr.contains("/*** failed: cannot connect after 4 attempts"))

        for output in outputs {
            #expect(!output.stdout.contains("s3cr3t") && !output.stderr.contains("s3cr3t"))
        }
        let history = try String(contentsOfFile: db, encoding: .isoLatin1)
        #expect(!history.contains("s3cr3t"))
    }
}
