import Terraform
import Testing

/// Load-time provider checks with Terraform 1.11's wording (configs/provider_validation.go and
/// configs/module.go), each text captured from `terraform init -json` on the same fixture:
/// a `providers` entry passing a configuration of another provider type than the child's local
/// name stands for, a module with more than one `required_providers` block, and a provider type
/// required twice or under another name than its blocks and resources use.
@Suite("Provider types and required_providers blocks")
struct ProviderTypeTests {
    @Test("a passed configuration of another provider type: the child's other local name suggested, else both types named")
    func typeMismatch() {
        let baseline = LoaderFixtures.load("provider-types")
        #expect(baseline.diagnostics.map(\.rendered) == [
            """
            main.tf:23:5: error: Provider type mismatch
                aws      = aws
                ^
            The assigned configuration is for provider "hashicorp/aws", but local name "aws" in the root module represents "example/aws".
            To pass this configuration to the child module, use the local name "hcaws" instead.
            """,
            """
            main.tf:24:5: error: Provider type mismatch
                aws.west = aws.west
                ^
            The assigned configuration is for provider "hashicorp/aws", but local name "aws" in the root module represents "example/aws".
            To pass this configuration to the child module, use the local name "hcaws" instead.
            """,
            """
            modules/typed/main.tf:17:12: error: Provider type mismatch
                gaws = hcaws
                       ^
            The local name "hcaws" in module.typed represents provider "hashicorp/aws", but "gaws" in module.typed.module.grand represents "other/gaws".
            Each provider has its own distinct configuration schema and provider types, so this module's "gaws" can be assigned only a configuration for other/gaws, which is not required by module.typed.module.grand.
            """,
        ])
    }

    @Test("a second required_providers block, in the same file or another, is an error naming the first")
    func duplicateRequiredProviders() {
        let baseline = LoaderFixtures.load("duplicate-required")
        #expect(baseline.diagnostics.map(\.rendered) == [
            """
            main.tf:10:3: error: Duplicate required providers configuration
              required_providers {
              ^
            A module may have only one required providers configuration. The required providers were previously configured at main.tf:2,3-21.
            """,
            """
            versions.tf:4:3: error: Duplicate required providers configuration
              required_providers {
              ^
            A module may have only one required providers configuration. The required providers were previously configured at main.tf:2,3-21.
            """,
        ])
    }

    @Test("a provider type required twice, or under another name than its provider blocks and resources use: warnings")
    func duplicateRequiredProvider() {
        let baseline = LoaderFixtures.load("duplicate-provider")
        #expect(baseline.diagnostics.map(\.rendered) == [
            """
            main.tf:7:14: warning: Duplicate required provider
                awsalt = {
                         ^
            Provider hashicorp/aws with the local name "awsalt" was previously required as "aws". A provider can only be required once within required_providers.
            """,
            """
            main.tf:10:16: warning: Duplicate required provider
                myrandom = {
                           ^
            Provider hashicorp/random with the local name "myrandom" was implicitly required via a configuration block as "random". The provider configuration block name must match the name used in required_providers.
            """,
            """
            main.tf:18:1: warning: Duplicate required provider
            resource "random_id" "r" {
            ^
            Provider "registry.terraform.io/hashicorp/random" was implicitly required via resource "random_id.r", but listed in required_providers as "myrandom". Either the local name in required_providers must match the resource name, or the "myrandom" provider must be assigned within the resource block.
            """,
            """
            main.tf:22:1: warning: Duplicate required provider
            data "random_thing" "t" {}
            ^
            Provider "registry.terraform.io/hashicorp/random" was implicitly required via resource "data.random_thing.t", but listed in required_providers as "myrandom". Either the local name in required_providers must match the resource name, or the "myrandom" provider must be assigned within the resource block.
            """,
        ])
        #expect(baseline.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test("a child that does not declare the passed name: it stands for hashicorp/NAME, a warning and a mismatch")
    func undeclaredChildName() {
        let baseline = LoaderFixtures.load("provider-types-undeclared")
        #expect(baseline.diagnostics.map(\.rendered) == [
            """
            main.tf:18:11: error: Provider type mismatch
                aws = myaws.x
                      ^
            The local name "myaws.x" in the root module represents provider "example/aws", but "aws" in module.plain represents "hashicorp/aws".
            Each provider has its own distinct configuration schema and provider types, so this module's "aws" can be assigned only a configuration for hashicorp/aws, which is not required by module.plain.
            """,
            """
            main.tf:18:5: warning: Reference to undefined provider
                aws = myaws.x
                ^
            There is no explicit declaration for local provider name "aws" in module.plain, so Terraform is assuming you mean to pass a configuration for "hashicorp/aws".
            If you also control the child module, add a required_providers entry named "aws" with the source address "hashicorp/aws".
            """,
        ])
    }
}
