import DriftModel
import Foundation
import Testing

@testable import Terraform

/// Data sources in an offline `drift baseline`: a policy document is rendered, every other type
/// stays unknown, as it is before `terraform plan` reads it.
@Suite("Data sources offline")
struct DataSourceBaselineTests {
    static func load(_ files: [String: String]) throws -> Baseline {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("drift-data-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (name, text) in files {
            try text.write(toFile: "\(directory)/\(name)", atomically: true, encoding: .utf8)
        }
        return BaselineLoader(directory: directory, environment: [:]).load()
    }

    @Test("a bucket policy built by aws_iam_policy_document is known, as the provider renders it")
    func policyKnown() throws {
        let baseline = try Self.load(["main.tf": """
            data "aws_iam_policy_document" "read" {
              statement {
                sid       = "Read"
                actions   = ["s3:GetObject", "s3:ListBucket"]
                resources = ["arn:aws:s3:::site", "arn:aws:s3:::site/*"]
                principals {
                  type        = "*"
                  identifiers = ["*"]
                }
              }
            }
            resource "aws_s3_bucket_policy" "site" {
              bucket = "site"
              policy = data.aws_iam_policy_document.read.json
            }
            """])
        #expect(baseline.diagnostics.isEmpty, "\(baseline.diagnostics.map(\.rendered))")
        let policy = try #require(baseline.resources.first { $0.address == "aws_s3_bucket_policy.site" })
        #expect(policy.unknown.isEmpty)
        #expect(policy.attributes["policy"] == .string("""
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "Read",
                  "Effect": "Allow",
                  "Action": [
                    "s3:ListBucket",
                    "s3:GetObject"
                  ],
                  "Resource": [
                    "arn:aws:s3:::site/*",
                    "arn:aws:s3:::site"
                  ],
                  "Principal": "*"
                }
              ]
            }
            """))
    }

    @Test("aws_ami stays unknown offline: the instance's ami is unknown, its count decided without it")
    func amiUnknown() throws {
        let baseline = try Self.load(["main.tf": """
            data "aws_ami" "al" {
              most_recent = true
              owners      = ["amazon"]
            }
            resource "aws_instance" "web" {
              ami           = data.aws_ami.al.id
              instance_type = "t3.micro"
            }
            """])
        #expect(!baseline.hasErrors, "\(baseline.diagnostics.map(\.rendered))")
        let web = try #require(baseline.resources.first { $0.address == "aws_instance.web" })
        #expect(web.unknown.contains("ami"))
        #expect(baseline.readErrors.isEmpty)
    }

    @Test("count = 0: an empty tuple, so try() falls back and length() is 0")
    func countZero() throws {
        let baseline = try Self.load(["main.tf": """
            data "aws_iam_policy_document" "none" {
              count = 0
            }
            resource "aws_s3_bucket" "b" {
              bucket = try(data.aws_iam_policy_document.none[0].id, "fallback")
              tags   = { n = tostring(length(data.aws_iam_policy_document.none)) }
            }
            """])
        #expect(!baseline.hasErrors, "\(baseline.diagnostics.map(\.rendered))")
        let bucket = try #require(baseline.resources.first { $0.address == "aws_s3_bucket.b" })
        #expect(bucket.attributes["bucket"] == .string("fallback"))
        #expect(bucket.attributes["tags"] == .object(["n": .string("0")]))
    }

    @Test("a duplicate Sid fails as the provider fails the plan, at the data block")
    func duplicateSid() throws {
        let baseline = try Self.load(["main.tf": """
            data "aws_iam_policy_document" "doc" {
              statement {
                sid = "A"
              }
              statement {
                sid = "A"
              }
            }
            """])
        let errors = baseline.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.location) == ["main.tf:1:1"])
        #expect(errors.first?.rendered.contains("duplicate Sid (A)") == true)
    }
}
