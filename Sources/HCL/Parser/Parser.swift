/// The recursive-descent parser over the lexer's token stream. It always produces a tree: each
/// error is recorded as a diagnostic, the faulty construct becomes an unknown placeholder and the
/// parser resynchronises at the next newline or closing bracket.
struct Parser {
    let tokens: [Token]
    let map: SourceMap
    var index = 0
    var diagnostics: [Diagnostic] = []
    /// Whether newlines are significant here: true in bodies and object constructors, false
    /// inside parentheses, brackets, `for` expressions and template sequences.
    private var newlineStack: [Bool] = [true]
    /// Set by the first error of a construct; further errors are suppressed until the parser has
    /// resynchronised, so one mistake gives one diagnostic.
    var recovering = false
    var depth = 0
    static let maximumDepth = 100

    init(tokens: [Token], map: SourceMap) {
        self.tokens = tokens
        self.map = map
    }

    // MARK: tokens

    var includesNewlines: Bool { newlineStack[newlineStack.count - 1] }

    mutating func pushNewlines(_ include: Bool) { newlineStack.append(include) }
    mutating func popNewlines() { if newlineStack.count > 1 { newlineStack.removeLast() } }

    mutating func peek() -> Token {
        if !includesNewlines {
            while tokens[index].kind == .newline { index += 1 }
        }
        return tokens[index]
    }

    /// The token after `peek()`, honouring the same newline rule.
    mutating func peekSecond() -> Token {
        _ = peek()
        var i = index + 1
        if !includesNewlines {
            while i < tokens.count, tokens[i].kind == .newline { i += 1 }
        }
        return tokens[min(i, tokens.count - 1)]
    }

    @discardableResult
    mutating func next() -> Token {
        let token = peek()
        if token.kind != .endOfFile { index += 1 }
        return token
    }

    func text(_ token: Token) -> String { map.text(token.start, token.end) }

    func isKeyword(_ token: Token, _ word: StaticString) -> Bool {
        guard token.kind == .identifier, token.end - token.start == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<(token.end - token.start) where map.byte(token.start + k) != w[k] { return false }
        return true
    }

    func range(_ token: Token) -> SourceRange { map.range(token.start, token.end) }
    func range(from start: Int, to end: Int) -> SourceRange { map.range(start, end) }
    /// A range from positions already computed (no offset lookups).
    func span(_ start: SourcePosition, _ end: SourcePosition) -> SourceRange {
        SourceRange(filename: map.filename, start: start, end: end)
    }

    /// The byte offset where the previous consumed token ended.
    var previousEnd: Int { index > 0 ? tokens[index - 1].end : 0 }

    // MARK: diagnostics

    mutating func error(_ message: String, _ detail: String?, at range: SourceRange) {
        guard !recovering else { return }
        recovering = true
        diagnostics.append(Diagnostic(message: message, range: range, notes: detail.map { [$0] } ?? []))
    }

    /// Reports `token` as unexpected, with a specific message when it is a lexer error token.
    mutating func unexpected(_ token: Token, _ message: String, _ detail: String, opener: Token? = nil) {
        if token.kind == .endOfFile || token.kind == .unterminatedHeredoc, let opener {
            error(message, detail + " The construct opened here is not closed before the end of the file.", at: range(opener))
            return
        }
        switch token.kind {
        case .invalid:
            error("Invalid character", "This character is not used within the language.", at: range(token))
        case .unterminatedString:
            if map.byte(token.start) == UInt8(ascii: "\n") {
                error(
                    "Invalid multi-line string",
                    "Quoted strings may not be split over multiple lines. To produce a multi-line string, use the \\n escape or the \"heredoc\" syntax.",
                    at: range(token))
            } else {
                error("Unterminated template string", "No closing marker was found for the string.", at: range(token))
            }
        case .unterminatedHeredoc:
            error("Unterminated heredoc", "No closing marker was found for the heredoc before the end of the file.", at: range(token))
        case .unterminatedComment:
            error("Unterminated comment", "There is no \"*/\" to close this comment.", at: map.range(token.start, token.start + 2))
        case .invalidHeredoc:
            error(
                "Invalid heredoc",
                "A heredoc opener is \"<<\" or \"<<-\", an identifier, then a newline.", at: range(token))
        default:
            error(message, detail, at: range(token))
        }
    }

    // MARK: recovery

    static func isOpener(_ kind: TokenKind) -> Bool {
        switch kind {
        case .openBrace, .openBracket, .openParen, .templateInterpolation, .templateControl, .openQuote, .openHeredoc:
            return true
        default: return false
        }
    }

    static func isCloser(_ kind: TokenKind) -> Bool {
        switch kind {
        case .closeBrace, .closeBracket, .closeParen, .templateSequenceEnd, .closeQuote, .closeHeredoc,
            .unterminatedString, .unterminatedHeredoc:
            return true
        default: return false
        }
    }

    /// Skips to the closer `end` that matches the construct being parsed and consumes it. Stops
    /// without consuming at a closer of an enclosing construct or at the end of the file.
    mutating func recover(to end: TokenKind) {
        var nesting = 0
        while true {
            let token = tokens[index]
            if token.kind == .endOfFile { return }
            if Self.isOpener(token.kind) {
                nesting += 1
            } else if Self.isCloser(token.kind) {
                if nesting == 0 {
                    if token.kind == end { index += 1 }
                    return
                }
                nesting -= 1
            }
            index += 1
        }
    }

    /// Skips to the end of the current body item: a newline outside brackets (not consumed), a
    /// closing brace of the enclosing block (not consumed) or the end of the file.
    mutating func recoverToNewline() {
        var nesting = 0
        while true {
            let token = tokens[index]
            switch token.kind {
            case .endOfFile: return
            case .newline where nesting == 0: return
            default:
                if Self.isOpener(token.kind) {
                    nesting += 1
                } else if Self.isCloser(token.kind) {
                    if nesting == 0 && token.kind == .closeBrace { return }
                    nesting = max(0, nesting - 1)
                }
            }
            index += 1
        }
    }

    /// The placeholder standing in for an expression that could not be parsed.
    func invalidExpression(at range: SourceRange) -> Expression { Expression(.literal(.unknown), range: range) }
}
