import Testing

@testable import DriftModel

/// The registry and the generated provider schema describe the same types, and every argument the
/// registry names exists in that type's schema.
@Suite("Resource-type registry")
struct ResourceTypeRegistryTests {
    @Test("the generated schema covers exactly the registry's types (scripts/generate-schema reads the registry)")
    func schemaMatchesRegistry() {
        #expect(Set(ProviderSchema.knownTypes) == ResourceType.names)
        #expect(ResourceType.all.count == ResourceType.names.count, "a type is registered twice")
    }

    @Test("every argument the registry names is an argument of the type's schema")
    func argumentsExist() throws {
        var problems: [String] = []
        for type in ResourceType.all {
            let schema = try #require(ProviderSchema.schema(for: type.name))
            var names = type.idArguments + type.skippableCalls.flatMap(\.arguments)
            names += type.keyArguments ?? []
            if case .attributes(let keys) = type.identity { names += keys }
            names += type.awsManaged.keys
            if case .attribute(let name)? = type.displayName { names.append(name) }
            if case .tag? = type.displayName, schema["tags"] == nil { problems.append("\(type.name): no tags") }
            if type.identity == .tags, schema["tags"] == nil { problems.append("\(type.name): found by tags, has none") }
            problems += names.filter { schema[$0] == nil }.map { "\(type.name).\($0)" }
        }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("a type is read when declared, or when inventoried and not silenced; calls skip by argument")
    func readingRules() throws {
        let instance = try #require(ResourceType.named("aws_instance"))
        let versioning = try #require(ResourceType.named("aws_s3_bucket_versioning"))
        #expect(instance.isRead(declared: nil))
        #expect(instance.isRead(declared: [:]))
        #expect(!instance.isRead(declared: [:], silenced: ["aws_instance"]))
        #expect(instance.isRead(declared: ["aws_instance": []], silenced: ["aws_instance"]))
        #expect(!versioning.isRead(declared: [:]))
        #expect(versioning.isRead(declared: ["aws_s3_bucket_versioning": []]))
        #expect(instance.skippedCalls(declared: nil).isEmpty)
        let skipped = instance.skippedCalls(declared: ["ebs_block_device"]).map(\.operation)
        #expect(skipped == ["DescribeInstanceCreditSpecifications", "DescribeInstanceAttribute"])
    }
}
