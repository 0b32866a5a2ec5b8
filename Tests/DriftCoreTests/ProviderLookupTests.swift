import DriftModel
import Testing

@testable import DriftCore

/// A resource finds the provider configuration it is planned with: the default block, an alias,
/// or a child module's own configuration (`module.legacy:aws`, as `drift baseline` names it).
@Suite("Baseline.provider(for:)")
struct ProviderLookupTests {
    static let baseline = Baseline(
        provider: ProviderSettings(region: "us-east-1", defaultTags: ["Owner": "root"]),
        aliasedProviders: [
            "west": ProviderSettings(region: "us-west-2"),
            "module.legacy:aws": ProviderSettings(region: "eu-west-1", defaultTags: ["Owner": "legacy"]),
            "module.legacy:aws.tagged": ProviderSettings(region: "ap-south-1"),
        ])

    @Test("default, alias and child-module configurations each resolve to their own settings", arguments: [
        (nil, "us-east-1"), ("aws.west", "us-west-2"), ("module.legacy:aws", "eu-west-1"),
        ("module.legacy:aws.tagged", "ap-south-1"),
    ] as [(String?, String)])
    func lookup(alias: String?, region: String) {
        let resource = DeclaredResource(address: "x.y", type: "aws_s3_bucket", name: "y", providerAlias: alias)
        #expect(Self.baseline.provider(for: resource).region == region)
    }

    @Test("a child module's default tags give the expected tags when tags_all is not known")
    func childDefaultTags() {
        let resource = DeclaredResource(
            address: "module.legacy.aws_s3_bucket.b", module: "module.legacy", type: "aws_s3_bucket", name: "b",
            attributes: ["tags": ["Name": "b"]], providerAlias: "module.legacy:aws")
        #expect(resource.expectedTags(provider: Self.baseline.provider(for: resource)) == ["Owner": "legacy", "Name": "b"])
    }
}
