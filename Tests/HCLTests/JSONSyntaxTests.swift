import Testing

@testable import HCL

@Suite("JSON syntax (.tf.json)")
struct JSONSyntaxTests {
    static let schema = BodySchema(blocks: [
        "variable": BlockSchema(labelCount: 1),
        "locals": BlockSchema(labelCount: 0),
        "resource": BlockSchema(
            labelCount: 2,
            body: BodySchema(blocks: ["lifecycle": BlockSchema(), "ebs_block_device": BlockSchema()])),
    ])

    @Test("label levels are nested objects; arrays hold repeated blocks; the schema decides blocks")
    func structure() throws {
        let source = try TestHelpers.fixture("main.tf.json")
        let result = HCLJSON.parse(source, filename: "main.tf.json", schema: Self.schema)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let body = result.body
        #expect(body.attributes.isEmpty)
        #expect(body.blocks(ofType: "variable").map(\.labels) == [["region"], ["names"]])
        let resources = body.blocks(ofType: "resource")
        #expect(resources.map(\.labels) == [["aws_s3_bucket", "state"], ["aws_instance", "web"]])
        let bucket = try #require(resources.first)
        #expect(bucket.body.attributes.map(\.name) == ["bucket", "count", "tags"])
        #expect(bucket.body.blocks.map(\.type) == ["lifecycle"])
        #expect(resources[1].body.blocks(ofType: "ebs_block_device").count == 2)
        #expect(body.blocks(ofType: "locals").count == 2)
        #expect(bucket.body.attribute("bucket")?.range.description == "main.tf.json:10:9")
    }

    @Test("string values are templates, with positions inside the JSON file")
    func templates() throws {
        let source = try TestHelpers.fixture("main.tf.json")
        let result = HCLJSON.parse(source, filename: "main.tf.json", schema: Self.schema)
        let bucket = try #require(result.body.blocks(ofType: "resource").first)
        let context = EvalContext(variables: ["var": .object(["region": .string("eu-west-1")])])
        let bucketExpression = try #require(bucket.body.attribute("bucket")).expression
        #expect(Evaluator.evaluate(bucketExpression, in: context).0 == .string("state-eu-west-1"))
        let tags = try #require(bucket.body.attribute("tags")).expression
        #expect(Evaluator.evaluate(tags, in: context).0 == .object(["Name": .string("state"), "eu-west-1-key": .bool(true)]))
        let traversals = bucketExpression.traversals()
        #expect(traversals.map(\.range.description) == ["main.tf.json:10:28"])
        let two = try #require(result.body.blocks(ofType: "locals").last?.body.attribute("two")).expression
        #expect(Evaluator.evaluate(two, in: context).0 == .number(2))
    }

    @Test("a block's body schema can depend on its labels; nil falls back to the block's body")
    func schemaByLabels() throws {
        let schema = BodySchema(blocks: [
            "resource": BlockSchema(
                labelCount: 2, body: BodySchema(blocks: ["rule": BlockSchema()]),
                bodyForLabels: { labels in labels == ["typed", "x"] ? .attributesOnly : nil }),
        ])
        let source = #"{"resource": {"typed": {"x": {"rule": true}}, "other": {"y": {"rule": {"a": 1}}}}}"#
        let result = HCLJSON.parse(source, filename: "x.tf.json", schema: schema)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let resources = result.body.blocks(ofType: "resource")
        let typed = try #require(resources.first { $0.labels == ["typed", "x"] })
        #expect(typed.body.attribute("rule") != nil)
        #expect(typed.body.blocks.isEmpty)
        let other = try #require(resources.first { $0.labels == ["other", "y"] })
        #expect(other.body.blocks(ofType: "rule").count == 1)
        #expect(other.body.attributes.isEmpty)
    }

