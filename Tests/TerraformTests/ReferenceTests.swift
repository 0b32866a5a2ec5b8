import DriftModel
import Terraform
import Testing

@Suite("Providers, tags, unknowns, cycles and sensitive values")
struct ReferenceTests {
    @Test("tags_all is default_tags merged with tags, the resource wins, ignore_tags removed; aliases pick their provider")
    func defaultTags() throws {
        let baseline = LoaderFixtures.load("tags")
        #expect(baseline.diagnostics.isEmpty, "\(baseline.diagnostics.map(\.rendered))")
        #expect(baseline.provider.region == "eu-west-1")
        #expect(baseline.provider.defaultTagsSource == "main.tf:4:3")
        #expect(baseline.aliasedProviders["west"]?.region == "us-west-2")
        let merged = try #require(baseline.resource("aws_s3_bucket.merged"))
        #expect(merged.attributes["tags_all"] == ["Owner": "sre", "Team": "web", "Name": "merged"])
        #expect(baseline.resource("aws_s3_bucket.only_defaults")?.attributes["tags_all"] == ["Owner": "sre", "Team": "platform"])
        let west = try #require(baseline.resource("aws_s3_bucket.west"))
        #expect(west.providerAlias == "aws.west")
        #expect(west.attributes["tags_all"] == nil)
        #expect(west.unknown == ["tags_all"])
    }

    @Test("data sources and computed attributes are unknown and propagate; declared arguments of other resources resolve")
    func unknowns() throws {
        let baseline = LoaderFixtures.load("unknowns")
        #expect(baseline.diagnostics.isEmpty, "\(baseline.diagnostics.map(\.rendered))")
        #expect(baseline.resource("aws_s3_bucket_versioning.logs")?.attributes["bucket"] == "acme-logs")
        let web = try #require(baseline.resource("aws_instance.web"))
        #expect(web.unknown == ["ami", "tags", "tags_all"])
        #expect(web.attributes["ami"] == nil)
        #expect(web.attributes["tags"] == nil)
        #expect(baseline.resource("aws_dynamodb_table.t")?.attributes["name"] == "tbl-t3.micro")
    }

    @Test("a cycle between locals is reported once with its chain")
    func localsCycle() throws {
        let baseline = LoaderFixtures.load("cycle")
        #expect(baseline.diagnostics.map(\.rendered) == [
            """
            main.tf:2:3: error: Cycle in local values
              a = local.b
              ^
            The chain is local.a → local.b → local.c → local.a.
            """
        ])
        #expect(baseline.resource("test_thing.x")?.unknown == ["v"])
    }

    @Test("arguments derived from a sensitive variable are marked sensitive")
    func sensitive() throws {
        let baseline = LoaderFixtures.load("sensitive")
        let thing = try #require(baseline.resource("test_thing.x"))
        #expect(thing.sensitive == ["password"])
        #expect(thing.attributes["password"] == "pw-hunter2")
    }

    @Test("terraform.workspace follows the workspace given, else TF_WORKSPACE, else default; path.* are relative")
    func workspaceAndPaths() throws {
        let given = LoaderFixtures.load("paths", workspace: "staging")
        #expect(given.resource("test_thing.where")?.attributes == ["workspace": "staging", "module": ".", "root": "."])
        let env = LoaderFixtures.load("paths", environment: ["TF_WORKSPACE": "qa"])
        #expect(env.resource("test_thing.where")?.attributes["workspace"] == "qa")
        #expect(LoaderFixtures.load("paths").resource("test_thing.where")?.attributes["workspace"] == "default")
    }
}
