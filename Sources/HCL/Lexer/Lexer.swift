/// Turns native-syntax source bytes into one flat token stream.
///
/// The lexer is a small mode machine (code, quoted template, heredoc template, bare template) with
/// a stack, so `"a ${b ? "c" : "d"} e"` nests naturally. It works on UTF-8 bytes and records only
/// byte offsets; problems become error tokens the parser turns into diagnostics.
struct Lexer {
    private enum ModeKind { case code, quoted, heredoc, bare }

    private struct Frame {
        var kind: ModeKind
        /// Code mode: `{` opened inside this frame and not yet closed.
        var depth = 0
        /// Code mode: this frame was opened by `${` / `%{` and ends at the matching `}`.
        var interpolation = false
        /// Heredoc mode: the next byte starts a line (the closing marker may follow).
        var atLineStart = true
        var markerStart = 0
        var markerEnd = 0
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var tokens: [Token] = []
    private var stack: [Frame]
    private var pos = 0

    /// Lexes `bytes`; `template` starts in bare-template mode (a whole file read as a template).
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, template: Bool = false) -> [Token] {
        var lexer = Lexer(bytes: bytes, template: template)
        lexer.run()
        return lexer.tokens
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, template: Bool) {
        self.bytes = bytes
        self.stack = [Frame(kind: template ? .bare : .code)]
        tokens.reserveCapacity(bytes.count / 4 + 16)
    }

    private mutating func run() {
        let n = bytes.count
        while pos < n {
            switch stack[stack.count - 1].kind {
            case .code: lexCode()
            case .quoted: lexQuoted()
            case .heredoc: lexHeredoc()
            case .bare: lexBare()
            }
        }
        if let top = stack.last {
            switch top.kind {
            case .quoted: tokens.append(Token(.unterminatedString, n, n))
            case .heredoc: tokens.append(Token(.unterminatedHeredoc, n, n))
            case .code, .bare: break
            }
        }
        tokens.append(Token(.endOfFile, n, n))
    }

    @inline(__always) private func byte(_ i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }

    private mutating func emit(_ kind: TokenKind, _ start: Int, _ end: Int, flag: Bool = false) {
        tokens.append(Token(kind, start, end, flag: flag))
        pos = end
    }

    // MARK: code

    private mutating func lexCode() {
        let start = pos
        let b = bytes[pos]
        switch b {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
            pos += 1
        case UInt8(ascii: "\n"):
            emit(.newline, start, start + 1)
        case UInt8(ascii: "#"):
            skipLineComment()
        case UInt8(ascii: "/"):
            if byte(start + 1) == UInt8(ascii: "/") {
                skipLineComment()
            } else if byte(start + 1) == UInt8(ascii: "*") {
                skipBlockComment()
            } else {
                emit(.slash, start, start + 1)
            }
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            lexNumber()
        case UInt8(ascii: "\""):
            emit(.openQuote, start, start + 1)
            stack.append(Frame(kind: .quoted))
        case UInt8(ascii: "<"):
            if byte(start + 1) == UInt8(ascii: "<") {
                lexHeredocOpener()
            } else if byte(start + 1) == UInt8(ascii: "=") {
                emit(.lessEqual, start, start + 2)
            } else {
                emit(.less, start, start + 1)
            }
        case UInt8(ascii: ">"):
            if byte(start + 1) == UInt8(ascii: "=") { emit(.greaterEqual, start, start + 2) } else { emit(.greater, start, start + 1) }
        case UInt8(ascii: "="):
            switch byte(start + 1) {
            case UInt8(ascii: "="): emit(.equalEqual, start, start + 2)
            case UInt8(ascii: ">"): emit(.fatArrow, start, start + 2)
            default: emit(.equals, start, start + 1)
            }
        case UInt8(ascii: "!"):
            if byte(start + 1) == UInt8(ascii: "=") { emit(.notEqual, start, start + 2) } else { emit(.bang, start, start + 1) }
        case UInt8(ascii: "&"):
            if byte(start + 1) == UInt8(ascii: "&") { emit(.and, start, start + 2) } else { emit(.invalid, start, start + 1) }
        case UInt8(ascii: "|"):
            if byte(start + 1) == UInt8(ascii: "|") { emit(.or, start, start + 2) } else { emit(.invalid, start, start + 1) }
        case UInt8(ascii: ":"):
            if byte(start + 1) == UInt8(ascii: ":") { emit(.doubleColon, start, start + 2) } else { emit(.colon, start, start + 1) }
        case UInt8(ascii: "."):
            if byte(start + 1) == UInt8(ascii: "."), byte(start + 2) == UInt8(ascii: ".") {
                emit(.ellipsis, start, start + 3)
            } else {
                emit(.dot, start, start + 1)
            }
        case UInt8(ascii: "?"): emit(.question, start, start + 1)
        case UInt8(ascii: ","): emit(.comma, start, start + 1)
        case UInt8(ascii: "+"): emit(.plus, start, start + 1)
        case UInt8(ascii: "-"): emit(.minus, start, start + 1)
        case UInt8(ascii: "*"): emit(.star, start, start + 1)
        case UInt8(ascii: "%"): emit(.percent, start, start + 1)
        case UInt8(ascii: "("): emit(.openParen, start, start + 1)
        case UInt8(ascii: ")"): emit(.closeParen, start, start + 1)
        case UInt8(ascii: "["): emit(.openBracket, start, start + 1)
        case UInt8(ascii: "]"): emit(.closeBracket, start, start + 1)
        case UInt8(ascii: "{"):
            stack[stack.count - 1].depth += 1
            emit(.openBrace, start, start + 1)
        case UInt8(ascii: "}"):
            closeBrace(start: start, stripped: false)
        case UInt8(ascii: "~"):
            let top = stack[stack.count - 1]
            if byte(start + 1) == UInt8(ascii: "}"), top.interpolation, top.depth == 0 {
                closeBrace(start: start, stripped: true)
            } else {
                emit(.invalid, start, start + 1)
            }
        default:
            if let end = identifierEnd(from: start) {
                emit(.identifier, start, end)
            } else {
                emit(.invalid, start, start + UTF8Scalars.length(bytes, at: start))
            }
        }
    }

