import DriftModel
import Terraform
import Testing

@Suite("Configuration errors are diagnostics with Terraform's wording and a location")
struct DiagnosticTests {
    @Test("undeclared references, unsupported arguments and blocks, each/count misuse: whole rendered text")
    func invalidReferences() {
        let baseline = LoaderFixtures.load("invalid-refs")
        #expect(baseline.diagnostics.map(\.rendered) == [
            """
            main.tf:2:14: error: Reference to undeclared input variable
              bucket   = var.missing
                         ^
            An input variable with the name "missing" has not been declared. This variable can be declared with a variable "missing" {} block.
            """,
            """
            main.tf:3:23: error: Reference to undeclared local value
              tags     = { Name = local.nope }
                                  ^
            A local value with the name "nope" has not been declared.
            """,
            """
            main.tf:4:3: error: Unsupported argument
              colour   = "blue"
              ^
            An argument named "colour" is not expected here.
            """,
            """
            main.tf:5:14: error: Reference to undeclared resource
              policy   = aws_s3_bucket.ghost.id
                         ^
            A managed resource "aws_s3_bucket" "ghost" has not been declared in the root module.
            """,
            """
            main.tf:11:19: error: Reference to "each" in context without for_each
              instance_type = each.key
                              ^
            The "each" object can be used only in "module" or "resource" blocks, and only when the "for_each" argument is set.
            """,
            """
            main.tf:13:3: error: Unsupported block type
              root_device {
              ^
            Blocks of type "root_device" are not expected here.
            """,
        ])
        #expect(baseline.resource("aws_s3_bucket.b")?.unknown == ["bucket", "policy", "tags", "tags_all"])
    }

    @Test("nullable = false turns a null into the default; optional() attributes get their defaults")
    func nullableAndOptional() throws {
        let baseline = LoaderFixtures.load(
            "nullable", arguments: [.file(LoaderFixtures.root + "/nullable/nulls.tfvars")])
        #expect(baseline.diagnostics.isEmpty, "\(baseline.diagnostics.map(\.rendered))")
        let thing = try #require(baseline.resource("test_thing.x"))
        #expect(thing.attributes["strict"] == "fallback")
        #expect(thing.attributes["loose"] == "was null")
        #expect(thing.attributes["settings"] == ["size": 8, "encrypt": true, "name": "disk"])
    }
}
