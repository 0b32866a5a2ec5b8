import DriftModel
import Foundation
import Testing
import TestSupport

/// A tag fed by a `sensitive` variable, drifted by hand: no command, no format shows either value.
@Suite("sensitive values are masked everywhere", .serialized)
struct SecretMaskingTests {
    static let declaredSecret = "tok-DECLARED-5150"
    static let liveSecret = "tok-LIVE-8088"

    func shop() throws -> ShopFixture {
        let shop = try ShopFixture()
        let main = shop.directory.appendingPathComponent("main.tf")
        var text = try String(contentsOf: main, encoding: .utf8)
        text = text.replacingOccurrences(of: "    Name = \"shop-web\"\n", with: "    Name  = \"shop-web\"\n    Owner = var.owner_token\n")
        text += "\nvariable \"owner_token\" {\n  sensitive = true\n  default   = \"\(Self.declaredSecret)\"\n}\n"
        try text.write(to: main, atomically: true, encoding: .utf8)
        try shop.seed()
        try shop.boto("""
            client("ec2").create_tags(Resources=["\(shop.webID)"], Tags=[{"Key": "Owner", "Value": "\(Self.liveSecret)"}])
            """)
        return shop
    }

    func expectMasked(_ result: DriftBinary.Result, _ what: String) {
        for secret in [Self.declaredSecret, Self.liveSecret] {
            #expect(!result.stdout.contains(secret), "\(what) stdout shows \(secret)")
            #expect(!result.stderr.contains(secret), "\(what) stderr shows \(secret)")
        }
    }

    @Test("check (text, json), scan (every format) and baseline (text, json) never show the values")
    func everyCommand() throws {
        let shop = try shop()
        let base = shop.directory.path
        let check = try shop.drift(["check", "shop-web", "--baseline", base])
        #expect(check.status == 2, "\(check.stdout) \(check.stderr)")
        #expect(check.stdout.contains("tags.Owner"))
        #expect(check.stdout.contains("(sensitive)"))
        expectMasked(check, "check text")
        expectMasked(try shop.drift(["check", "shop-web", "--baseline", base, "--format", "json"]), "check json")
        for format in ["text", "json", "markdown", "junit", "sarif"] {
            let scan = try shop.drift(["scan", "--baseline", base, "--format", format])
            #expect(scan.status == 2, "\(format): \(scan.stderr)")
            expectMasked(scan, "scan \(format)")
        }
        for format in ["text", "json"] {
            let baseline = try shop.drift(["baseline", "--baseline", base, "--format", format])
            #expect(baseline.stdout.contains("(sensitive)"), "\(format)")
            expectMasked(baseline, "baseline \(format)")
        }
    }
}
