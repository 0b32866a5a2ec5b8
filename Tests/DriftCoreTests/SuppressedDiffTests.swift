import DriftModel
import Foundation
import Terraform
import Testing

@testable import DriftCore

/// Arguments whose diff the provider suppresses given their siblings (`AttributeSchema.suppressedWhen`):
/// a `ttl` that names an attribute without enabling it, an instance's `source_dest_check` next to a
/// `network_interface`. `terraform plan` shows them null and never plans a change for them, so the
/// baseline leaves them out and the comparer reports no drift on them.
@Suite("Suppressed arguments do not drift")
struct SuppressedDiffTests {
    static func compare(_ address: String, live: [String: Value]) throws -> (DeclaredResource, [AttributeChange]) {
        let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.path ?? "Fixtures"
        let baseline = BaselineLoader(directory: root + "/suppressed", environment: [:]).load()
        #expect(baseline.diagnostics.filter { $0.severity == .error }.isEmpty)
        let declared = try #require(baseline.resources.first { $0.address == address })
        let changes = ResourceComparer(schema: ProviderSchema.schema(for: declared.type), provider: ProviderSettings())
            .compare(declared, with: LiveResource(type: declared.type, id: "x", attributes: live))
        return (declared, changes)
    }

    static let table: [String: Value] = [
        "name": "sessions", "billing_mode": "PAY_PER_REQUEST", "hash_key": "id",
        "attribute": [["name": "id", "type": "S"]],
    ]

    @Test("ttl naming an attribute while disabled: the baseline shows the name null, live TTL off is in sync")
    func disabledTTL() throws {
        var live = Self.table
        live["ttl"] = [["attribute_name": "", "enabled": false]]
        let (declared, changes) = try Self.compare("aws_dynamodb_table.sessions", live: live)
        #expect(declared.attributes["ttl"] == [["enabled": false]])
        #expect(changes.isEmpty)
    }

    @Test("ttl naming an attribute while disabled: TTL enabled live is still drift on enabled")
    func enabledLive() throws {
        var live = Self.table
        live["ttl"] = [["attribute_name": "expires", "enabled": true]]
        let (_, changes) = try Self.compare("aws_dynamodb_table.sessions", live: live)
        #expect(changes.map(\.path) == ["ttl[0].enabled"])
    }

    @Test("an instance with a network_interface: no source_dest_check in the baseline, none compared live")
    func sourceDestCheck() throws {
        let live: [String: Value] = ["ami": "ami-12c6146b", "instance_type": "t3.micro", "source_dest_check": false]
        let (declared, changes) = try Self.compare("aws_instance.router", live: live)
        #expect(declared.attributes["source_dest_check"] == nil)
        #expect(changes.isEmpty)
    }
}
