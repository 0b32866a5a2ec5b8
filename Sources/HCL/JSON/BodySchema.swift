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

    public init(labelCount: Int = 0, body: BodySchema? = nil) {
        self.labelCount = labelCount
        self.body = body
    }
}
