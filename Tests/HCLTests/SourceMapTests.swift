@testable import HCL
import Testing

@Suite("Source positions")
struct SourceMapTests {
    /// Every offset's line and column, counted from the start of the file: what `SourceMap` must
    /// agree with.
    static func countedPositions(_ bytes: [UInt8]) -> [SourcePosition] {
        var positions: [SourcePosition] = []
        var line = 1, column = 1
        for offset in 0...bytes.count {
            positions.append(SourcePosition(line: line, column: column, offset: offset))
            guard offset < bytes.count else { break }
            if bytes[offset] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if bytes[offset] & 0xC0 != 0x80 {
                column += 1
            }
        }
        return positions
    }

    /// Lines of varied length (empty ones included), optionally with multi-byte characters.
    static func text(lines: Int, nonASCII: Bool, generator: inout some RandomNumberGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<lines {
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                if nonASCII, Int.random(in: 0..<8, using: &generator) == 0 {
                    bytes.append(contentsOf: Array("é→".utf8))
                } else {
                    bytes.append(UInt8.random(in: UInt8(ascii: "a")...UInt8(ascii: "z"), using: &generator))
                }
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    @Test("positions looked up in any order, near and far apart, agree with counting from the start", arguments: [false, true])
    func anyOrder(nonASCII: Bool) {
        var generator = RobustnessTests.SeededGenerator(state: nonASCII ? 7 : 3)
        let bytes = Self.text(lines: 3000, nonASCII: nonASCII, generator: &generator)
        let map = SourceMap(bytes: bytes, filename: "x.tf")
        var offsets: [Int] = []
        var offset = 0
        for _ in 0..<4000 {
            // Mostly small steps either way (as a parser asks), sometimes a jump anywhere.
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: offset = Int.random(in: 0...bytes.count, using: &generator)
            case 1...3: offset = max(0, offset - Int.random(in: 0...400, using: &generator))
            default: offset = min(bytes.count, offset + Int.random(in: 0...120, using: &generator))
            }
            offsets.append(offset)
        }
        offsets += [0, bytes.count, bytes.count - 1, 1]
        let counted = Self.countedPositions(bytes)
        for offset in offsets {
            let expected = counted[offset]
            let position = map.position(offset)
            #expect(position == expected, "offset \(offset)")
            if position != expected { return }
        }
    }
}
