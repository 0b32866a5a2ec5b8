import DriftModel
import Foundation
import Terraform
import Testing

/// Child modules with their own `provider "aws"` blocks, as `terraform init` and `terraform plan`
/// treat them (checked with terraform 1.11 and hashicorp/aws 5.100; the values are also a
/// differential fixture, `Fixtures/differential/module-provider`).
@Suite("Legacy modules: provider blocks inside child modules")
struct LegacyProviderTests {
    static var differential: String {
        (Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.path ?? "Fixtures")
            + "/differential/module-provider"
    }

    @Test("a child's own provider gives its resources, and its children's, their region, default_tags and ignore_tags")
    func ownConfiguration() throws {
        let baseline = BaselineLoader(directory: Self.differential, environment: [:]).load()
        #expect(baseline.diagnostics.isEmpty, "\(baseline.diagnostics.map(\.rendered))")
        let own = try #require(baseline.aliasedProviders["module.legacy:aws"])
        #expect(own.region == "eu-west-1")
        #expect(own.defaultTags == ["Owner": "legacy-prod", "Env": "prod", "Drop": "never-seen"])
        #expect(baseline.aliasedProviders["module.legacy:aws.tagged"]?.region == "us-west-2")
        #expect(baseline.provider.region == "us-east-1")

        let data = try #require(baseline.resource("module.legacy.aws_s3_bucket.data"))
        #expect(data.providerAlias == "module.legacy:aws")
        #expect(data.attributes["tags_all"] == ["Env": "prod", "Name": "data", "Owner": "legacy-prod"])
        let inner = try #require(baseline.resource("module.legacy.module.inner.aws_s3_bucket.this"))
        #expect(inner.providerAlias == "module.legacy:aws")
        let passed = try #require(baseline.resource("module.legacy.module.inner_tagged.aws_s3_bucket.this"))
        #expect(passed.providerAlias == "module.legacy:aws.tagged")
        #expect(passed.attributes["tags_all"] == ["Alias": "tagged", "Name": "mp-inner-tagged"])
        let plain = try #require(baseline.resource("module.plain.aws_s3_bucket.this"))
        #expect(plain.providerAlias == nil)
        #expect(plain.attributes["tags_all"] == ["Owner": "root", "Team": "platform"])
    }

    @Test("count or depends_on on a call whose module tree configures providers, and providers = over an own configuration, are errors (the undeclared name and empty blocks warnings)")
    func loadErrors() {
        let baseline = LoaderFixtures.load("legacy-providers")
        #expect(baseline.diagnostics.map(\.rendered) == [
            """
            main.tf:22:12: error: Module is incompatible with count, for_each, and depends_on
              count  = 2
                       ^
            The module at module.counted is a legacy module which contains its own local provider configurations, and so calls to it may not use the count, for_each, or depends_on arguments.
            If you also control the module "./modules/own", consider updating this module to instead expect provider configurations to be passed by its caller.
            """,
            """
            main.tf:30:5: error: Cannot override provider configuration
                aws = aws.west
                ^
            The configuration of module.overridden has its own local configuration for aws, and so it cannot accept an overridden configuration provided by the root module.
            """,
            """
            main.tf:54:17: error: Module is incompatible with count, for_each, and depends_on
              depends_on = [aws_s3_bucket.first]
                            ^
            The module at module.after is a legacy module which contains its own local provider configurations, and so calls to it may not use the count, for_each, or depends_on arguments.
            If you also control the module "./modules/own", consider updating this module to instead expect provider configurations to be passed by its caller.
            """,
            """
            main.tf:30:5: warning: Reference to undefined provider
                aws = aws.west
                ^
            There is no explicit declaration for local provider name "aws" in module.overridden, so Terraform is assuming you mean to pass a configuration for "hashicorp/aws".
            If you also control the child module, add a required_providers entry named "aws" with the source address "hashicorp/aws".
            """,
            """
            modules/blank/main.tf:5:1: warning: Redundant empty provider block
            provider "aws" {}
            ^
            Earlier versions of Terraform used empty provider blocks ("proxy provider configurations") for child modules to declare their need to be passed a provider configuration by their callers. That approach was ambiguous and is now deprecated.
            If you control this module, you can migrate to the new declaration syntax by removing all of the empty provider "aws" blocks and then adding or updating an entry like the following to the required_providers block of module.blank:
                aws = {
                  source = "hashicorp/aws"
                }
            """,
            """
            modules/blank/main.tf:5:1: warning: Redundant empty provider block
            provider "aws" {}
            ^
            Earlier versions of Terraform used empty provider blocks ("proxy provider configurations") for child modules to declare their need to be passed a provider configuration by their callers. That approach was ambiguous and is now deprecated.
            If you control this module, you can migrate to the new declaration syntax by removing all of the empty provider "aws" blocks and then adding or updating an entry like the following to the required_providers block of module.proxy:
                aws = {
                  source = "hashicorp/aws"
                }
            """,
        ])
    }

    @Test("an empty provider block is a proxy when the call passes the provider in, else an empty configuration")
    func emptyBlocks() throws {
        let baseline = LoaderFixtures.load("legacy-providers")
        let proxy = try #require(baseline.resource("module.proxy.module.bucket.aws_s3_bucket.this"))
        #expect(proxy.providerAlias == "aws.west")
        #expect(proxy.attributes["tags_all"] == ["Name": "proxy", "Owner": "west"])
        let blank = try #require(baseline.resource("module.blank.module.bucket.aws_s3_bucket.this"))
        #expect(blank.providerAlias == "module.blank:aws")
        #expect(blank.attributes["tags_all"] == ["Name": "blank"])
        #expect(baseline.aliasedProviders["module.blank:aws"] == ProviderSettings(source: "modules/blank/main.tf:5:1"))
        #expect(baseline.aliasedProviders["module.proxy:aws"] == nil)
    }

    @Test("a nested legacy module below a for_each call is reported with its static path, once")
    func nestedStaticPath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("legacy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = [
            "main.tf": "module \"outer\" {\n  source   = \"./outer\"\n  for_each = toset([\"a\", \"b\"])\n}\n",
            "outer/main.tf": "module \"deep\" {\n  source = \"../deep\"\n}\n",
            "deep/main.tf": "provider \"aws\" {\n  region = \"eu-west-2\"\n}\n",
        ]
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let baseline = BaselineLoader(directory: directory.path, environment: [:]).load()
        #expect(baseline.diagnostics.map(\.location) == ["main.tf:3:14"])
        #expect(baseline.diagnostics.first?.rendered.contains("The module at module.outer.module.deep is a legacy") == true)
        #expect(baseline.aliasedProviders.keys.sorted() == [
            "module.outer[\"a\"].module.deep:aws", "module.outer[\"b\"].module.deep:aws",
        ])
    }
}
