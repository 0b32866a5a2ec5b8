/// Templates: quoted strings, heredocs and bare templates, with `${}` interpolations, `%{}`
/// directives and `~` strip markers.
extension Parser {
    /// A template piece before directives are nested: strip markers and heredoc dedent work on
    /// this flat list, as HCL specifies them in terms of neighbouring tokens.
    enum FlatPart {
        case literal(String)
        case interpolation(Expression)
        case directive(Directive, SourceRange)
    }

    enum Directive {
        case ifStart(Expression)
        case elseMarker
        case endIf
        case forStart(key: String?, value: String, collection: Expression)
        case endFor

        var keyword: String {
            switch self {
            case .ifStart: return "if"
            case .elseMarker: return "else"
            case .endIf: return "endif"
            case .forStart: return "for"
            case .endFor: return "endfor"
            }
        }
    }

    mutating func parseQuotedTemplate() -> Expression {
        let open = next()
        let parts = parseTemplateParts(closer: .closeQuote, literalKind: .quotedLiteral, openRange: range(open))
        return templateExpression(parts, range: range(from: open.start, to: previousEnd))
    }

    mutating func parseHeredoc() -> Expression {
        let open = next()
        var parts = parseTemplateParts(closer: .closeHeredoc, literalKind: .heredocLiteral, openRange: range(open))
        if open.flag { Self.dedent(&parts) }
        return templateExpression(parts, range: range(from: open.start, to: previousEnd))
    }

    /// A whole input read as a template (for `templatefile`).
    mutating func parseBareTemplate() -> Expression {
        let parts = parseTemplateParts(closer: .endOfFile, literalKind: .templateLiteral, openRange: range(from: 0, to: 0))
        return templateExpression(parts, range: range(from: 0, to: map.byteCount))
    }

    /// A pure-literal template becomes a string literal; otherwise a template of nested parts.
    private mutating func templateExpression(_ flat: [FlatPart], range: SourceRange) -> Expression {
        var position = 0
        let (parts, _) = buildParts(flat, &position, opener: nil)
        if parts.isEmpty { return Expression(.literal(.string("")), range: range) }
        if parts.count == 1, case .literal(let text) = parts[0] { return Expression(.literal(.string(text)), range: range) }
        return Expression(.template(parts), range: range)
    }

    private mutating func parseTemplateParts(closer: TokenKind, literalKind: TokenKind, openRange: SourceRange) -> [FlatPart] {
        var parts: [FlatPart] = []
        var trimNext = false
        func append(_ text: String, to parts: inout [FlatPart], trim: inout Bool) {
            var text = text
            if trim {
                text = Whitespace.trimLeading(text)
                trim = false
            }
            parts.append(.literal(text))
        }
        func trimPrevious(_ parts: inout [FlatPart]) {
            if case .literal(let text)? = parts.last {
                parts[parts.count - 1] = .literal(Whitespace.trimTrailing(text))
            }
        }
        while true {
            let token = tokens[index]
            switch token.kind {
            case literalKind:
                index += 1
                append(decodeLiteral(token, escapes: literalKind == .quotedLiteral), to: &parts, trim: &trimNext)
            case .templateInterpolation, .templateControl:
                index += 1
                if token.flag { trimPrevious(&parts) }
                trimNext = false
                pushNewlines(false)
                let part: FlatPart
                if token.kind == .templateInterpolation {
                    part = .interpolation(parseExpression())
                } else {
                    part = parseDirective(token)
                }
                let end = peek()
                if end.kind == .templateSequenceEnd {
                    next()
                    trimNext = end.flag
                } else {
                    unexpected(
                        end, "Extra characters after interpolation expression",
                        "Expected a closing brace to end the interpolation expression, but found extra characters.", opener: token)
                    recover(to: .templateSequenceEnd)
                }
                popNewlines()
                parts.append(part)
            case closer:
                if closer != .endOfFile { index += 1 }
                return parts
            case .unterminatedString:
                unexpected(token, "", "")
                index += 1
                return parts
            case .unterminatedHeredoc:
                error("Unterminated heredoc", "No closing marker was found for the heredoc before the end of the file.", at: openRange)
                index += 1
                return parts
            case .endOfFile:
                if closer == .closeQuote {
                    error("Unterminated template string", "No closing marker was found for the string.", at: openRange)
                } else {
                    error("Unterminated heredoc", "No closing marker was found for the heredoc before the end of the file.", at: openRange)
                }
                return parts
            default:
                unexpected(token, "Invalid template", "Unexpected token in template.")
                index += 1
            }
        }
    }

