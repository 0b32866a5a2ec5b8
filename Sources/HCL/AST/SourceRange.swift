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
        // Written straight into the string's storage (none at all when it fits a small string):
        // every resource block formats the source of each argument, and interpolation or
        // appending `String(Int)`s cost several times more.
        let name = filename.utf8
        return String(unsafeUninitializedCapacity: name.count + 2 * Self.maximumDigits + 2) { buffer in
            var end = buffer.initialize(from: name).1
            buffer[end] = UInt8(ascii: ":")
            end = Self.writeDecimal(start.line, into: buffer, at: end + 1)
            buffer[end] = UInt8(ascii: ":")
            return Self.writeDecimal(start.column, into: buffer, at: end + 1)
        }
    }

    /// Digits of the largest position (32-bit), with a sign.
    private static let maximumDigits = 11

    /// Writes `value` in decimal at `index`; returns the index after it.
    private static func writeDecimal(_ value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
        var index = index
        if value < 0 {
            buffer[index] = UInt8(ascii: "-")
            index += 1
        }
        var magnitude = value.magnitude
        var digits = 1
        var rest = magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        var position = index + digits - 1
        repeat {
            buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            position -= 1
        } while magnitude > 0
        return index + digits
    }
}
