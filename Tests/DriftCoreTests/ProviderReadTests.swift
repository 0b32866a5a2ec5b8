import DriftModel
import Testing

@testable import DriftCore

/// The provider's Read of configuration-dependent tag maps (`ProviderRead`), without AWS.
@Suite("What the provider's Read stores for tag maps")
struct ProviderReadTests {
    let provider = ProviderSettings(defaultTags: ["Team": "web", "Env": "prod"], ignoreTagKeys: ["aws:backup"])

    @Test("default-tag pairs leave a tag map unless configured the same; other values and ignored keys as the provider has them")
    func resolve() {
        let live: Value = ["Team": "web", "Env": "dev", "Owner": "ops", "aws:backup": "x"]
        let tags = TagComparer(provider: provider)
        #expect(ProviderRead.resolve(live, configured: nil, tags: tags) == ["Env": "dev", "Owner": "ops"])
        #expect(ProviderRead.resolve(live, configured: ["Team": "web"], tags: tags) == ["Team": "web", "Env": "dev", "Owner": "ops"])
    }

    @Test("volume_tags is read only when set; device tags are not read while it is")
    func volumeTags() {
        let live = LiveResource(type: "aws_instance", id: "i-1", attributes: [
            "volume_tags": ["Team": "web", "Backup": "weekly"],
            "root_block_device": [["volume_size": 8, "tags": ["Team": "web", "Backup": "weekly"]]],
        ])
        let unset = DeclaredResource(address: "aws_instance.a", type: "aws_instance", name: "a", attributes: [
            "root_block_device": [["volume_size": 8]],
        ])
        let plain = ProviderRead.apply(to: live, declared: unset, provider: provider)
        #expect(plain.attributes["volume_tags"] == nil)
        #expect(plain.attributes["root_block_device"] == [["volume_size": 8, "tags": ["Backup": "weekly"]]])
        var set = unset
        set.attributes["volume_tags"] = ["Backup": "daily"]
        let withVolumeTags = ProviderRead.apply(to: live, declared: set, provider: provider)
        #expect(withVolumeTags.attributes["volume_tags"] == ["Backup": "weekly"])
        #expect(withVolumeTags.attributes["root_block_device"] == [["volume_size": 8]])
        let changes = ResourceComparer(schema: ProviderSchema.schema(for: "aws_instance"), provider: provider).compare(set, with: live)
        #expect(changes.map(\.path) == ["volume_tags.Backup"])
    }
}
