import DriftModel
import Foundation
import Terraform
import Testing

/// Provider configurations reaching child modules as Terraform 1.11 passes them: defaults are
/// inherited (with or without a `providers` argument), aliases only when a call passes them.
/// Checked against `terraform validate`/`plan` with hashicorp/aws 5.100: the configuration each
/// resource is planned with is captured in the differential fixtures (`providerConfigKey`,
/// `providerRegions`), the error texts come from terraform's own diagnostics.
@Suite("Provider configurations passed to child modules")
struct ProviderPassingTests {
    @Test(
        "each resource uses the provider configuration, and so the region, terraform plans it with",
        arguments: DifferentialTests.fixtures)
    func configurationKeys(_ name: String) throws {
        let expected = try DifferentialTests.json(name + ".expected.json")
        guard let regions = expected["providerRegions"]?.objectValue else { return }  // captured before the key was
        let baseline = BaselineLoader(directory: DifferentialTests.directory + "/" + name, environment: [:]).load()
        #expect(baseline.diagnostics.isEmpty, "\(baseline.diagnostics.map(\.rendered))")
        let planned = expected["resources"]?.objectValue ?? [:]
        #expect(!planned.isEmpty)
        for resource in baseline.resources {
            let key = try #require(planned[resource.address]?["providerConfigKey"]?.stringValue, "\(resource.address)")
            #expect((resource.providerAlias ?? "aws") == key, "\(resource.address)")
            let settings = key == "aws" ? baseline.provider : baseline.aliasedProviders[Self.aliasKey(key)]
            #expect(settings != nil || key == "aws", "\(resource.address): no configuration \(key)")
            if let region = regions[key]?.stringValue {  // only literal regions are captured
                #expect(settings?.region == region, "\(resource.address): \(key)")
            }
        }
    }

    @Test("a call with providers = still passes the default configuration; aliases go only where passed")
    func inheritance() throws {
        let baseline = BaselineLoader(
            directory: DifferentialTests.directory + "/module-provider-passing", environment: [:]
        ).load()
        let home = try #require(baseline.resource("module.passed.aws_s3_bucket.home"))
        #expect(home.providerAlias == nil)
        #expect(home.attributes["tags_all"] == ["Name": "passed-home", "Owner": "root", "Region": "us-east-1"])
        let swapped = try #require(baseline.resource("module.swapped.module.relayed.module.leaf.aws_s3_bucket.this"))
        #expect(swapped.providerAlias == "aws.east2")
        #expect(swapped.attributes["tags_all"] == ["Name": "swapped-relayed-leaf", "Region": "us-east-2"])
        let inherited = try #require(baseline.resource("module.swapped.module.inherits.aws_s3_bucket.this"))
        #expect(inherited.providerAlias == "aws.west")
    }

    @Test("unpassed configuration_aliases, undeclared aliases and missing parent configurations are errors")
    func errors() {
        let baseline = LoaderFixtures.load("provider-passing")
        #expect(baseline.diagnostics.map(\.rendered) == Self.expectedErrors)
        #expect(baseline.resource("module.implicit[1].aws_s3_bucket.west") != nil)
    }

    @Test("passing a default configuration explicitly needs one the caller has, not an implicitly inherited one")
    func explicitDefaults() {
        let baseline = LoaderFixtures.load("provider-passing-defaults")
        #expect(baseline.diagnostics.map(\.rendered) == Self.expectedDefaults)
        #expect(baseline.resources.count == 3)
    }

    @Test("a providers entry for a name the child does not declare is a warning, as in terraform validate")
    func undeclaredName() throws {
        let files = [
            "main.tf": """
                provider "aws" {
                  alias  = "west"
                  region = "us-west-2"
                }

                module "c" {
                  source = "./child"
                  providers = {
                    aws.west = aws.west
                  }
                }

                """,
            "child/main.tf": "resource \"aws_s3_bucket\" \"w\" {\n  provider = aws.west\n  bucket   = \"w\"\n}\n",
        ]
        let directory = try Self.module(files)
        defer { try? FileManager.default.removeItem(at: directory) }
        let baseline = BaselineLoader(directory: directory.path, environment: [:]).load()
        #expect(baseline.diagnostics.map(\.rendered) == [
            """
            main.tf:9:5: warning: Reference to undefined provider
                aws.west = aws.west
                ^
            There is no explicit declaration for local provider name "aws.west" in module.c, so Terraform is assuming you mean to pass a configuration for "hashicorp/aws".
            If you also control the child module, add a required_providers entry named "aws.west" with the source address "hashicorp/aws".
            """
        ])
        #expect(baseline.resource("module.c.aws_s3_bucket.w")?.providerAlias == "aws.west")
    }

    @Test("a call to a module that is not evaluable offline still has its providers checked on the caller's side")
    func remoteModule() throws {
        let directory = try Self.module([
            "main.tf": """
                provider "aws" {
                  region = "us-east-1"
                }

                module "vpc" {
                  source = "terraform-aws-modules/vpc/aws"
                  providers = {
                    aws = aws.nope
                  }
                }

                """
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let baseline = BaselineLoader(directory: directory.path, environment: [:]).load()
        #expect(baseline.diagnostics.map(\.rendered) == [
            """
            main.tf:8:11: error: missing provider provider["registry.terraform.io/hashicorp/aws"].nope
                aws = aws.nope
                      ^
            """
        ])
        #expect(baseline.warnings.map(\.code) == ["ModuleNotEvaluable"])
    }

    /// A module directory with `files`, in a fresh temporary directory.
    static func module(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("passing-\(UUID().uuidString)")
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return directory
    }

    static func aliasKey(_ key: String) -> String { key.hasPrefix("aws.") ? String(key.dropFirst(4)) : key }
}
