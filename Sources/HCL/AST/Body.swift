/// The contents of a file or a block: attributes and nested blocks, in source order.
public struct Body: Sendable, Hashable {
    public var attributes: [Attribute]
    public var blocks: [Block]
    public var range: SourceRange

    public init(attributes: [Attribute], blocks: [Block], range: SourceRange) {
        self.attributes = attributes
        self.blocks = blocks
        self.range = range
    }

    public func attribute(_ name: String) -> Attribute? { attributes.first { $0.name == name } }
    public func blocks(ofType type: String) -> [Block] { blocks.filter { $0.type == type } }
}

/// `name = expression`
public struct Attribute: Sendable, Hashable {
    public var name: String
    public var expression: Expression
    /// The whole `name = expression`; its start is what drift reports as the argument's source.
    public var range: SourceRange
    public var nameRange: SourceRange

    public init(name: String, expression: Expression, range: SourceRange, nameRange: SourceRange) {
        self.name = name
        self.expression = expression
        self.range = range
        self.nameRange = nameRange
    }
}

/// `type "label" "label" { body }`
public struct Block: Sendable, Hashable {
    public var type: String
    public var labels: [String]
    public var labelRanges: [SourceRange]
    public var body: Body
    /// From the type keyword to the closing brace.
    public var range: SourceRange
    public var typeRange: SourceRange

    public init(
        type: String, labels: [String], labelRanges: [SourceRange], body: Body, range: SourceRange,
        typeRange: SourceRange
    ) {
        self.type = type
        self.labels = labels
        self.labelRanges = labelRanges
        self.body = body
        self.range = range
        self.typeRange = typeRange
    }
}
