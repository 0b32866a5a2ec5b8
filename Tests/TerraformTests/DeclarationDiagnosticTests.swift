import Terraform
import Testing

/// Block-level load errors as Terraform 1.11 words and places them (configs/module.go; texts
/// captured with `terraform init -json` on the same fixtures): duplicate declarations name the
/// first one's DeclRange (`main.tf:1,1-29`: the header in native syntax), and in `.tf.json` a
/// block's errors point at its object's opening brace, not at its property name.
@Suite("Duplicate declarations and .tf.json block locations")
struct DeclarationDiagnosticTests {
    @Test("duplicate resource, data source, variable, output, module call and local value: terraform's texts")
    func duplicates() {
        let baseline = LoaderFixtures.load("duplicates")
        #expect(baseline.diagnostics.map(\.rendered) == [
            """
            main.tf:20:3: error: Duplicate local value definition
              a = 1
              ^
            A local value named "a" was already defined at b.tf:2,3-12. Local value names must be unique within a module.
            """,
            """
            other.tf:1:1: error: Duplicate resource "aws_s3_bucket" configuration
            resource "aws_s3_bucket" "a" {
            ^
            A aws_s3_bucket resource named "a" was already declared at main.tf:1,1-29. Resource names must be unique per type in each module.
            """,
            """
            other.tf:5:1: error: Duplicate data "aws_region" configuration
            data "aws_region" "r" {}
            ^
            A aws_region data resource named "r" was already declared at main.tf:5,1-22. Resource names must be unique per type in each module.
            """,
            """
            other.tf:7:1: error: Duplicate variable declaration
            variable "v" {}
            ^
            A variable named "v" was already declared at main.tf:7,1-13. Variable names must be unique within a module.
            """,
            """
            other.tf:9:1: error: Duplicate output definition
            output "o" {
            ^
            An output named "o" was already defined at main.tf:11,1-11. Output names must be unique within a module.
            """,
            """
            other.tf:13:1: error: Duplicate module call
            module "m" {
            ^
            A module call named "m" was already defined at main.tf:15,1-11. Module calls must have unique names within a module.
            """,
        ])
    }

    @Test(".tf.json blocks: errors at the object's brace, earlier declarations named by it; evaluation's after them")
    func jsonBlocks() {
        let baseline = LoaderFixtures.load("json-blocks")
        #expect(baseline.diagnostics.map(\.rendered) == [
            """
            other.tf.json:4:29: error: Duplicate required providers configuration
                  "required_providers": {
                                        ^
            A module may have only one required providers configuration. The required providers were previously configured at main.tf.json:3,27-28.
            """,
            """
            other.tf.json:11:12: error: Duplicate resource "aws_s3_bucket" configuration
                  "a": {
                       ^
            A aws_s3_bucket resource named "a" was already declared at main.tf.json:9,12-13. Resource names must be unique per type in each module.
            """,
            """
            other.tf.json:17:10: error: Duplicate variable declaration
                "v": {}
                     ^
            A variable named "v" was already declared at main.tf.json:13,10-11. Variable names must be unique within a module.
            """,
            """
            main.tf.json:16:14: error: Missing required provider configuration
                "child": {"source": "./child"}
                         ^
            The child module requires an additional configuration for provider hashicorp/aws, with the local name "aws.east".
            Refer to the module's documentation to understand the intended purpose of this additional provider configuration, and then add an entry for aws.east in the "providers" meta-argument in the module block to choose which provider configuration the module should use for that purpose.
            """,
        ])
    }
}
