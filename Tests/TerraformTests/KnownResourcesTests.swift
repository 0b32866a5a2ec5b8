import DriftModel
import Foundation
import Testing

@testable import Terraform

/// `BaselineLoader.knownResources`: what a reference reads once the referenced resource is found
/// live, as `terraform plan` reads refreshed state. Only computed attributes the configuration
/// leaves to apply take the live value; arguments it sets stay as declared.
@Suite("References read what found resources are live")
struct KnownResourcesTests {
    static let text = """
        resource "aws_instance" "box" {
          ami           = "ami-1"
          instance_type = "t3.micro"
          tags          = { Name = "box" }
        }

        resource "aws_eip" "web" {
          domain = "vpc"
          tags   = { Name = "web" }
        }

        resource "aws_eip_association" "web" {
          allocation_id = aws_eip.web.id
          instance_id   = aws_instance.box.id
        }

        resource "aws_ebs_volume" "data" {
          availability_zone = aws_instance.box.availability_zone
          size              = 8
          type              = aws_instance.box.instance_type == "t3.micro" ? "gp3" : "io1"
        }
        """

    static func load(known: [String: [String: Value]]) throws -> Baseline {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drift-known-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try text.write(toFile: "\(directory)/main.tf", atomically: true, encoding: .utf8)
        var loader = BaselineLoader(directory: directory, environment: [:])
        loader.knownResources = known
        return loader.load()
    }

    static func resource(_ baseline: Baseline, _ address: String) -> DeclaredResource? {
        baseline.resources.first { $0.address == address }
    }

    @Test("offline the association's ids and the volume's zone are unknown")
    func offline() throws {
        let baseline = try Self.load(known: [:])
        #expect(Self.resource(baseline, "aws_eip_association.web")?.unknown == ["allocation_id", "instance_id"])
        #expect(Self.resource(baseline, "aws_ebs_volume.data")?.unknown == ["availability_zone"])
    }

    @Test("with the address and the box found live, the association and the volume are known")
    func known() throws {
        let baseline = try Self.load(known: [
            "aws_instance.box": ["id": "i-1", "availability_zone": "eu-west-1b", "instance_type": "t3.large"],
            "aws_eip.web": ["id": "eipalloc-1", "domain": "vpc"],
        ])
        let association = Self.resource(baseline, "aws_eip_association.web")
        #expect(association?.unknown == [])
        #expect(association?.attributes["allocation_id"] == "eipalloc-1")
        #expect(association?.attributes["instance_id"] == "i-1")
        let volume = Self.resource(baseline, "aws_ebs_volume.data")
        #expect(volume?.attributes["availability_zone"] == "eu-west-1b")
        // instance_type is set in the box's configuration: a reference reads the planned value,
        // not a live one changed by hand.
        #expect(volume?.attributes["type"] == "gp3")
        // The box's own arguments are untouched by what it is live.
        #expect(Self.resource(baseline, "aws_instance.box")?.attributes["instance_type"] == "t3.micro")
    }
}
