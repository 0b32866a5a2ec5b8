/// Maps byte offsets to 1-based line and column (columns count Unicode scalars) for one file.
///
/// Built once per file by a single scan for newlines; lookups are a binary search plus a short
/// scan of the line, with a cache for the common case of increasing offsets.
final class SourceMap {
    let filename: String
    private let bytes: [UInt8]
    private let lineStarts: [Int]
    /// Added to every computed position (used when a template is embedded in a JSON string).
    private let base: SourcePosition?
    private var cacheLine = 0
    private var cacheOffset = 0
    private var cacheColumn = 1

    init(bytes: [UInt8], filename: String, base: SourcePosition? = nil) {
        self.bytes = bytes
        self.filename = filename
        self.base = base
        var starts = [0]
        starts.reserveCapacity(bytes.count / 30 + 1)
        var highBits: UInt8 = 0
        bytes.withUnsafeBufferPointer { buffer in
            for i in 0..<buffer.count {
                highBits |= buffer[i]
                if buffer[i] == UInt8(ascii: "\n") { starts.append(i + 1) }
            }
        }
        self.lineStarts = starts
        self.isASCII = highBits & 0x80 == 0
    }

    /// Every column is then a byte count: no scan of the line.
    private let isASCII: Bool

    var byteCount: Int { bytes.count }

    func position(_ offset: Int) -> SourcePosition {
        let offset = max(0, min(offset, bytes.count))
        if isASCII, base == nil {
            var line = cacheLine
            let nextLineStart = line + 1 < lineStarts.count ? lineStarts[line + 1] : Int.max
            if offset < lineStarts[line] || offset >= nextLineStart {
                var low = 0, high = lineStarts.count - 1
                while low < high {
                    let mid = (low + high + 1) / 2
                    if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
                }
                line = low
            }
            cacheLine = line
            cacheOffset = offset
            cacheColumn = offset - lineStarts[line] + 1
            return SourcePosition(line: line + 1, column: cacheColumn, offset: offset)
        }
        var low = 0
        var column = 1
        var i = 0
        let nextLineStart = cacheLine + 1 < lineStarts.count ? lineStarts[cacheLine + 1] : Int.max
        if offset >= cacheOffset, offset < nextLineStart {
            low = cacheLine
            column = cacheColumn
            i = cacheOffset
        } else if offset >= lineStarts[cacheLine], offset < nextLineStart {
            low = cacheLine
            i = lineStarts[cacheLine]
        } else {
            var high = lineStarts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
            }
            i = lineStarts[low]
        }
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        cacheLine = low
        cacheOffset = offset
        cacheColumn = column
        let local = SourcePosition(line: low + 1, column: column, offset: offset)
        guard let base else { return local }
        return SourcePosition(
            line: base.line + local.line - 1,
            column: local.line == 1 ? base.column + local.column - 1 : local.column,
            offset: base.offset + local.offset)
    }

    func range(_ start: Int, _ end: Int) -> SourceRange {
        SourceRange(filename: filename, start: position(start), end: position(end))
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[max(0, start)..<min(end, bytes.count)], as: UTF8.self)
    }

    func byte(_ i: Int) -> UInt8 { i >= 0 && i < bytes.count ? bytes[i] : 0 }

    /// Bytes in the UTF-8 sequence starting at `i` (at least 1).
    func scalarLength(at i: Int) -> Int {
        switch byte(i) {
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        case 0xF0..<0xF8: return 4
        default: return 1
        }
    }
}
