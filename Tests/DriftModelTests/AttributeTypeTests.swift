import DriftModel
import Testing

@Suite("Attribute types in the generated provider schema")
struct AttributeTypeTests {
    @Test("primitive arguments carry the type terraform providers schema gives them")
    func primitives() throws {
        let instance = try #require(ProviderSchema.schema(for: "aws_instance"))
        #expect(instance["monitoring"]?.type == .bool)
        #expect(instance["instance_type"]?.type == .string)
        #expect(instance["cpu_core_count"]?.type == .number)
        let table = try #require(ProviderSchema.schema(for: "aws_dynamodb_table"))
        #expect(table["read_capacity"]?.type == .number)
    }

    @Test("collections carry their element type; blocks have none, their own arguments do")
    func collectionsAndBlocks() throws {
        let instance = try #require(ProviderSchema.schema(for: "aws_instance"))
        #expect(instance["vpc_security_group_ids"]?.type == .set(.string))
        #expect(instance["ipv6_addresses"]?.type == .list(.string))
        #expect(instance["tags"]?.type == .map(.string))
        let root = try #require(instance["root_block_device"])
        #expect(root.type == nil)
        #expect(root.nested["volume_size"]?.type == .number)
        #expect(root.nested["encrypted"]?.type == .bool)
        #expect(root.nested["tags"]?.type == .map(.string))
    }

    @Test("every attribute in the table has a type, every block none")
    func completeness() {
        func missing(_ attributes: [String: AttributeSchema], _ path: String) -> [String] {
            attributes.values.flatMap { entry -> [String] in
                let here = path + entry.name
                let wrong = (entry.kind == .attribute) == (entry.type == nil) ? [here] : []
                return wrong + missing(entry.nested, here + ".")
            }
        }
        let problems = ProviderSchema.knownTypes.flatMap { type in
            missing(ProviderSchema.schema(for: type)?.attributes ?? [:], type + ".")
        }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("types print as Terraform type constraints")
    func description() {
        #expect(AttributeType.set(.string).description == "set(string)")
        #expect(AttributeType.map(.list(.number)).description == "map(list(number))")
        #expect(AttributeType.object(["b": .bool, "a": .dynamic]).description == "object({a=any, b=bool})")
        #expect(AttributeType.tuple([.string, .number]).description == "tuple([string, number])")
    }
}
