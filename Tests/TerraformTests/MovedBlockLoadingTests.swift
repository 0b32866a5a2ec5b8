import DriftModel
import Foundation
import Testing

@testable import Terraform

/// `moved` blocks reach the baseline as absolute addresses: a child module's endpoints are
/// relative to each of its instances.
@Suite("Moved blocks in the baseline")
struct MovedBlockLoadingTests {
    @Test("root and module moves, per module instance, in walk order; data sources are never moved")
    func moves() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drift-moved-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: "\(directory)/modules/box", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try """
            moved {
              from = aws_instance.old
              to   = aws_instance.new["a"]
            }
            moved {
              from = module.legacy
              to   = module.box
            }
            moved {
              from = data.aws_ami.a
              to   = data.aws_ami.b
            }
            removed {
              from = aws_instance.kept
              lifecycle {
                destroy = false
              }
            }
            removed {
              from = aws_instance.gone
              lifecycle {
                destroy = true
              }
            }
            module "box" {
              source   = "./modules/box"
              for_each = toset(["x", "y"])
            }
            """.write(toFile: "\(directory)/main.tf", atomically: true, encoding: .utf8)
        try """
            moved {
              from = aws_instance.vm
              to   = aws_instance.server[0]
            }
            """.write(toFile: "\(directory)/modules/box/main.tf", atomically: true, encoding: .utf8)
        let baseline = BaselineLoader(directory: directory, environment: [:]).load()
        #expect(!baseline.hasErrors, "\(baseline.diagnostics.map(\.rendered))")
        #expect(baseline.moves.map { "\($0.from) -> \($0.to)" } == [
            "aws_instance.old -> aws_instance.new[\"a\"]",
            "module.legacy -> module.box",
            "module.box[\"x\"].aws_instance.vm -> module.box[\"x\"].aws_instance.server[0]",
            "module.box[\"y\"].aws_instance.vm -> module.box[\"y\"].aws_instance.server[0]",
        ])
        #expect(baseline.forgotten.map(\.description) == ["aws_instance.kept"])
        #expect(baseline.moves.first?.source?.hasSuffix("main.tf:1:1") == true, "\(baseline.moves.first?.source ?? "nil")")
    }
}
