import DriftModel
import Foundation
import Terraform
import Testing

/// A large module's resources are evaluated on several threads at once; the baseline must be the
/// one a single thread computes, byte for byte, whatever the threads' timing.
@Suite("Evaluating on several threads")
struct ParallelEvaluationTests {
    /// Enough resource blocks that four workers start (the threshold is 512 blocks per worker).
    static let groups = 700

    /// A root module of `groups` × 3 resource blocks that refer to each other, to locals, to a
    /// data source (unknown offline) and to a child module, plus `extra` text.
    static func writeConfiguration(extra: String = "") throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("drift-parallel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("child"), withIntermediateDirectories: true)
        var text = """
            provider "aws" {
              region = "us-east-1"
              default_tags { tags = { Stack = local.stack } }
            }
            data "aws_ami" "base" {
              most_recent = true
              owners      = ["amazon"]
            }
            locals {
              stack = "parallel"
              envs  = toset(["dev", "prod"])
            }
            module "shared" {
              source = "./child"
              prefix = local.stack
            }

            """
        for n in 0..<groups {
            text += """
                locals { name_\(n) = "${local.stack}-\(n)" }
                resource "aws_s3_bucket" "b\(n)" {
                  for_each = local.envs
                  bucket   = "${local.name_\(n)}-${each.key}"
                  tags     = { Index = \(n), Shared = module.shared.label }
                }
                resource "aws_s3_bucket_versioning" "b\(n)" {
                  for_each = aws_s3_bucket.b\(n)
                  bucket   = each.value.id
                  versioning_configuration { status = each.key == "prod" ? "Enabled" : "Suspended" }
                }
                resource "aws_instance" "i\(n)" {
                  count         = \(n % 3)
                  ami           = data.aws_ami.base.id
                  instance_type = count.index == 0 ? "t3.micro" : "t3.small"
                  tags          = { Bucket = aws_s3_bucket.b\((n + 1) % groups)["dev"].bucket }
                }

                """
        }
        text += extra
        try text.write(to: root.appendingPathComponent("main.tf"), atomically: true, encoding: .utf8)
        try """
            variable "prefix" { type = string }
            provider "aws" {
              region = "us-east-1"
              default_tags { tags = { Layer = "${var.prefix}-child" } }
            }
            output "label" { value = "${var.prefix}-shared" }
            resource "aws_dynamodb_table" "locks" {
              name         = "${var.prefix}-locks"
              billing_mode = "PAY_PER_REQUEST"
              hash_key     = "LockID"
              attribute {
                name = "LockID"
                type = "S"
              }
            }
            """.write(to: root.appendingPathComponent("child/main.tf"), atomically: true, encoding: .utf8)
        return root
    }

    static func load(_ root: URL, workers: Int) -> Baseline {
        var loader = BaselineLoader(directory: root.path, environment: [:])
        loader.workers = workers
        return loader.load()
    }

    @Test("four workers give the baseline one thread gives, warnings included")
    func sameAsOneThread() throws {
        let root = try Self.writeConfiguration()
        defer { try? FileManager.default.removeItem(at: root) }
        let single = Self.load(root, workers: 1)
        #expect(!single.hasErrors, "\(single.diagnostics.prefix(3).map(\.rendered))")
        // 700 × (2 buckets + 2 versionings + 0…2 instances) + the child's table.
        #expect(single.resources.count == 700 * 4 + (0..<700).reduce(0) { $0 + $1 % 3 } + 1)
        #expect(single.warnings.contains { $0.code == "UnknownValue" })
        // The child module's own provider (read when a worker first evaluates the call) tags its table.
        #expect(single.resource("module.shared.aws_dynamodb_table.locks")?.attributes["tags_all"] == ["Layer": "parallel-child"])
        for _ in 0..<3 {
            let parallel = Self.load(root, workers: 4)
            #expect(parallel == single)
            #expect(BaselineJSON.render(parallel) == BaselineJSON.render(single))
        }
    }

