/// A position in a source file: 1-based line and column (in Unicode scalars), 0-based byte offset.
public struct SourcePosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool { a.offset < b.offset }
}

/// Where a piece of syntax came from; every AST node carries one so that diagnostics and drift
/// findings can point at `file:line:col`.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    public var filename: String
    public var start: SourcePosition
    public var end: SourcePosition

    public init(filename: String, start: SourcePosition, end: SourcePosition) {
        self.filename = filename
        self.start = start
        self.end = end
    }

    /// `file:line:col` of the start.
    public var description: String {
        // Built by appending: interpolation costs several times more, and every resource
        // argument's source is formatted once per resource block.
        var text = filename
        text.reserveCapacity(filename.utf8.count + 12)
        text.append(":")
        text.append(String(start.line))
        text.append(":")
        text.append(String(start.column))
        return text
    }
}