    @Test("without a schema entry every property is an attribute")
    func attributesOnly() {
        let result = HCLJSON.parse(#"{"a": {"b": [1, true, null]}}"#, filename: "x.json", schema: .attributesOnly)
        #expect(result.diagnostics.isEmpty)
        let value = result.body.attribute("a").map { Evaluator.evaluate($0.expression, in: EvalContext()).0 }
        #expect(value == .object(["b": .tuple([.number(1), .bool(true), .null])]))
    }

    @Test("JSON syntax errors and structural errors are diagnostics", arguments: [
        (#"{"a": 1,}"#, "x.tf.json:1:9: error: Invalid JSON\n{\"a\": 1,}\n        ^\nInvalid object: a property name string is expected."),
        (#"[1]"#, "x.tf.json:1:1: error: Root value must be object\n[1]\n^\nThe root value in a JSON-based configuration must be a JSON object."),
        (#"{"a": 1, "a": 2}"#, "x.tf.json:1:10: error: Duplicate argument\n{\"a\": 1, \"a\": 2}\n         ^\nThe argument \"a\" was already set at x.tf.json:1,2-5. Each argument may be set only once."),
        (#"{"variable": "x"}"#, "x.tf.json:1:14: error: Incorrect JSON value type\n{\"variable\": \"x\"}\n             ^\nThe block \"variable\" must be an object whose property names are block labels."),
        ("{\"a\": \"${\"}", "x.tf.json:1:10: error: Missing expression\n{\"a\": \"${\"}\n         ^\nExpected the start of an expression, but found the end of the file."),
    ])
    func errors(source: String, expected: String) {
        let result = HCLJSON.parse(source, filename: "x.tf.json", schema: Self.schema)
        #expect(DiagnosticRenderer.render(result.diagnostics, source: source) == expected)
    }

    @Test("parseLiteral reads JSON values without templates, as for tfvars.json")
    func literal() {
        let (value, diagnostics) = HCLJSON.parseLiteral(#"{"a": "${x}", "n": [1, 2.5], "o": {"t": true, "z": null}}"#, filename: "v.tfvars.json")
        #expect(diagnostics.isEmpty)
        #expect(value == .object(["a": .string("${x}"), "n": .tuple([.number(1), .number(2.5)]), "o": .object(["t": .bool(true), "z": .null])]))
        let (broken, problems) = HCLJSON.parseLiteral("{\"a\" 1}", filename: "v.tfvars.json")
        #expect(broken == nil)
        #expect(DiagnosticRenderer.render(problems, source: "{\"a\" 1}") == "v.tfvars.json:1:6: error: Invalid JSON\n{\"a\" 1}\n     ^\nMissing colon after property name.")
    }

    @Test("JSON escapes decode, including surrogate pairs; a lone surrogate becomes U+FFFD")
    func escapes() {
        let (value, _) = HCLJSON.parseLiteral(#"["\u00e9\ud83d\ude00\n\/", "\ud83d\u0041"]"#, filename: "e.json")
        #expect(value == .tuple([.string("é😀\n/"), .string("\u{FFFD}A")]))
    }

    /// Terraform computes `[2,{"//":"in expr object","k":1,"x":2},[2,"x3"],"${not}"]` for the
    /// output of `Fixtures/locals.tf.json`: "//" is a comment only in bodies, object keys are
    /// templates, a lone interpolation keeps its type and `$${` escapes.
    @Test("JSON expressions evaluate as Terraform evaluates them")
    func matchesTerraform() throws {
        let source = try TestHelpers.fixture("locals.tf.json")
        let schema = BodySchema(blocks: ["locals": BlockSchema(), "output": BlockSchema(labelCount: 1)])
        let result = HCLJSON.parse(source, filename: "locals.tf.json", schema: schema)
        #expect(result.diagnostics.isEmpty)
        let locals = try #require(result.body.blocks(ofType: "locals").first?.body)
        #expect(locals.attributes.map(\.name) == ["a", "m", "t", "lit"])
        var values: [String: HCLValue] = [:]
        for attribute in locals.attributes {
            values[attribute.name] = Evaluator.evaluate(attribute.expression, in: EvalContext(variables: ["local": .object(values)])).0
        }
        #expect(values["a"] == .number(2))
        #expect(values["m"] == .object(["//": .string("in expr object"), "k": .number(1), "x": .number(2)]))
        #expect(values["t"] == .tuple([.number(2), .string("x3")]))
        #expect(values["lit"] == .string("${not}"))
    }
}
