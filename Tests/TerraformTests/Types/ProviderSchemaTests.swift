import DriftModel
import Testing

@Suite("Generated provider schema")
struct ProviderSchemaTests {
    @Test("covers exactly the resource types of the registry")
    func knownTypes() {
        #expect(Set(ProviderSchema.knownTypes) == ResourceType.names)
        #expect(ProviderSchema.knownTypes.contains("aws_s3_bucket_acl"))
    }

    @Test("billing_mode is optional, not computed, and defaults to PROVISIONED")
    func billingMode() throws {
        let table = try #require(ProviderSchema.schema(for: "aws_dynamodb_table"))
        let billing = try #require(table["billing_mode"])
        #expect(billing.kind == .attribute)
        #expect(billing.optional && !billing.computed && !billing.required)
        #expect(billing.defaultValue == .string("PROVISIONED"))
        #expect(table["name"]?.required == true)
    }

    @Test("dynamodb attribute is a set block with required name and type")
    func attributeBlock() throws {
        let attribute = try #require(ProviderSchema.schema(for: "aws_dynamodb_table")?["attribute"])
        #expect(attribute.kind == .block)
        #expect(attribute.nesting == .set)
        #expect(attribute.nested["name"]?.required == true)
        #expect(attribute.nested["type"]?.required == true)
    }

    @Test("instance_type is optional and computed, arn is computed only")
    func instanceFlags() throws {
        let instance = try #require(ProviderSchema.schema(for: "aws_instance"))
        let type = try #require(instance["instance_type"])
        #expect(type.optional && type.computed)
        #expect(!type.isComputedOnly)
        #expect(type.defaultValue == nil)
        let arn = try #require(instance["arn"])
        #expect(arn.isComputedOnly)
        #expect(instance["get_password_data"]?.defaultValue == .bool(false))
        #expect(instance["source_dest_check"]?.defaultValue == .bool(true))
    }

    @Test("nested blocks carry max items, nesting and their own defaults")
    func nestedBlocks() throws {
        let instance = try #require(ProviderSchema.schema(for: "aws_instance"))
        let root = try #require(instance["root_block_device"])
        #expect(root.kind == .block && root.nesting == .list && root.maxItems == 1)
        #expect(root.nested["delete_on_termination"]?.defaultValue == .bool(true))
        #expect(instance["ebs_block_device"]?.nesting == .set)
        #expect(instance["vpc_security_group_ids"]?.nesting == .set)
        #expect(instance["tags"]?.nesting == .map)
        let bucket = try #require(ProviderSchema.schema(for: "aws_s3_bucket"))
        #expect(bucket["force_destroy"]?.defaultValue == .bool(false))
        #expect(bucket["bucket"]?.optional == true && bucket["bucket"]?.computed == true)
        #expect(bucket["versioning"]?.nested["mfa_delete"]?.defaultValue == .bool(false))
        let pab = try #require(ProviderSchema.schema(for: "aws_s3_bucket_public_access_block"))
        #expect(pab["block_public_acls"]?.defaultValue == .bool(false))
    }
}