    /// Resources are sorted per block and then block by block; these are the cases where a
    /// block's instance order or a name that prefixes another could break that.
    @Test("resources come in address order: counts past 9, escaped and non-ASCII keys, prefixing names")
    func addressOrder() throws {
        let root = try Self.writeConfiguration(extra: #"""
            resource "aws_instance" "many" {
              count         = 12
              instance_type = "t3.micro"
            }
            resource "aws_instance" "many_more" { instance_type = "t3.micro" }
            resource "aws_instance" "many-dash" { instance_type = "t3.micro" }
            resource "aws_s3_bucket" "keys" {
              for_each = toset(["a\"", "a#", "a", "ab", "é", "e", "Z", "a\\b", "a b"])
              bucket   = "keys-${md5(each.key)}"
            }
            resource "aws_s3_bucket" "keysx" { bucket = "keysx" }
            module "counted" {
              count  = 11
              source = "./counted"
              name   = "c${count.index}"
            }

            """#)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("counted"), withIntermediateDirectories: true)
        try """
            variable "name" { type = string }
            resource "aws_dynamodb_table" "locks" {
              name     = var.name
              hash_key = "id"
              attribute {
                name = "id"
                type = "S"
              }
            }
            """.write(to: root.appendingPathComponent("counted/main.tf"), atomically: true, encoding: .utf8)
        for workers in [1, 4] {
            let baseline = Self.load(root, workers: workers)
            #expect(baseline.diagnostics.map(\.rendered) == [])
            let addresses = baseline.resources.map(\.address)
            #expect(addresses.contains("aws_instance.many[11]"))
            #expect(addresses.filter { $0.hasPrefix("aws_s3_bucket.keys[") }.count == 9)
            #expect(addresses.contains("module.counted[10].aws_dynamodb_table.locks"))
            #expect(addresses == addresses.sorted(), "first out of order: \(zip(addresses, addresses.dropFirst()).first { $0.0 >= $0.1 }.map { "\($0.0) before \($0.1)" } ?? "none")")
        }
    }

    /// Several large files: they are read and parsed on several threads while the loading thread
    /// decodes, all of them registering sources and diagnostics in one log.
    @Test("a module of many large files parses in parallel to the baseline one thread gives, again and again")
    func manyFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("drift-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for file in 0..<8 {
            var text = ""
            for n in 0..<400 {
                text += """
                    resource "aws_s3_bucket" "f\(file)_\(n)" {
                      bucket = "files-\(file)-\(n)"
                      tags   = { File = "\(file)", Index = "\(n)", Padding = "\(String(repeating: "x", count: 40))" }
                    }

                    """
            }
            // One broken reference per file: diagnostics come from every parsing thread's file.
            text += "resource \"aws_s3_bucket\" \"broken_\(file)\" { bucket = local.missing_\(file) }\n"
            try text.write(to: root.appendingPathComponent("f\(file).tf"), atomically: true, encoding: .utf8)
        }
        let single = Self.load(root, workers: 1)
        #expect(single.resources.count == 8 * 401)
        #expect(single.diagnostics.count == 8)
        for _ in 0..<10 {
            let parallel = Self.load(root, workers: 2)
            #expect(parallel == single)
        }
    }

    @Test("errors found by workers are the errors one thread finds, in the same order")
    func sameErrors() throws {
        let root = try Self.writeConfiguration(extra: """
            resource "aws_s3_bucket" "broken" {
              bucket = local.missing
              tags   = { Owner = var.nobody }
            }

            """)
        defer { try? FileManager.default.removeItem(at: root) }
        let single = Self.load(root, workers: 1)
        #expect(single.diagnostics.map(\.message).sorted() == [
            "Reference to undeclared input variable", "Reference to undeclared local value",
        ])
        let parallel = Self.load(root, workers: 4)
        #expect(parallel.diagnostics == single.diagnostics)
        #expect(parallel == single)
    }

    /// Faults a configuration can carry, each placed at a random group: undeclared references,
    /// a reference cycle between two resources, a wrong type, a failing function, a bad for_each.
    static func fault(_ kind: Int, group n: Int) -> String {
        switch kind % 6 {
        case 0: return "resource \"aws_s3_bucket\" \"f\(n)\" { bucket = local.missing_\(n) }\n"
        case 1:
            return """
                resource "aws_s3_bucket" "ca\(n)" { bucket = aws_s3_bucket.cb\(n).bucket }
                resource "aws_s3_bucket" "cb\(n)" { bucket = aws_s3_bucket.ca\(n).bucket }

                """
        case 2: return "resource \"aws_instance\" \"t\(n)\" { monitoring = \"maybe\" }\n"
        case 3: return "resource \"aws_s3_bucket\" \"g\(n)\" { bucket = element([], 0) }\n"
        case 4: return "resource \"aws_s3_bucket\" \"e\(n)\" {\n  for_each = 5\n  bucket = \"x\"\n}\n"
        default: return "resource \"aws_s3_bucket\" \"w\(n)\" { bucket = aws_s3_bucket.b\(n)[\"nope\"].bucket }\n"
        }
    }

    @Test("random faults give the same diagnostics and resources with four workers as with one")
    func randomFaults() throws {
        var generator = LoaderRobustnessTests.SeededGenerator(state: 0x5EED_2026)
        for round in 0..<4 {
            var extra = ""
            for _ in 0..<Int.random(in: 3...12, using: &generator) {
                extra += Self.fault(Int.random(in: 0..<6, using: &generator), group: Int.random(in: 0..<Self.groups, using: &generator))
            }
            let root = try Self.writeConfiguration(extra: extra)
            defer { try? FileManager.default.removeItem(at: root) }
            let single = Self.load(root, workers: 1)
            #expect(single.hasErrors, "round \(round): the faults must be reported")
            let parallel = Self.load(root, workers: 4)
            #expect(parallel.diagnostics == single.diagnostics, "round \(round)")
            #expect(parallel == single, "round \(round)")
        }
    }

    @Test("a cycle found by workers is reported as one thread reports it")
    func cycleReportedAsOneThreadDoes() throws {
        let root = try Self.writeConfiguration(extra: """
            locals {
              ring_a = "${local.ring_b}-a"
              ring_b = "${local.ring_a}-b"
            }
            resource "aws_s3_bucket" "ring" { bucket = local.ring_b }

            """)
        defer { try? FileManager.default.removeItem(at: root) }
        let single = Self.load(root, workers: 1)
        #expect(single.diagnostics.count == 1)
        #expect(single.diagnostics.first?.message.hasPrefix("Cycle in local values") == true)
        for _ in 0..<3 {
            #expect(Self.load(root, workers: 4) == single)
        }
    }
}
