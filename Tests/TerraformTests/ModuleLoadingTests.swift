import DriftModel
import Terraform
import Testing

@Suite("Module loading: files, overrides, .tf.json")
struct ModuleLoadingTests {
    @Test("override files replace attributes, nested blocks of the same type and locals; ignored files are skipped")
    func overrides() throws {
        let baseline = LoaderFixtures.load("overrides")
        #expect(baseline.diagnostics.isEmpty, "\(baseline.diagnostics.map(\.rendered))")
        let bucket = try #require(baseline.resource("aws_s3_bucket.logs"))
        #expect(bucket.attributes["bucket"] == "logs-override")
        #expect(bucket.attributes["tags"] == ["Team": "base"])
        #expect(bucket.sources["bucket"] == "override.tf:2:3")
        let table = try #require(baseline.resource("aws_dynamodb_table.t"))
        #expect(table.attributes["hash_key"] == "pk")
        #expect(table.attributes["attribute"] == [["name": "pk", "type": "N"]])
        #expect(table.ignoreChanges == ["tags"])
        #expect(baseline.resource("test_thing.env")?.attributes["env"] == "override")
    }

    @Test("a .tf.json module reads blocks by the provider schema and strings as templates")
    func jsonSyntax() throws {
        let baseline = LoaderFixtures.load("json")
        #expect(baseline.diagnostics.isEmpty, "\(baseline.diagnostics.map(\.rendered))")
        let bucket = try #require(baseline.resource("aws_s3_bucket.b"))
        #expect(bucket.attributes["bucket"] == "from-json")
        #expect(bucket.attributes["tags"] == ["Name": "json", "Zones": "a,b"])
        #expect(bucket.providerAlias == "aws.west")
        #expect(bucket.ignoreChanges == ["tags"])
        #expect(bucket.sources["bucket"] == "main.tf.json:11:7")
        #expect(baseline.aliasedProviders["west"]?.region == "us-west-2")
        #expect(baseline.resource("aws_dynamodb_table.t")?.attributes["attribute"] == [["name": "id", "type": "S"]])
    }

    @Test("a syntax error is reported with file:line:col, the line and a caret; the rest still loads")
    func brokenFile() throws {
        let baseline = LoaderFixtures.load("broken")
        #expect(baseline.hasErrors)
        let first = try #require(baseline.diagnostics.first)
        #expect(first.location == "main.tf:6:16")
        #expect(first.rendered.hasPrefix("main.tf:6:16: error: "))
        #expect(first.rendered.contains("\n  bucket = \"x\" tags = {}\n               ^"))
        #expect(baseline.resource("aws_s3_bucket.ok")?.attributes["bucket"] == "fine")
    }

    @Test("a module that calls back into a calling module's directory is an error, not endless recursion")
    func moduleLoop() {
        let baseline = LoaderFixtures.load("module-loop")
        #expect(baseline.diagnostics.map(\.location) == ["inner/main.tf:2:12"])
        #expect(baseline.errorMessages == ["Module source loop"])
    }

    @Test("a missing directory is a diagnostic, not a crash")
    func missingDirectory() {
        let baseline = BaselineLoader(directory: "/nonexistent/drift-baseline", environment: [:]).load()
        #expect(baseline.errorMessages == ["Missing configuration directory"])
    }
}
