import DriftModel
import Foundation
import Testing

@testable import Terraform

/// A root module that uses an alias declared only in its own `configuration_aliases`:
/// `terraform validate` accepts it (a caller would pass it), `terraform plan` does not.
@Suite("Root configuration_aliases: validate accepts, plan refuses")
struct RootConfigurationAliasesTests {
    @Test("drift baseline (validate) loads it; scan and check (plan) report the missing configuration")
    func purposes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drift-rootalias-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try """
            terraform {
              required_providers {
                aws = {
                  source                = "hashicorp/aws"
                  configuration_aliases = [aws.west]
                }
              }
            }
            resource "aws_s3_bucket" "b" {
              provider = aws.west
              bucket   = "b"
            }
            """.write(toFile: "\(directory)/main.tf", atomically: true, encoding: .utf8)
        var validate = BaselineLoader(directory: directory, environment: [:])
        validate.purpose = .validate
        let accepted = validate.load()
        #expect(!accepted.hasErrors, "\(accepted.diagnostics.map(\.rendered))")
        #expect(accepted.resources.map(\.address) == ["aws_s3_bucket.b"])
        let planned = BaselineLoader(directory: directory, environment: [:]).load()
        #expect(planned.diagnostics.first { $0.severity == .error }?.message.hasPrefix("Provider configuration not present") == true,
                "\(planned.diagnostics.map(\.rendered))")
    }
}
