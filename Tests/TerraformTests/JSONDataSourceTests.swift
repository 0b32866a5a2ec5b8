import HCL
import Testing

@testable import Terraform

/// `.tf.json` data source bodies read by their own type's blocks, as Terraform decodes them by the
/// provider's data source schema (the differential fixture `json-data` checks the same against
/// terraform plan).
@Suite(".tf.json: attribute or block decided per data source type")
struct JSONDataSourceTests {
    static func data(_ json: String) -> (Body, [Diagnostic]) {
        let result = HCLJSON.parse(json, filename: "main.tf.json", schema: TerraformJSONSchema.file)
        return (result.body.blocks.first?.body ?? result.body, result.diagnostics)
    }

    @Test("owner is a string of aws_ssm_patch_baseline, though a block of aws_s3_bucket_acl")
    func attributeByType() {
        let (body, diagnostics) = Self.data(#"{"data": {"aws_ssm_patch_baseline": {"l": {"owner": "AWS", "name_prefix": "AWS-"}}}}"#)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(body.attributes.map(\.name).sorted() == ["name_prefix", "owner"])
        #expect(body.blocks.isEmpty)
    }

    @Test("aws_iam_policy_document's statement and its principals are blocks, at their own depth only")
    func nestedBlocks() throws {
        let (body, diagnostics) = Self.data(
            #"{"data": {"aws_iam_policy_document": {"d": {"statement": [{"actions": ["s3:GetObject"], "principals": {"type": "AWS", "identifiers": ["*"]}}]}}}}"#)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let statement = try #require(body.blocks(ofType: "statement").first)
        #expect(statement.body.attributes.map(\.name) == ["actions"])
        #expect(statement.body.blocks.map(\.type) == ["principals"])
    }

    @Test("aws_ami's filter blocks, each with its name and values")
    func filters() {
        let (body, diagnostics) = Self.data(
            #"{"data": {"aws_ami": {"a": {"owners": ["amazon"], "filter": [{"name": "name", "values": ["x"]}, {"name": "architecture", "values": ["x86_64"]}]}}}}"#)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(body.blocks.map(\.type) == ["filter", "filter"])
        #expect(body.blocks.allSatisfy { $0.body.attributes.map(\.name).sorted() == ["name", "values"] })
    }

    @Test("a data source of another provider keeps the union of known block names")
    func otherProvider() {
        let (body, diagnostics) = Self.data(#"{"data": {"other_thing": {"o": {"filter": {"name": "x"}, "label": "y"}}}}"#)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(body.blocks.map(\.type) == ["filter"])
        #expect(body.attributes.map(\.name) == ["label"])
    }
}
