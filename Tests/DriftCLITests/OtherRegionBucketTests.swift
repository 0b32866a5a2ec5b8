import DriftModel
import Foundation
import Testing
import TestSupport

/// A declared bucket that lives in another region than the provider's still exists. Against
/// moto, `terraform plan` reads it and reports no changes (moto ignores the region); against AWS
/// it stops with "HeadBucket ... 301 Moved Permanently". drift reads it from its own region,
/// compares it as usual and warns that Terraform cannot read it: never "missing".
@Suite("A declared bucket in another region", .serialized)
struct OtherRegionBucketTests {
    /// The shop with its assets bucket moved by hand to us-west-2, settings as declared.
    static func moved() throws -> ShopFixture {
        let shop = try ShopFixture()
        try shop.seed()
        try shop.boto("""
            here = client("s3")
            policy = here.get_bucket_policy(Bucket="shop-assets")["Policy"]
            here.delete_bucket_policy(Bucket="shop-assets")
            here.delete_bucket(Bucket="shop-assets")
            far = client("s3", "us-west-2")
            far.create_bucket(Bucket="shop-assets", CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
            far.put_bucket_tagging(Bucket="shop-assets", Tagging={"TagSet": [{"Key": "Team", "Value": "shop"}]})
            far.put_bucket_versioning(Bucket="shop-assets", VersioningConfiguration={"Status": "Enabled"})
            far.put_bucket_policy(Bucket="shop-assets", Policy=policy)
            far.create_bucket(Bucket="someone-elses", CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
            """)
        return shop
    }

    /// One moto for the whole story: every end-to-end suite holds test threads while moto starts.
    @Test("it is read from its region and in sync (with a warning), then a setting changed there is drift, never missing")
    func story() throws {
        let shop = try Self.moved()
        for arguments in [[], ["--state", try shop.stateFile(instanceID: shop.webID)]] {
            let (result, report) = try shop.scanJSON(arguments)
            #expect(result.status == 0, "\(arguments) \(result.stderr)")
            #expect(report.findingLines == [], "\(arguments)")
            #expect(report["errors"] == [])
            #expect(report["summary"]?["inSync"] == 5)
            let warnings = (report["warnings"]?.arrayValue ?? []).filter { $0["code"] == "OtherRegion" }
            #expect(warnings.count == 1)
            let message = warnings.first?["message"]?.stringValue ?? ""
            #expect(message.hasPrefix("aws_s3_bucket.assets (bucket shop-assets) lives in us-west-2, not in eu-west-1"), "\(message)")
            #expect(warnings.first?["source"] == "main.tf:30:1")
        }
        try shop.boto("""
            client("s3", "us-west-2").put_bucket_versioning(Bucket="shop-assets", VersioningConfiguration={"Status": "Suspended"})
            """)
        let (result, report) = try shop.scanJSON()
        #expect(result.status == 2)
        #expect(report.findingLines == ["drifted aws_s3_bucket_versioning.assets versioning_configuration[0].status"])
    }
}
