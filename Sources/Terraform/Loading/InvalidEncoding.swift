import Foundation
import HCL

/// A file that is not UTF-8, reported as HCL's scanner does: "Invalid character encoding" at the
/// first byte that is not part of a UTF-8 sequence, on its own line and column, with the text
/// around it (invalid bytes shown as U+FFFD) registered for the caret.
enum InvalidEncoding {
    static func report(_ data: Data, display: String, log: DiagnosticLog) {
        let bytes = [UInt8](data)
        var offset = 0
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput, .error:
                break decoding
            }
        }
        log.addSource(String(decoding: bytes, as: UTF8.self), filename: display)
        let start = SourcePosition(line: line, column: column, offset: offset)
        let end = SourcePosition(line: line, column: column + 1, offset: offset + 1)
        log.error(
            "Invalid character encoding: all input files must be UTF-8 encoded. Ensure that UTF-8 encoding is "
                + "selected in your editor", at: SourceRange(filename: display, start: start, end: end))
    }
}
