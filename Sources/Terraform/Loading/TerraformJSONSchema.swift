import DriftModel
import HCL

/// Which properties of a `.tf.json` file are blocks. Terraform decides per resource type from the
/// provider schema: a `resource "T"` body of a type `ProviderSchema` describes reads by T's own
/// schema, level by level (`TypeSchemas`), so a name that is a block in one type (or at one depth)
/// and an attribute elsewhere is read right. A `data "T"` body reads by T's own blocks
/// (`DataSourceBlocks`, every AWS data source type). Other types get the union of every block name
/// in `ProviderSchema` (plus the meta-blocks; `filter` too for data sources).
enum TerraformJSONSchema {
    static let file: BodySchema = {
        let nested = union(depth: 4)
        var resourceBlocks = nested.blocks
        for (name, block) in metaBlocks { resourceBlocks[name] = block }
        resourceBlocks["dynamic"] = BlockSchema(
            labelCount: 1, body: BodySchema(blocks: ["content": BlockSchema(body: nested)]))
        var dataBlocks = resourceBlocks
        dataBlocks["filter"] = BlockSchema()
        let provider = BodySchema(blocks: [
            "default_tags": BlockSchema(), "ignore_tags": BlockSchema(), "assume_role": BlockSchema(),
            "endpoints": BlockSchema(), "assume_role_with_web_identity": BlockSchema(),
        ])
        let terraform = BodySchema(blocks: [
            "backend": BlockSchema(labelCount: 1, body: BodySchema(blocks: ["assume_role": BlockSchema()])),
            "cloud": BlockSchema(body: BodySchema(blocks: ["workspaces": BlockSchema()])),
            "required_providers": BlockSchema(),
        ])
        return BodySchema(blocks: [
            "terraform": BlockSchema(body: terraform),
            "variable": BlockSchema(labelCount: 1, body: BodySchema(blocks: ["validation": BlockSchema()])),
            "locals": BlockSchema(),
            "output": BlockSchema(labelCount: 1, body: BodySchema(blocks: ["precondition": BlockSchema()])),
            "provider": BlockSchema(labelCount: 1, body: provider),
            "resource": BlockSchema(
                labelCount: 2, body: BodySchema(blocks: resourceBlocks),
                bodyForLabels: { labels in labels.first.flatMap { TypeSchemas.resources[$0] } }),
            "data": BlockSchema(
                labelCount: 2, body: BodySchema(blocks: dataBlocks),
                bodyForLabels: { labels in labels.first.flatMap(DataSourceBlocks.body(for:)) }),
            "module": BlockSchema(labelCount: 1),
            "moved": BlockSchema(), "import": BlockSchema(), "removed": BlockSchema(),
            "check": BlockSchema(labelCount: 1),
        ])
    }()

    /// `lifecycle`, `connection`, `provisioner`: blocks of every resource body.
    static let metaBlocks: [String: BlockSchema] = [
        "lifecycle": BlockSchema(), "connection": BlockSchema(),
        "provisioner": BlockSchema(labelCount: 1, body: BodySchema(blocks: ["connection": BlockSchema()])),
    ]

    /// Every block name at any level of the known resource schemas, nested `depth` levels deep.
    private static func union(depth: Int) -> BodySchema {
        var names: Set<String> = []
        func collect(_ attributes: [String: AttributeSchema]) {
            for (name, entry) in attributes where entry.kind == .block {
                names.insert(name)
                collect(entry.nested)
            }
        }
        for type in ProviderSchema.knownTypes {
            if let schema = ProviderSchema.schema(for: type) { collect(schema.attributes) }
        }
        let inner = depth > 1 ? union(depth: depth - 1) : nil
        return BodySchema(blocks: Dictionary(uniqueKeysWithValues: names.map { ($0, BlockSchema(body: inner)) }))
    }
}
