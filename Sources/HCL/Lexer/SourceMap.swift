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
            let line = lineIndex(containing: offset)
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
            low = lineIndex(containing: offset)
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

    /// The line holding `offset`, searched outwards from the last one found: the parser asks for
    /// positions near each other (a token, then the start of its enclosing body a few lines up),
    /// so this costs a few comparisons where a binary search over the whole file costs ~16.
    private func lineIndex(containing offset: Int) -> Int {
        let count = lineStarts.count
        var low: Int, high: Int
        if offset >= lineStarts[cacheLine] {
            // The last line starting at or before `offset` is at or after the cached one.
            low = cacheLine
            var step = 1
            while low + step < count, lineStarts[low + step] <= offset {
                low += step
                step &*= 2
            }
            high = min(low + step, count) - 1
        } else {
            // Before the cached line: gallop back to a line starting at or before `offset`.
            high = cacheLine - 1
            var step = 1
            low = max(0, high - step)
            while low > 0, lineStarts[low] > offset {
                high = low - 1
                step &*= 2
                low = max(0, high - step)
            }
        }
        // lineStarts[low] <= offset, and the answer is in low...high.
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
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
