import HCL

/// One module directory's declarations after files are read and overrides merged: what the
/// evaluator walks. Nothing here is evaluated yet.
struct ModuleConfig {
    /// Path of the module directory relative to the root module (`.` for the root).
    var relativePath: String
    var variables: [VariableDecl] = []
    var locals: [String: Attribute] = [:]
    var outputs: [String: OutputDecl] = [:]
    var resources: [ResourceDecl] = []
    /// `data` blocks by `type.name`: referenced values are unknown offline.
    var dataSources: [String: Block] = [:]
    var moduleCalls: [ModuleCallDecl] = []
    var providers: [Block] = []
    /// `terraform { backend "..." {} }`.
    var backend: Block?

    func variable(_ name: String) -> VariableDecl? { variables.first { $0.name == name } }
    func resource(type: String, name: String) -> ResourceDecl? {
        resources.first { $0.type == type && $0.name == name }
    }
    func moduleCall(_ name: String) -> ModuleCallDecl? { moduleCalls.first { $0.name == name } }
}

struct VariableDecl {
    var name: String
    var block: Block

    var defaultValue: Attribute? { block.body.attribute("default") }
    var type: Attribute? { block.body.attribute("type") }
    var nullable: Attribute? { block.body.attribute("nullable") }
    var sensitive: Attribute? { block.body.attribute("sensitive") }
    var validations: [Block] { block.body.blocks(ofType: "validation") }
}

struct OutputDecl {
    var name: String
    var block: Block
    var value: Attribute? { block.body.attribute("value") }
    var sensitive: Attribute? { block.body.attribute("sensitive") }
}

/// A `resource "T" "N"` block split into its meta-arguments and the provider-facing body.
struct ResourceDecl {
    static let metaArguments: Set<String> = ["count", "for_each", "provider", "depends_on"]
    static let metaBlocks: Set<String> = ["lifecycle", "provisioner", "connection"]

    var type: String
    var name: String
    var block: Block

    var key: String { "\(type).\(name)" }
    var count: Attribute? { block.body.attribute("count") }
    var forEach: Attribute? { block.body.attribute("for_each") }
    var provider: Attribute? { block.body.attribute("provider") }
    var lifecycle: Block? { block.body.blocks(ofType: "lifecycle").last }

    /// The arguments and nested blocks the provider sees.
    var configBody: Body {
        var body = block.body
        body.attributes.removeAll { Self.metaArguments.contains($0.name) }
        body.blocks.removeAll { Self.metaBlocks.contains($0.type) }
        return body
    }
}

/// A `module "M"` call.
struct ModuleCallDecl {
    static let metaArguments: Set<String> = ["source", "version", "count", "for_each", "providers", "depends_on"]

    var name: String
    var block: Block

    var source: Attribute? { block.body.attribute("source") }
    var count: Attribute? { block.body.attribute("count") }
    var forEach: Attribute? { block.body.attribute("for_each") }
    var providers: Attribute? { block.body.attribute("providers") }
    var arguments: [Attribute] { block.body.attributes.filter { !Self.metaArguments.contains($0.name) } }
}
