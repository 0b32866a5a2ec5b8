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
    }

    @Test("a role that cannot be assumed is an error for its account alone; the other account is still reported")
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
    }
}
