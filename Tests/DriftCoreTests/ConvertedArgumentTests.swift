import DriftModel
import Foundation
import Terraform
import Testing

@testable import DriftCore

/// Arguments written with another primitive type (`monitoring = "true"`, `read_capacity = "5"`)
/// reach the comparer already converted to the schema type, as `terraform plan` converts them, so
/// they compare with the live values the provider reads back.
@Suite("Converted arguments compare with live values")
struct ConvertedArgumentTests {
    static func baseline() -> Baseline {
        let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.path ?? "Fixtures"
        return BaselineLoader(directory: root + "/conversions", environment: [:]).load()
    }

    static func compare(_ address: String, live: [String: Value]) throws -> [AttributeChange] {
        let declared = try #require(baseline().resources.first { $0.address == address })
        let schema = ProviderSchema.schema(for: declared.type)
        return ResourceComparer(schema: schema, provider: ProviderSettings())
            .compare(declared, with: LiveResource(type: declared.type, id: "x", attributes: live))
    }

    @Test("declared \"true\", \"0\", \"2\" equal live true, false, 2: in sync")
    func instanceInSync() throws {
        #expect(Self.baseline().diagnostics.filter { $0.severity == .error }.isEmpty)
        let changes = try Self.compare("aws_instance.app", live: [
            "ami": "ami-12345678", "instance_type": "t3.micro", "monitoring": true, "source_dest_check": false,
            "cpu_core_count": 2, "vpc_security_group_ids": ["sg-a", "sg-b"],
        ])
        #expect(changes.isEmpty, "\(changes)")
    }

    @Test("a converted argument that differs live is a change with the converted value")
    func instanceDrift() throws {
        let changes = try Self.compare("aws_instance.app", live: [
            "ami": "ami-12345678", "instance_type": "t3.micro", "monitoring": false, "source_dest_check": true,
            "cpu_core_count": 2, "vpc_security_group_ids": ["sg-a", "sg-b"],
        ])
        #expect(changes.map(\.attribute) == ["monitoring", "source_dest_check"])
        #expect(changes.map(\.declared) == [.bool(true), .bool(false)])
    }

    @Test("declared \"5\" and \"1e0\" capacities equal live numbers 5 and 1")
    func tableInSync() throws {
        let changes = try Self.compare("aws_dynamodb_table.locks", live: [
            "name": "locks", "hash_key": "LockID", "read_capacity": 5, "write_capacity": 1, "billing_mode": "PROVISIONED",
            "attribute": [["name": "LockID", "type": "S"]],
        ])
        #expect(changes.isEmpty, "\(changes)")
    }
}