    private mutating func closeBrace(start: Int, stripped: Bool) {
        let top = stack[stack.count - 1]
        if top.depth > 0 {
            stack[stack.count - 1].depth -= 1
            emit(.closeBrace, start, start + 1)
        } else if top.interpolation {
            stack.removeLast()
            emit(.templateSequenceEnd, start, start + (stripped ? 2 : 1), flag: stripped)
        } else {
            emit(.closeBrace, start, start + 1)
        }
    }

    private mutating func skipLineComment() {
        var i = pos
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
        pos = i
    }

    private mutating func skipBlockComment() {
        var i = pos + 2
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "*"), bytes[i + 1] == UInt8(ascii: "/") {
                pos = i + 2
                return
            }
            i += 1
        }
        emit(.unterminatedComment, pos, bytes.count)
    }

    private mutating func lexNumber() {
        var i = pos
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        while isDigit(byte(i)) { i += 1 }
        if byte(i) == UInt8(ascii: "."), isDigit(byte(i + 1)) {
            i += 1
            while isDigit(byte(i)) { i += 1 }
        }
        if byte(i) == UInt8(ascii: "e") || byte(i) == UInt8(ascii: "E") {
            var j = i + 1
            if byte(j) == UInt8(ascii: "+") || byte(j) == UInt8(ascii: "-") { j += 1 }
            if isDigit(byte(j)) {
                i = j
                while isDigit(byte(i)) { i += 1 }
            }
        }
        emit(.number, pos, i)
    }

    /// The end of an identifier starting at `start`, or nil when no identifier starts there.
    private func identifierEnd(from start: Int) -> Int? {
        guard UTF8Scalars.isIdentifierStart(bytes, at: start) else { return nil }
        var i = start + UTF8Scalars.length(bytes, at: start)
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if UTF8Scalars.isASCIIContinue(b) { i += 1 } else { break }
            } else if UTF8Scalars.isIdentifierContinue(bytes, at: i) {
                i += UTF8Scalars.length(bytes, at: i)
            } else {
                break
            }
        }
        return i
    }

    /// `<<ID` or `<<-ID` followed by a newline; anything else is an invalid heredoc opener.
    private mutating func lexHeredocOpener() {
        let start = pos
        var i = start + 2
        let flush = byte(i) == UInt8(ascii: "-")
        if flush { i += 1 }
        guard let markerEnd = identifierEnd(from: i) else {
            emit(.invalidHeredoc, start, i)
            return
        }
        var j = markerEnd
        while byte(j) == UInt8(ascii: " ") || byte(j) == UInt8(ascii: "\t") || byte(j) == UInt8(ascii: "\r") { j += 1 }
        guard byte(j) == UInt8(ascii: "\n") else {
            emit(.invalidHeredoc, start, markerEnd)
            return
        }
        emit(.openHeredoc, start, j + 1, flag: flush)
        stack.append(Frame(kind: .heredoc, markerStart: i, markerEnd: markerEnd))
    }

    // MARK: templates

    /// Scans template text from `pos`; returns where a `${`/`%{` opener, a `"` (when
    /// `stopAtQuote`) or a newline (when `stopAtNewline`) begins, or the end of input.
    private func scanLiteral(stopAtQuote: Bool, stopAtNewline: Bool, backslashEscapes: Bool) -> Int {
        var i = pos
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "$"), UInt8(ascii: "%"):
                let next = byte(i + 1)
                if next == UInt8(ascii: "{") { return i }
                if next == b, byte(i + 2) == UInt8(ascii: "{") { i += 3 } else { i += 1 }
            case UInt8(ascii: "\""):
                if stopAtQuote { return i }
                i += 1
            case UInt8(ascii: "\n"):
                if stopAtNewline { return i }
                i += 1
            case UInt8(ascii: "\\"):
                i += (backslashEscapes && byte(i + 1) != UInt8(ascii: "\n") && i + 1 < n) ? 2 : 1
            default:
                i += 1
            }
        }
        return n
    }

    /// Emits `${`, `${~`, `%{` or `%{~` at `pos` and enters code mode.
    private mutating func openInterpolation() {
        let start = pos
        let control = bytes[start] == UInt8(ascii: "%")
        let strip = byte(start + 2) == UInt8(ascii: "~")
        emit(control ? .templateControl : .templateInterpolation, start, start + (strip ? 3 : 2), flag: strip)
        stack.append(Frame(kind: .code, interpolation: true))
    }

    private mutating func lexQuoted() {
        let start = pos
        let end = scanLiteral(stopAtQuote: true, stopAtNewline: true, backslashEscapes: true)
        if end > start { emit(.quotedLiteral, start, end) }
        if end >= bytes.count { return }
        switch bytes[end] {
        case UInt8(ascii: "\""):
            stack.removeLast()
            emit(.closeQuote, end, end + 1)
        case UInt8(ascii: "\n"):
            stack.removeLast()
            emit(.unterminatedString, end, end)
        default:
            openInterpolation()
        }
    }

    private mutating func lexHeredoc() {
        let frame = stack[stack.count - 1]
        if frame.atLineStart, let (markerStart, markerEnd) = closingMarker(frame) {
            stack.removeLast()
            emit(.closeHeredoc, markerStart, markerEnd)
            return
        }
        let start = pos
        let end = scanLiteral(stopAtQuote: false, stopAtNewline: true, backslashEscapes: false)
        if end < bytes.count, bytes[end] == UInt8(ascii: "\n") {
            emit(.heredocLiteral, start, end + 1)
            stack[stack.count - 1].atLineStart = true
            return
        }
        if end > start { emit(.heredocLiteral, start, end) }
        stack[stack.count - 1].atLineStart = false
        if end < bytes.count { openInterpolation() }
    }

    /// The closing marker's byte range when the line at `pos` is, trimmed, the heredoc's marker.
    private func closingMarker(_ frame: Frame) -> (Int, Int)? {
        var i = pos
        while byte(i) == UInt8(ascii: " ") || byte(i) == UInt8(ascii: "\t") { i += 1 }
        let length = frame.markerEnd - frame.markerStart
        guard i + length <= bytes.count else { return nil }
        for k in 0..<length where bytes[i + k] != bytes[frame.markerStart + k] { return nil }
        var j = i + length
        while byte(j) == UInt8(ascii: " ") || byte(j) == UInt8(ascii: "\t") || byte(j) == UInt8(ascii: "\r") { j += 1 }
        guard j >= bytes.count || bytes[j] == UInt8(ascii: "\n") else { return nil }
        return (i, i + length)
    }

    private mutating func lexBare() {
        let start = pos
        let end = scanLiteral(stopAtQuote: false, stopAtNewline: false, backslashEscapes: false)
        if end > start { emit(.templateLiteral, start, end) }
        if end < bytes.count { openInterpolation() }
    }
}
