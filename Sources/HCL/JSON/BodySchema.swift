/// What the JSON syntax cannot know on its own: which property names in a body are nested block
/// types (and how many labels they take). Every other name is an attribute.
public struct BodySchema: Sendable {
    public var blocks: [String: BlockSchema]

    public init(blocks: [String: BlockSchema] = [:]) {
        self.blocks = blocks
    }

    /// A body with no nested blocks: every property is an attribute.
    public static let attributesOnly = BodySchema()
}

/// One nested block type: its label count and the schema of its body.
public struct BlockSchema: Sendable {
    public var labelCount: Int
    /// Nil: the block's body has no nested blocks (every property is an attribute).
    public var body: BodySchema?
    /// The body's schema when it depends on the block's labels, as an application's does on a
    /// type label (`"resource": {"T": {"N": {...}}}` reads by T's schema). Called once per block
    /// with all its labels; `nil` falls back to `body`. The HCL target knows no application.
    public var bodyForLabels: (@Sendable ([String]) -> BodySchema?)?

    public init(
        labelCount: Int = 0, body: BodySchema? = nil, bodyForLabels: (@Sendable ([String]) -> BodySchema?)? = nil
    ) {
        self.labelCount = labelCount
        self.body = body
        self.bodyForLabels = bodyForLabels
    }
}
