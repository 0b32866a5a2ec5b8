import DriftModel
import HCL

/// The `.tf.json` body schema of each resource type `ProviderSchema` describes: at every level
/// exactly that level's nested block types, plus `dynamic "NAME"` blocks whose `content` reads by
/// NAME's schema, plus the meta-blocks at the top. Built once, on first use by the JSON reader.
enum TypeSchemas {
    static let resources: [String: BodySchema] = {
        var table: [String: BodySchema] = [:]
        for type in ProviderSchema.knownTypes {
            guard let schema = ProviderSchema.schema(for: type) else { continue }
            var body = level(schema.attributes)
            for (name, block) in TerraformJSONSchema.metaBlocks { body.blocks[name] = block }
            table[type] = body
        }
        return table
    }()

    /// The blocks of one level; attributes (every other name) need no entry.
    static func level(_ attributes: [String: AttributeSchema]) -> BodySchema {
        var blocks: [String: BlockSchema] = [:]
        for (name, entry) in attributes where entry.kind == .block {
            blocks[name] = BlockSchema(body: level(entry.nested))
        }
        let nested = blocks
        blocks["dynamic"] = BlockSchema(
            labelCount: 1, body: BodySchema(blocks: ["content": BlockSchema()]),
            bodyForLabels: { labels in
                labels.first.flatMap { nested[$0] }.map { BodySchema(blocks: ["content": BlockSchema(body: $0.body)]) }
            })
        return BodySchema(blocks: blocks)
    }
}
