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

    /// Reports `token` as unexpected. Lexer error tokens were already reported by
    /// `reportLexicalErrors`, so they only switch recovery on. At the end of the file the
    /// diagnostic points at `opener` (the unclosed bracket) when one is given.
    mutating func unexpected(_ token: Token, _ message: String, _ detail: String, opener: Token? = nil) {
        if token.kind.isError {
            recovering = true
            return
        }
        if token.kind == .endOfFile, let opener {
            error(message, detail, at: range(opener))
            return
        }
        error(message, detail, at: range(token))
    }

    /// HCL reports characters and sequences that can never be valid before parsing, once each
    /// (some only the first time they occur), in source order.
    mutating func reportLexicalErrors() {
        var told: [String: Int] = [:]
        var heredocs: [Token] = []
        func add(_ parser: inout Parser, _ key: String, limit: Int, every: Int = 1, _ message: String, _ detail: String, _ range: SourceRange) {
            let count = told[key, default: 0]
            if count < limit || limit == 0, count % every == 0 {
                parser.diagnostics.append(Diagnostic(message: message, range: range, notes: [detail]))
            }
            told[key] = count + 1
        }
        let unlimited = 0
        for token in tokens {
            switch token.kind {
            case .openHeredoc:
                heredocs.append(token)
            case .closeHeredoc:
                _ = heredocs.popLast()
            case .invalid:
                let text = map.text(token.start, token.end)
                let here = range(token)
                switch text {
                case "&": add(&self, "bitwise", limit: 4, "Unsupported operator", "Bitwise operators are not supported. Did you mean boolean AND (\"&&\")?", here)
                case "|": add(&self, "bitwise", limit: 4, "Unsupported operator", "Bitwise operators are not supported. Did you mean boolean OR (\"||\")?", here)
                case "~": add(&self, "bitwise", limit: 4, "Unsupported operator", "Bitwise operators are not supported. Did you mean boolean NOT (\"!\")?", here)
                case "^": add(&self, "bitwise", limit: 4, "Unsupported operator", "Bitwise operators are not supported.", here)
                case "`":
                    add(&self, "backtick", limit: unlimited, every: 2, "Invalid character",
                        "The \"`\" character is not valid. To create a multi-line string, use the \"heredoc\" syntax, like \"<<EOT\".", here)
                case "'":
                    add(&self, "apostrophe", limit: unlimited, every: 2, "Invalid character",
                        "Single quotes are not valid. Use double quotes (\") to enclose strings.", here)
                case ";":
                    add(&self, "semicolon", limit: 1, "Invalid character",
                        "The \";\" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.", here)
                case "\u{201C}", "\u{201D}":
                    add(&self, "curly", limit: unlimited, "Invalid character",
                        "\"Curly quotes\" are not valid here. These can sometimes be inadvertently introduced when sharing code via documents or discussion forums. It might help to replace the character with a \"straight quote\".", here)
                case "\u{FFFD}" where map.byte(token.start) != 0xEF:
                    add(&self, "utf8", limit: 1, "Invalid character encoding",
                        "All input files must be UTF-8 encoded. Ensure that UTF-8 encoding is selected in your editor.", here)
                default:
                    add(&self, "invalid", limit: unlimited, "Invalid character", "This character is not used within the language.", here)
                }
            case .unterminatedString:
                if map.byte(token.start) == UInt8(ascii: "\n") {
                    add(&self, "newline", limit: unlimited, "Invalid multi-line string",
                        "Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the \"heredoc\" multi-line template syntax.",
                        range(token))
                } else {
                    add(&self, "unterminated", limit: unlimited, "Unterminated template string", "No closing marker was found for the string.", range(token))
                }
            case .unterminatedHeredoc:
                add(&self, "unterminated", limit: unlimited, "Unterminated template string", "No closing marker was found for the string.",
                    heredocs.last.map { range($0) } ?? range(token))
            case .unterminatedComment:
                add(&self, "comment", limit: unlimited, "Unterminated comment", "There is no \"*/\" to close this comment.", map.range(token.start, token.start + 2))
            case .invalidHeredoc:
                add(&self, "heredoc", limit: unlimited, "Invalid heredoc",
                    "A heredoc opener is \"<<\" or \"<<-\", an identifier, then a newline.", range(token))
            default:
                break
            }
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
