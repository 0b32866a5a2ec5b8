import DriftModel
import HCL

/// The `.tf.json` body schema of each data source type of the AWS provider, from the generated
/// tables of its data source types (`DataSourceBlocks+Nested.swift`, `+Blockless.swift`): Terraform
/// decodes a data source's JSON body by that type's own schema, so `aws_ami`'s `filter` is a block
/// and `aws_ssm_patch_baseline`'s `owner` a string, though `owner` is a block of `aws_s3_bucket_acl`.
/// Each level has exactly its own blocks, `dynamic "NAME"` blocks whose `content` reads by NAME's
/// schema, and `lifecycle` at the top. A type the table does not list (another provider's) gets
/// `nil`, and the reader falls back to the union of known block names.
enum DataSourceBlocks {
    static func body(for type: String) -> BodySchema? { bodies[type] }

    private static let bodies: [String: BodySchema] = {
        var table: [String: BodySchema] = [:]
        for (type, list) in paths {
            table[type] = body(tree(list))
        }
        for type in blockless {
            table[type] = body([:])
        }
        return table
    }()

    private static func body(_ blocks: [String: AttributeSchema]) -> BodySchema {
        var body = TypeSchemas.level(blocks)
        body.blocks["lifecycle"] = TerraformJSONSchema.metaBlocks["lifecycle"]
        return body
    }

    /// Block paths (`statement`, `statement/condition`) as a tree of block schemas, which is how
    /// `TypeSchemas` reads a level.
    static func tree(_ paths: [String]) -> [String: AttributeSchema] {
        var root: [String: AttributeSchema] = [:]
        for path in paths {
            insert(path.split(separator: "/").map(String.init)[...], into: &root)
        }
        return root
    }

    private static func insert(_ names: ArraySlice<String>, into level: inout [String: AttributeSchema]) {
        guard let first = names.first else { return }
        var block = level[first] ?? AttributeSchema(name: first, kind: .block, nesting: .list, optional: true)
        insert(names.dropFirst(), into: &block.nested)
        level[first] = block
    }
}
