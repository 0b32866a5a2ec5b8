import DriftModel
import Foundation
import Testing
import TestSupport

/// A `drift.hcl` with two accounts × two regions: findings per target with `root`, `account` and
/// `region`; a bucket counts only in its own region; a role that cannot be assumed fails its
/// account alone; and `--shard I/N` for N = 1…4 covers every target exactly once.
@Suite("Estate: two accounts × two regions, end to end", .serialized)
struct EstateAccountsEndToEndTests {
    static let prod = "111111111111"
    static let staging = "222222222222"

    /// Every finding of the seeded estate, as `placedFindings` lists them.
    static let expected = [
        "drifted aws_instance.app app staging eu-west-1",
        "unmanaged edge - staging us-east-1",
        "unmanaged prod-snow-eu - prod eu-west-1",
        "unmanaged prod-snow-us - prod us-east-1",
        "unmanaged staging-snow-us - staging us-east-1",
        "unmanaged stray-eu - prod eu-west-1",
    ]

    func seed(_ estate: EstateFixture) throws {
        let ami = try estate.ami()
        try estate.root("app", region: "eu-west-1", instances: ["app"], buckets: ["prod-logs"], ami: ami)
        try estate.root("edge", region: "us-east-1", instances: ["edge"], ami: ami)
        try estate.write("drift.hcl", """
            root "app" {
              path = "app"
            }
            root "edge" {
              path     = "edge"
              accounts = ["prod"]
            }
            account "prod" {
              role_arn = "\(EstateFixture.role(Self.prod))"
              regions  = ["eu-west-1", "us-east-1"]
            }
            account "staging" {
              role_arn = "\(EstateFixture.role(Self.staging))"
              regions  = ["eu-west-1", "us-east-1"]
            }
            """)
        for account in [Self.prod, Self.staging] {
            _ = try estate.instance("app", account: account, region: "eu-west-1")
        }
        _ = try estate.instance("prod-snow-eu", account: Self.prod, region: "eu-west-1")
        _ = try estate.instance("edge", account: Self.prod, region: "us-east-1")
        _ = try estate.instance("prod-snow-us", account: Self.prod, region: "us-east-1")
        _ = try estate.instance("staging-snow-us", account: Self.staging, region: "us-east-1")
        _ = try estate.instance("edge", account: Self.staging, region: "us-east-1")
        // A global name living in one region: declared by app (eu-west-1) but created in us-east-1.
        try estate.boto(account: Self.prod, region: "us-east-1", "client('s3').create_bucket(Bucket='prod-logs')")
        try estate.boto(account: Self.prod, region: "eu-west-1", """
            client("s3").create_bucket(Bucket="stray-eu", CreateBucketConfiguration={"LocationConstraint": region})
            """)
        try estate.boto(account: Self.staging, region: "eu-west-1", """
            ec2 = client("ec2")
            i = ec2.describe_instances(Filters=[{"Name": "tag:Name", "Values": ["app"]}])["Reservations"][0]["Instances"][0]["InstanceId"]
            ec2.stop_instances(InstanceIds=[i])
            ec2.modify_instance_attribute(InstanceId=i, InstanceType={"Value": "t3.large"})
            """)
    }

