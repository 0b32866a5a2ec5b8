import DriftModel
import Foundation
import Testing
import TestSupport

/// What drift says besides the report: each notice once, one error prefix, a verdict that names
/// the kinds --fail-on leaves out, and what to do about credentials written in a provider block.
@Suite("messages end to end", .serialized)
struct MessagesEndToEndTests {
    @Test("no state yet: once in a text report (as its warning), on stderr only for machine formats")
    func noticeOnce() throws {
        let shop = try ShopFixture()
        try shop.seed()
        try shop.write("backend.tf", """
            terraform {
              backend "s3" {
                bucket = "shop-state"
                key    = "state/shop.tfstate"
                region = "eu-west-1"
              }
            }
            """)
        let text = try shop.drift(["scan", "--baseline", shop.directory.path])
        #expect(text.status == 0, "\(text.stderr)")
        let everything = text.stdout + text.stderr
        #expect(everything.components(separatedBy: "no state yet").count == 2, "\(everything)")
        #expect(text.stdout.contains("warning: the backend has no state yet at s3://shop-state/state/shop.tfstate"))
        let json = try shop.drift(["scan", "--baseline", shop.directory.path, "--format", "json"])
        #expect(json.stderr.contains("no state yet at s3://shop-state/state/shop.tfstate"))

        // --fail-on without unmanaged: exit 0, and the verdict says what was found but not failing.
        try shop.boto("""
            client("s3").create_bucket(Bucket="scratch", CreateBucketConfiguration={"LocationConstraint": region})
            """)
        let narrowed = try shop.drift(["scan", "--baseline", shop.directory.path, "--fail-on", "drifted,missing"])
        #expect(narrowed.status == 0)
        #expect(narrowed.stdout.contains("\nDrift found (not failing: unmanaged). 5 managed:"))
    }

    @Test("no credentials while the provider block hard-codes keys: one drift: error: line and what to do")
    func hardCodedKeys() throws {
        let shop = try ShopFixture()
        let main = shop.directory.appendingPathComponent("main.tf")
        let text = try String(contentsOf: main, encoding: .utf8)
        try text.replacingOccurrences(of: "  region = var.region\n", with: """
              region     = var.region
              access_key = "AKIAIOSFODNN7EXAMPLE"
              secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

            """).write(to: main, atomically: true, encoding: .utf8)
        let result = try DriftBinary.run(
            ["scan", "--baseline", shop.directory.path],
            environment: ["AWS_ENDPOINT_URL": shop.moto.endpoint, "HOME": shop.home.path, "AWS_EC2_METADATA_DISABLED": "true"],
            currentDirectory: shop.home.path)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("drift: error: "), "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "drift: error:").count == 2)
        #expect(result.stderr.contains("NoCredentials"))
        #expect(result.stderr.contains("drift ignores keys written in .tf files on purpose"))
        #expect(result.stderr.contains("AWS_ACCESS_KEY_ID"))
        #expect(!result.stderr.contains("wJalrXUtnFEMI"), "a secret never leaks")
    }

    @Test("every command fails with one drift: error: prefix, usage errors included")
    func errorPrefix() throws {
        for arguments in [["scan"], ["snapshot", "--services", "bogus"], ["check"], ["ignore"], ["bogus"]] {
            let result = try DriftBinary.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.hasPrefix("drift: error: "), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Error: "), "\(arguments): \(result.stderr)")
        }
        let help = try DriftBinary.run(["check", "--help"])
        // Each option says its default once: never a written default and ArgumentParser's too.
        let options = help.stdout.components(separatedBy: "\n  --").dropFirst()
        for option in options {
            #expect(option.components(separatedBy: "default").count <= 2, "\(option)")
        }
        #expect(help.stdout.contains("The Terraform root module. (default: .)"))
    }
}
