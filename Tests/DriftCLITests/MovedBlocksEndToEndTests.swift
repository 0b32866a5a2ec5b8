import DriftModel
import Foundation
import Testing
import TestSupport

/// `moved` blocks rename the state before `terraform plan` plans anything: a resource renamed in
/// the configuration with a `moved` block is neither missing at its new address nor orphaned at
/// its old one.
@Suite("Moved blocks end to end")
struct MovedBlocksEndToEndTests {
    @Test("an instance renamed with a moved block is in sync; without the block it is new and orphaned")
    func renamedInstance() throws {
        let shop = try ShopFixture()
        try shop.seed()
        // The state still records the instance as aws_instance.web.
        let state = try shop.stateFile(instanceID: shop.webID)
        let main = shop.directory.appendingPathComponent("main.tf")
        let original = try String(contentsOf: main, encoding: .utf8)
        try original.replacingOccurrences(of: "resource \"aws_instance\" \"web\"", with: "resource \"aws_instance\" \"frontend\"")
            .write(to: main, atomically: true, encoding: .utf8)
        let (renamed, unmoved) = try shop.scanJSON(["--state", state])
        #expect(renamed.status == 2)
        #expect(unmoved.findingLines == ["orphaned aws_instance.web"], "\(unmoved.findingLines)")
        let notInState = unmoved["warnings"]?.arrayValue?.filter { $0["code"] == "NotInState" }.compactMap { $0["message"]?.stringValue }
        #expect(notInState == ["aws_instance.frontend is not in the state: Terraform has not created it yet"])

        try shop.write("moves.tf", "moved {\n  from = aws_instance.web\n  to   = aws_instance.frontend\n}\n")
        let (result, report) = try shop.scanJSON(["--state", state])
        #expect(result.status == 0, "\(report.findingLines) \(result.stderr)")
        #expect(report.findingLines.isEmpty)
        #expect(report["warnings"]?.arrayValue?.contains { $0["code"] == "NotInState" } == false)
        let check = try shop.drift(["check", "shop-web", "--baseline", shop.directory.path, "--state", state])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.hasPrefix("aws_instance.frontend"), "\(check.stdout)")
    }

    @Test("a removed block that keeps the object: not orphaned (apply forgets it), so unmanaged; with destroy = true orphaned")
    func removedKept() throws {
        let shop = try ShopFixture()
        try shop.seed()
        let oldID = try shop.boto("""
            ec2 = client("ec2")
            ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            print(ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.micro")["Instances"][0]["InstanceId"])
            """).trimmingCharacters(in: .whitespacesAndNewlines)
        let state = try shop.stateFile(instanceID: shop.webID, extra: [("aws_instance", "old", oldID)])
        try shop.write("removed.tf", "removed {\n  from = aws_instance.old\n  lifecycle {\n    destroy = true\n  }\n}\n")
        let (_, destroyed) = try shop.scanJSON(["--state", state])
        #expect(destroyed.findingLines == ["orphaned aws_instance.old"])
        try shop.write("removed.tf", "removed {\n  from = aws_instance.old\n  lifecycle {\n    destroy = false\n  }\n}\n")
        let (_, forgotten) = try shop.scanJSON(["--state", state])
        #expect(forgotten.findingLines == ["unmanaged aws_instance \(oldID)"])
    }
}
