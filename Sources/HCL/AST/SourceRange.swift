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
        // Built as bytes: interpolation, or appending `String(Int)`s, costs several times more,
        // and every resource argument's source is formatted once per resource block.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(filename.utf8.count + 16)
        bytes.append(contentsOf: filename.utf8)
        bytes.append(UInt8(ascii: ":"))
        Self.appendDecimal(start.line, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.appendDecimal(start.column, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }
}
