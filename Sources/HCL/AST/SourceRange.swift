/// A position in a source file: 1-based line and column (in Unicode scalars), 0-based byte offset.
public struct SourcePosition: Sendable, Hashable, Comparable {
    // Stored as 32 bits each: every AST node carries two positions, and a large configuration has
    // millions of nodes (sources are far below 2 GB; larger values are clamped).
    private var storedLine: Int32
    private var storedColumn: Int32
    private var storedOffset: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Self.clamped(newValue) }
    }
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Self.clamped(newValue) }
    }
    public var offset: Int {
        get { Int(storedOffset) }
        set { storedOffset = Self.clamped(newValue) }
    }

    public init(line: Int, column: Int, offset: Int) {
        storedLine = Self.clamped(line)
        storedColumn = Self.clamped(column)
        storedOffset = Self.clamped(offset)
    }

    @inline(__always)
    private static func clamped(_ value: Int) -> Int32 { Int32(clamping: value) }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool { a.storedOffset < b.storedOffset }
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
