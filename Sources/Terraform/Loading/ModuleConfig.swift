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
    /// `ephemeral` blocks by `type.name`: their values never appear in a plan, so references are unknown.
    var ephemeralResources: Set<String> = []
    var moduleCalls: [ModuleCallDecl] = []
    var providers: [Block] = []
    /// `moved` blocks, in file order.
    var moves: [Block] = []
    /// `removed` blocks, in file order.
    var removals: [Block] = []
    /// `terraform { backend "..." {} }`.
    var backend: Block?
    /// `terraform { required_providers {} }` blocks (see `RequiredProviders`).
    var requiredProviders: [Block] = []

    /// Positions by name, so that reference lookups stay constant-time in large modules.
    var variableIndex: [String: Int] = [:]
    /// Type → name → position, built as resources are added (`ModuleDecoder`).
    var resourceIndex: [String: [String: Int]] = [:]
    var moduleCallIndex: [String: Int] = [:]
    /// Resource types declared in this module (for "a type must be followed by a name" errors).
    var resourceTypes: Set<String> = []

    /// Whether anything here gives ephemeral values (an `ephemeral` block, an ephemeral variable):
    /// without one, no argument needs checking for them.
    var hasEphemeralSources = false

    func variable(_ name: String) -> VariableDecl? { variableIndex[name].map { variables[$0] } }
    func resource(type: String, name: String) -> ResourceDecl? {
        resourceIndex[type]?[name].map { resources[$0] }
    }
    func moduleCall(_ name: String) -> ModuleCallDecl? { moduleCallIndex[name].map { moduleCalls[$0] } }

    mutating func buildIndexes() {
        variableIndex = Dictionary(variables.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        moduleCallIndex = Dictionary(moduleCalls.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        resourceTypes = Set(resourceIndex.keys)
        hasEphemeralSources = !ephemeralResources.isEmpty
            || variables.contains { $0.block.body.attribute("ephemeral") != nil }
    }
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

/// A `resource "T" "N"` block split into its meta-arguments and the provider-facing body, once:
/// every instance of a counted resource reads these. A class: it is large, and passed around often.
final class ResourceDecl {
    static let metaArguments: Set<String> = ["count", "for_each", "provider", "depends_on"]
    /// `locals` is reserved (an error at load time), never the provider's.
    static let metaBlocks: Set<String> = ["lifecycle", "provisioner", "connection", "locals"]

    let type: String
    let name: String
    let block: Block
    /// `type.name`.
    let key: String
    let count: Attribute?
    let forEach: Attribute?
    let provider: Attribute?
    let lifecycle: Block?
    /// The arguments and nested blocks the provider sees.
    let configBody: Body

    init(type: String, name: String, block: Block) {
        self.type = type
        self.name = name
        self.block = block
        key = type + "." + name
        // One pass over each list (this runs for every resource block, on the parsing threads);
        // the body is copied only when it has meta-arguments or meta-blocks to leave out.
        var count: Attribute?, forEach: Attribute?, provider: Attribute?
        var hasMetaArguments = false
        for attribute in block.body.attributes {
            switch attribute.name {
            case "count": if count == nil { count = attribute }
            case "for_each": if forEach == nil { forEach = attribute }
            case "provider": if provider == nil { provider = attribute }
            case "depends_on": break
            default: continue
            }
            hasMetaArguments = true
        }
        var lifecycle: Block?
        var hasMetaBlocks = false
        for nested in block.body.blocks where Self.metaBlocks.contains(nested.type) {
            hasMetaBlocks = true
            if nested.type == "lifecycle" { lifecycle = nested }
        }
        (self.count, self.forEach, self.provider, self.lifecycle) = (count, forEach, provider, lifecycle)
        var body = block.body
        if hasMetaArguments { body.attributes.removeAll { Self.metaArguments.contains($0.name) } }
        if hasMetaBlocks { body.blocks.removeAll { Self.metaBlocks.contains($0.type) } }
        configBody = body
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