    @Test("findings per target name root, account and region; buckets count in their region; shards cover each target once")
    func accountsAndShards() throws {
        let estate = try EstateFixture()
        try seed(estate)
        let (result, report) = try estate.scan([])
        #expect(result.status == 2, "\(result.stderr)")
        // staging's app declares prod-logs, which staging does not have: missing there.
        #expect(report.placedFindings == (Self.expected + ["missing aws_s3_bucket.prod_logs app staging eu-west-1"]).sorted())
        #expect(report["accounts"] == ["prod", "staging"])
        #expect(report["regions"] == ["eu-west-1", "us-east-1"])
        #expect(report["errors"] == [])
        // app in prod and staging, edge in prod: 2 + 2 + 1 declared resources.
        #expect(report["summary"]?["managed"] == 5)
        #expect((report["warnings"]?.arrayValue ?? []).contains { $0["code"] == "OtherRegion" })
        let all = Set(report.placedFindings)

        for count in 1...4 {
            var union: [String] = []
            var managed = 0
            for index in 0..<count {
                let (_, shard) = try estate.scan(["--shard", "\(index)/\(count)"])
                union += shard.placedFindings
                managed += shard["summary"]?["managed"]?.numberValue.map(Int.init) ?? -1
            }
            #expect(union.sorted() == all.sorted(), "shards of \(count)")
            #expect(Set(union).count == union.count, "a finding reported by two of \(count) shards")
            #expect(managed == 5, "shards of \(count)")
        }
        let bad = try estate.drift(["scan", "--shard", "4/4"])
        #expect(bad.status == 1)

        // edge (prod only) breaks: each prod target carries its error, in whichever shard scans
        // it; staging is reported as before; prod calls nothing unmanaged (edge may declare it).
        try estate.write("edge/main.tf", "provider \"aws\" {\n  region = var.edge_region\n}\n")
        let (broken, brokenReport) = try estate.scan([])
        #expect(broken.status == 2, "\(broken.stderr)")
        let staging = (Self.expected + ["missing aws_s3_bucket.prod_logs app staging eu-west-1"]).filter { $0.contains(" staging ") }
        #expect(brokenReport.placedFindings == staging.sorted())
        let planErrors = (brokenReport["errors"]?.arrayValue ?? []).filter { $0["code"] == "InvalidBaseline" }
        #expect(planErrors.map { "\($0["root"]?.stringValue ?? "-") \($0["account"]?.stringValue ?? "-") \($0["region"]?.stringValue ?? "-")" }
            == ["edge prod eu-west-1", "edge prod us-east-1"])
        #expect(planErrors.allSatisfy { $0["message"]?.stringValue?.contains("edge/main.tf:2:12: ") == true })
        // Targets in order: prod/eu-west-1, prod/us-east-1, staging/eu-west-1, staging/us-east-1.
        var union: [String] = []
        for index in 0..<4 {
            let (result, shard) = try estate.scan(["--shard", "\(index)/4"])
            union += shard.placedFindings
            let regions = (shard["errors"]?.arrayValue ?? []).filter { $0["code"] == "InvalidBaseline" }.map { $0["region"]?.stringValue }
            #expect(regions == (index < 2 ? [["eu-west-1", "us-east-1"][index]] : []), "shard \(index)")
            #expect(result.status == 2, "shard \(index): every shard here has a finding or an error")
        }
        #expect(union.sorted() == staging.sorted())
    }

    @Test("a role that cannot be assumed, or a region not enabled, is an error for those targets alone; the rest is reported")
    func deniedRole() throws {
        let estate = try EstateFixture(proxy: true)
        try seed(estate)
        try #require(estate.proxy != nil)
        try estate.proxy?.configure(deniedRoles: [EstateFixture.role(Self.staging)])
        let (result, report) = try estate.scan([])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(report.placedFindings == Self.expected.filter { $0.contains(" prod ") })
        let errors = report["errors"]?.arrayValue ?? []
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0["account"] == "staging" && $0["code"] == "AccessDenied" })
        #expect(!result.stdout.contains(EstateFixture.role(Self.prod)))

        // us-east-1 not enabled: both accounts' us-east-1 targets fail, eu-west-1 is still reported.
        try estate.proxy?.configure(disabledRegions: ["us-east-1"])
        let (regionResult, regionReport) = try estate.scan([])
        #expect(regionResult.status == 2, "\(regionResult.stderr)")
        #expect(regionReport.placedFindings == (Self.expected + ["missing aws_s3_bucket.prod_logs app staging eu-west-1"])
            .filter { $0.hasSuffix(" eu-west-1") }.sorted())
        let regionErrors = regionReport["errors"]?.arrayValue ?? []
        let targets = regionErrors.filter { $0["operation"] == "Scan" }
        #expect(Set(targets.compactMap { $0["resource"]?.stringValue }) == ["prod/us-east-1", "staging/us-east-1"])
        #expect(targets.allSatisfy { $0["region"] == "us-east-1" })
        // The codes are AWS's answers for a region not enabled, from the typed errors.
        let optIn: Set<String> = ["AuthFailure", "InvalidAccessKeyId", "UnrecognizedClientException", "InvalidClientTokenId"]
        #expect(targets.allSatisfy { optIn.contains($0["code"]?.stringValue ?? "") }, "\(targets)")
        // prod-logs lives in us-east-1: read from eu-west-1's target, it cannot be read either.
        #expect(regionErrors.allSatisfy { $0["region"] == "us-east-1" || $0["resource"] == "prod-logs" })
    }

    @Test("a root that cannot be set up in one account: every shard scanning one of that account's targets says so")
    func partlyUnreachableAccountInShards() throws {
        let estate = try EstateFixture(proxy: true)
        try seed(estate)
        // edge's own provider role is denied: edge is unknown in prod, app is still read there.
        let deployer = "arn:aws:iam::\(Self.prod):role/edge-deployer"
        let main = estate.directory.appendingPathComponent("edge/main.tf")
        let text = try String(contentsOf: main, encoding: .utf8).replacingOccurrences(
            of: "region = \"us-east-1\"\n", with: "region = \"us-east-1\"\n  assume_role {\n    role_arn = \"\(deployer)\"\n  }\n")
        try text.write(to: main, atomically: true, encoding: .utf8)
        try estate.proxy?.configure(deniedRoles: [deployer])
        // Targets in order: prod/eu-west-1, prod/us-east-1, staging/eu-west-1, staging/us-east-1, one per shard.
        for index in 0..<4 {
            estate.proxy?.clearLog()
            let (result, shard) = try estate.scan(["--shard", "\(index)/4"])
            // A shard sets up only the accounts it holds a target in.
            let assumed = Set((estate.proxy?.requests ?? []).filter { $0.action == "AssumeRole" }.compactMap(\.roleARN))
            #expect(assumed == (index < 2 ? [EstateFixture.role(Self.prod), deployer] : [EstateFixture.role(Self.staging)]),
                "shard \(index)")
            let prodErrors = (shard["errors"]?.arrayValue ?? []).filter { $0["account"] == "prod" && $0["code"] == "AccessDenied" }
            if index < 2 {
                #expect(result.status == 2, "shard \(index): \(result.stdout)")
                #expect(!prodErrors.isEmpty, "shard \(index) scans a prod target but does not say edge is unknown there")
            } else {
                #expect(prodErrors.isEmpty, "shard \(index) scans no prod target")
            }
        }
    }
}