    private mutating func parseDirective(_ open: Token) -> FlatPart {
        let keyword = peek()
        let whole = { (parser: Parser) in parser.range(from: open.start, to: parser.peek2End()) }
        if isKeyword(keyword, "if") {
            next()
            return .directive(.ifStart(parseExpression()), whole(self))
        }
        if isKeyword(keyword, "else") {
            next()
            return .directive(.elseMarker, whole(self))
        }
        if isKeyword(keyword, "endif") {
            next()
            return .directive(.endIf, whole(self))
        }
        if isKeyword(keyword, "endfor") {
            next()
            return .directive(.endFor, whole(self))
        }
        if isKeyword(keyword, "for") {
            next()
            let first = peek()
            guard first.kind == .identifier else {
                unexpected(first, "Invalid 'for' directive", "For directive requires a variable name after 'for'.")
                return .interpolation(invalidExpression(at: range(first)))
            }
            next()
            var key: String?
            var value = text(first)
            if peek().kind == .comma {
                next()
                let second = peek()
                guard second.kind == .identifier else {
                    unexpected(second, "Invalid 'for' directive", "Key variable name must be followed by a value variable name.")
                    return .interpolation(invalidExpression(at: range(second)))
                }
                next()
                key = value
                value = text(second)
            }
            guard isKeyword(peek(), "in") else {
                unexpected(peek(), "Invalid 'for' directive", "For directive requires the 'in' keyword after its name declarations.")
                return .interpolation(invalidExpression(at: range(peek())))
            }
            next()
            let collection = parseExpression()
            return .directive(.forStart(key: key, value: value, collection: collection), whole(self))
        }
        unexpected(
            keyword, "Invalid template directive",
            "A template directive keyword (\"if\", \"for\", etc) is expected at the beginning of a %{ sequence.")
        return .interpolation(invalidExpression(at: range(keyword)))
    }

    /// The end of the upcoming `}` when it closes the sequence, for directive ranges.
    func peek2End() -> Int {
        var i = index
        while i < tokens.count - 1, tokens[i].kind == .newline { i += 1 }
        return tokens[i].kind == .templateSequenceEnd ? tokens[i].end : tokens[max(0, index - 1)].end
    }

    /// Nests the flat parts: returns the sequence up to the first unmatched `else`/`endif`/
    /// `endfor` (returned as the terminator) or the end.
    private mutating func buildParts(_ flat: [FlatPart], _ i: inout Int, opener: (Directive, SourceRange)?) -> ([TemplatePart], Directive?) {
        var result: [TemplatePart] = []
        func add(_ part: TemplatePart) {
            if case .literal(let text) = part {
                if text.isEmpty { return }
                if case .literal(let previous)? = result.last {
                    result[result.count - 1] = .literal(previous + text)
                    return
                }
            }
            result.append(part)
        }
        while i < flat.count {
            let part = flat[i]
            i += 1
            switch part {
            case .literal(let text): add(.literal(text))
            case .interpolation(let expression): add(.interpolation(expression))
            case .directive(let directive, let range):
                switch directive {
                case .ifStart(let condition):
                    let (thenParts, end) = buildParts(flat, &i, opener: (directive, range))
                    var elseParts: [TemplatePart] = []
                    if case .elseMarker? = end {
                        let (parts, _) = buildParts(flat, &i, opener: (.elseMarker, range))
                        elseParts = parts
                    }
                    add(.ifDirective(condition: condition, then: thenParts, else: elseParts))
                case .forStart(let key, let value, let collection):
                    let (body, _) = buildParts(flat, &i, opener: (directive, range))
                    add(.forDirective(keyVariable: key, valueVariable: value, collection: collection, body: body))
                case .elseMarker, .endIf, .endFor:
                    let expected: String? = {
                        switch opener?.0 {
                        case .ifStart?: return directive.keyword == "endfor" ? nil : directive.keyword
                        case .elseMarker?: return directive.keyword == "endif" ? "endif" : nil
                        case .forStart?: return directive.keyword == "endfor" ? "endfor" : nil
                        default: return nil
                        }
                    }()
                    if expected != nil { return (result, directive) }
                    recovering = false
                    error(
                        "Unexpected \"\(directive.keyword)\" directive",
                        "The \"\(directive.keyword)\" directive has no corresponding opening directive here.", at: range)
                }
            }
        }
        if let (directive, range) = opener {
            let closing = directive.keyword == "for" ? "endfor" : "endif"
            recovering = false
            error(
                "Unterminated template directive",
                "The \"\(directive.keyword)\" directive is missing its corresponding \"\(closing)\".", at: range)
        }
        return (result, nil)
    }
}
