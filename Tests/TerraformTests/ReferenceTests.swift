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
        #expect(west.attributes["tags_all"] == [:])
        #expect(west.unknown == [])
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

@Suite("Provider and backend settings")
struct ProviderSettingsTests {
    @Test("provider region, profile, assume_role, ignore_tags and the S3 backend are read; credentials only noticed")
    func settings() throws {
        let baseline = LoaderFixtures.load("provider-settings")
        #expect(baseline.diagnostics.isEmpty, "\(baseline.diagnostics.map(\.rendered))")
        let provider = baseline.provider
        #expect(provider.region == "eu-west-1")
        #expect(provider.profile == "prod")
        #expect(provider.assumeRoleARN == "arn:aws:iam::123456789012:role/deploy")
        #expect(provider.assumeRoleSessionName == "drift")
        #expect(provider.assumeRoleExternalID == "ext-1")
        #expect(provider.ignoreTagKeyPrefixes == ["kubernetes.io/"])
        #expect(provider.hasHardCodedCredentials)
        #expect(provider.source == "main.tf:12:1")
        #expect(baseline.warnings.map(\.code) == ["HardCodedCredentials"])
        #expect(baseline.warnings.first?.source == "main.tf:15:3")
        #expect(!"\(baseline)".contains("do-not-print-me"))
        let backend = try #require(baseline.backend)
        #expect(backend == S3Backend(
            bucket: "acme-state", key: "prod/terraform.tfstate", region: "eu-west-1", workspaceKeyPrefix: "envs",
            profile: "state-reader", roleARN: "arn:aws:iam::123456789012:role/state", source: "main.tf:2:3"))
    }

    @Test("a module's providers map sends its resources to the aliased provider")
    func moduleProviders() throws {
        let baseline = LoaderFixtures.load("provider-settings")
        let replica = try #require(baseline.resource("module.store.aws_s3_bucket.replica"))
        #expect(replica.providerAlias == "aws.dr")
        #expect(replica.attributes["tags_all"] == ["kubernetes.io/cluster": "owned", "Name": "replica"])
    }

    @Test("one instance read through an index and an attribute sees what the whole resource gives")
    func selectedInstances() throws {
        let baseline = LoaderFixtures.load("reference-selection")
        #expect(baseline.diagnostics.isEmpty, "\(baseline.diagnostics.map(\.rendered))")
        // Plan's default, null for an unset argument without one, every schema member, a filled
        // nested block; nil: only compared with the whole value.
        let expected: [String: String?] = [
            "keyed_default": "false",
            "keyed_unset": "null",
            "keyed_whole": "28",
            "keyed_nested": nil,
            "counted_default": "false",
            "counted_unset": "null",
            "counted_whole": "28",
            "single_unset": "null",
            "single_whole": "28",
            "two_reads": "counted-0/true",
        ]
        for (probe, value) in expected {
            let direct = baseline.resource("aws_s3_bucket.\(probe)_direct")?.attributes["bucket"]
            let whole = baseline.resource("aws_s3_bucket.\(probe)_local")?.attributes["bucket"]
            #expect(direct != nil && direct == whole, "\(probe): \(String(describing: direct)) vs \(String(describing: whole))")
            if let value { #expect(direct == .string(value), "\(probe)") }
        }
        for address in ["aws_s3_bucket.computed_direct", "aws_s3_bucket.computed_local"] {
            #expect(baseline.resource(address)?.unknown == ["bucket"], "\(address)")
        }
        for key in ["a", "b"] {
            let first = baseline.resource("aws_s3_bucket_versioning.first[\"\(key)\"]")
            let second = baseline.resource("aws_s3_bucket_versioning.second[\"\(key)\"]")
            #expect(first?.attributes["bucket"] == .string("keyed-\(key)"))
            #expect(second?.attributes["bucket"] == .string("keyed-\(key)-1"))
            for versioning in [first, second] {
                #expect(versioning?.attributes["versioning_configuration"] == .array([.object(["status": "Enabled"])]))
            }
        }
    }
}
