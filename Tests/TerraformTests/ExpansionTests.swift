import DriftModel
import Terraform
import Testing

@Suite("count, for_each, modules and dynamic blocks")
struct ExpansionTests {
    @Test("count and for_each give Terraform's addresses, each instance with its own values")
    func countAndForEach() throws {
        let baseline = LoaderFixtures.load("expansion")
        #expect(baseline.diagnostics.isEmpty, "\(baseline.diagnostics.map(\.rendered))")
        #expect(baseline.resources.map(\.address) == [
            "aws_instance.counted[0]", "aws_instance.counted[1]", "aws_instance.keyed[\"api\"]",
            "aws_instance.keyed[\"web\"]",
        ])
        let web = try #require(baseline.resource("aws_instance.keyed[\"web\"]"))
        #expect(web.index == .string("web"))
        #expect(web.attributes["instance_type"] == "t3.micro")
        #expect(web.attributes["tags"] == ["Name": "web"])
        #expect(baseline.resource("aws_instance.counted[1]")?.attributes["tags"] == ["Name": "node-1"])
    }

    @Test("local modules expand with for_each and count, nest, pass outputs; registry modules are a warning")
    func modules() throws {
        let baseline = LoaderFixtures.load("modules")
        #expect(!baseline.hasErrors, "\(baseline.diagnostics.map(\.rendered))")
        #expect(baseline.resources.map(\.address) == [
            "module.svc[\"api\"].aws_instance.node[0]", "module.svc[\"api\"].aws_instance.node[1]",
            "module.svc[\"api\"].module.bucket.aws_s3_bucket.this", "module.svc[\"web\"].aws_instance.node[0]",
            "module.svc[\"web\"].module.bucket.aws_s3_bucket.this", "test_thing.uses_outputs",
        ])
        let node = try #require(baseline.resource("module.svc[\"api\"].aws_instance.node[1]"))
        #expect(node.module == "module.svc[\"api\"]")
        #expect(node.attributes["tags"] == ["Name": "svc-api-1", "Module": "modules/svc"])
        #expect(node.sources["instance_type"] == "modules/svc/main.tf:12:3")
        let uses = try #require(baseline.resource("test_thing.uses_outputs"))
        #expect(uses.attributes["first"] == "svc-api")
        #expect(uses.unknown == ["remote"])
        #expect(baseline.warnings.map(\.code) == ["ModuleNotEvaluable", "UnknownValue"])
        #expect(baseline.warnings.last?.source == "main.tf:15:3")
    }

    @Test("dynamic blocks expand with iterators, nested dynamic blocks included")
    func dynamicBlocks() throws {
        let baseline = LoaderFixtures.load("dynamic")
        #expect(baseline.diagnostics.isEmpty, "\(baseline.diagnostics.map(\.rendered))")
        #expect(baseline.resource("aws_dynamodb_table.t")?.attributes["attribute"] == [
            ["name": "pk", "type": "S"], ["name": "sk", "type": "N"],
        ])
        #expect(baseline.resource("test_thing.nested")?.attributes["rule"] == [
            ["id": "a", "item": [["value": "a-x"], ["value": "a-y"]]],
            ["id": "b", "item": [["value": "b-z"]]],
        ])
    }

    @Test("a dynamic block over an empty collection is no block, at the top level and nested")
    func emptyDynamicBlocks() throws {
        let baseline = LoaderFixtures.load("dynamic")
        #expect(baseline.diagnostics.isEmpty, "\(baseline.diagnostics.map(\.rendered))")
        let instance = try #require(baseline.resource("aws_instance.none"))
        #expect(instance.attributes["ebs_block_device"] == nil)
        let rule = try #require(baseline.resource("aws_s3_bucket_lifecycle_configuration.none")?.attributes["rule"]?.arrayValue?.first)
        #expect(rule["transition"] == nil)
        #expect(rule["id"] == "r")
    }
}
