import DriftModel
import Foundation
import Testing

@testable import Terraform

/// Blocks written for an attribute of list/set of objects (a security group's `ingress`), as
/// Terraform's blocktoattr accepts them, may come from a `dynamic` block too.
@Suite("Dynamic blocks for attributes written as blocks")
struct DynamicAttributeBlocksTests {
    static func load(_ text: String) throws -> Baseline {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drift-dynattr-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try text.write(toFile: "\(directory)/main.tf", atomically: true, encoding: .utf8)
        return BaselineLoader(directory: directory, environment: [:]).load()
    }

    @Test("dynamic ingress expands to one rule per element, with the iterator, beside literal ones")
    func dynamicIngress() throws {
        let baseline = try Self.load("""
            resource "aws_security_group" "web" {
              name = "web"
              dynamic "ingress" {
                for_each = [22, 443]
                content {
                  from_port   = ingress.value
                  to_port     = ingress.value
                  protocol    = "tcp"
                  cidr_blocks = ["10.0.0.0/8"]
                }
              }
              ingress {
                from_port   = 80
                to_port     = 80
                protocol    = "tcp"
                cidr_blocks = ["0.0.0.0/0"]
              }
            }
            """)
        #expect(!baseline.hasErrors, "\(baseline.diagnostics.map(\.rendered))")
        let rules = baseline.resources.first?.attributes["ingress"]?.arrayValue ?? []
        let ports = rules.compactMap { $0["from_port"]?.numberValue }.sorted()
        #expect(ports == [22, 80, 443], "\(rules)")
        #expect(rules.allSatisfy { $0["description"] != nil }, "unset members are null, as blocktoattr fills them")
    }

    @Test("an empty dynamic ingress sets nothing, and an unknown one leaves the attribute unknown")
    func emptyAndUnknown() throws {
        let empty = try Self.load("""
            resource "aws_security_group" "web" {
              name = "web"
              dynamic "ingress" {
                for_each = []
                content {
                  from_port = ingress.value
                  to_port   = ingress.value
                  protocol  = "tcp"
                }
              }
            }
            """)
        #expect(!empty.hasErrors, "\(empty.diagnostics.map(\.rendered))")
        #expect(empty.resources.first?.attributes["ingress"] == nil || empty.resources.first?.attributes["ingress"] == .null)
        let unknown = try Self.load("""
            resource "aws_security_group" "web" {
              name = "web"
              dynamic "ingress" {
                for_each = timestamp() == "" ? [] : [22]
                content {
                  from_port = ingress.value
                  to_port   = ingress.value
                  protocol  = "tcp"
                }
              }
            }
            """)
        #expect(!unknown.hasErrors, "\(unknown.diagnostics.map(\.rendered))")
        #expect(unknown.resources.first?.unknown.contains("ingress") == true)
    }
}
