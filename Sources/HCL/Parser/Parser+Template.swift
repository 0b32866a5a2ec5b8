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

    /// The flat parts of one template and the range of what ended it (for messages about
    /// unclosed directives).
    struct TemplateParts {
        var parts: [FlatPart] = []
        var endRange: SourceRange
    }

    mutating func parseQuotedTemplate() -> Expression {
        let open = next()
        let template = parseTemplateParts(closer: .closeQuote, literalKind: .quotedLiteral)
        return templateExpression(template, range: range(from: open.start, to: previousEnd))
    }

    mutating func parseHeredoc() -> Expression {
        let open = next()
        var template = parseTemplateParts(closer: .closeHeredoc, literalKind: .heredocLiteral)
        if open.flag { Self.dedent(&template.parts) }
        return templateExpression(template, range: range(from: open.start, to: previousEnd))
    }

    /// A whole input read as a template (for `templatefile`).
    mutating func parseBareTemplate() -> Expression {
        let template = parseTemplateParts(closer: .endOfFile, literalKind: .templateLiteral)
        return templateExpression(template, range: range(from: 0, to: map.byteCount))
    }

    /// A pure-literal template becomes a string literal; otherwise a template of nested parts.
    private mutating func templateExpression(_ template: TemplateParts, range: SourceRange) -> Expression {
        var position = 0
        let (parts, _) = buildParts(template.parts, &position, opener: nil, end: template.endRange)
        if parts.isEmpty { return Expression(.literal(.string("")), range: range) }
        if parts.count == 1, case .literal(let text) = parts[0] { return Expression(.literal(.string(text)), range: range) }
        return Expression(.template(parts), range: range)
    }

    private mutating func parseTemplateParts(closer: TokenKind, literalKind: TokenKind) -> TemplateParts {
        var template = TemplateParts(endRange: range(tokens[index]))
        let startToken = tokens[index]
        var trimNext = false
        while true {
            let token = tokens[index]
            let trim = trimNext
            trimNext = false
            switch token.kind {
            case literalKind:
                index += 1
                var text = decodeLiteral(token, escapes: literalKind == .quotedLiteral)
                if trim { text = Whitespace.trimLeading(text) }
                template.parts.append(.literal(text))
            case .templateInterpolation, .templateControl:
                index += 1
                if token.flag, case .literal(let text)? = template.parts.last {
                    template.parts[template.parts.count - 1] = .literal(Whitespace.trimTrailing(text))
                }
                pushNewlines(false)
                defer { popNewlines() }
                if token.kind == .templateInterpolation {
                    let expression = parseExpression()
                    template.parts.append(.interpolation(expression))
                    trimNext = closeInterpolation(start: startToken, quoted: closer == .closeQuote)
                } else if let part = parseDirective(token) {
                    template.parts.append(part.0)
                    trimNext = closeDirective(keyword: part.1, start: startToken)
                }
            case closer:
                template.endRange = range(token)
                if closer != .endOfFile { index += 1 }
                return template
            case .unterminatedString, .unterminatedHeredoc:
                // Reported by the lexical pass.
                template.endRange = range(token)
                recovering = true
                index += 1
                return template
            case .endOfFile:
                template.endRange = range(token)
                error("Unterminated template string", "No closing marker was found for the string.", at: range(token))
                return template
            default:
                unexpected(token, "Unterminated template string", "No closing marker was found for the string.")
                recover(to: closer)
                template.endRange = range(from: previousEnd, to: previousEnd)
                return template
            }
        }
    }

    /// Expects the `}` (or `~}`) ending an interpolation; returns whether it strips.
    private mutating func closeInterpolation(start: Token, quoted: Bool) -> Bool {
        let end = peek()
        if end.kind == .templateSequenceEnd {
            next()
            return end.flag
        }
        switch end.kind {
        case .endOfFile:
            unexpected(
                end, "Unclosed template interpolation sequence",
                "There is no closing brace for this interpolation sequence before the end of the file. This might be caused by incorrect nesting inside the given expression.",
                opener: start)
        case .colon:
            unexpected(
                end, "Extra characters after interpolation expression",
                "Template interpolation doesn't expect a colon at this location. Did you intend this to be a literal sequence to be processed as part of another language? If so, you can escape it by starting with \"$${\" instead of just \"${\".")
        case .closeQuote where quoted, .openQuote where quoted, .unterminatedString where quoted:
            if !recovering {
                error(
                    "Unclosed template interpolation sequence",
                    "There is no closing brace for this interpolation sequence before the end of the quoted template. This might be caused by incorrect nesting inside the given expression.",
                    at: range(start))
            }
        default:
            unexpected(
                end, "Extra characters after interpolation expression",
                "Expected a closing brace to end the interpolation expression, but found extra characters.\n\nThis can happen when you include interpolation syntax for another language, such as shell scripting, but forget to escape the interpolation start token. If this is an embedded sequence for another language, escape it by starting with \"$${\" instead of just \"${\".")
        }
        recover(to: .templateSequenceEnd)
        return false
    }

    /// Expects the `}` (or `~}`) ending a directive; returns whether it strips.
    private mutating func closeDirective(keyword: String, start: Token) -> Bool {
        let end = peek()
        if end.kind == .templateSequenceEnd {
            next()
            return end.flag
        }
        unexpected(end, "Extra characters in \(keyword) marker", "Expected a closing brace to end the sequence, but found extra characters.")
        recover(to: .templateSequenceEnd)
        return false
    }

    /// The directive after `%{`, and its keyword; nil (after recovering past `}`) when invalid.
    private mutating func parseDirective(_ open: Token) -> (FlatPart, String)? {
        let keyword = peek()
        guard keyword.kind == .identifier else {
            unexpected(
                keyword, "Invalid template directive",
                "A template directive keyword (\"if\", \"for\", etc) is expected at the beginning of a %{ sequence.")
            recover(to: .templateSequenceEnd)
            return nil
        }
        let name = text(keyword)
        next()
        let whole = { (parser: Parser) in parser.range(from: open.start, to: parser.peek2End()) }
        switch name {
        case "if":
            let condition = parseExpression()
            return (.directive(.ifStart(condition), whole(self)), name)
        case "else": return (.directive(.elseMarker, whole(self)), name)
        case "endif": return (.directive(.endIf, whole(self)), name)
        case "endfor": return (.directive(.endFor, whole(self)), name)
        case "for":
            func fail(_ parser: inout Parser, _ detail: String) -> (FlatPart, String)? {
                parser.unexpected(parser.peek(), "Invalid 'for' directive", detail)
                parser.recover(to: .templateSequenceEnd)
                return nil
            }
            guard peek().kind == .identifier else { return fail(&self, "For directive requires variable name after 'for'.") }
            var key: String?
            var value = text(next())
            if peek().kind == .comma {
                next()
                guard peek().kind == .identifier else { return fail(&self, "For directive requires value variable name after comma.") }
                key = value
                value = text(next())
            }
            guard isKeyword(peek(), "in") else { return fail(&self, "For directive requires 'in' keyword after names.") }
            next()
            let collection = parseExpression()
            return (.directive(.forStart(key: key, value: value, collection: collection), whole(self)), name)
        default:
            var detail = "\"\(name)\" is not a valid template control keyword."
            if let suggestion = EvaluationRun.suggestion(for: name, among: ["if", "for", "else", "endif", "endfor"]) {
                detail += " Did you mean \"\(suggestion)\"?"
            }
            unexpected(keyword, "Invalid template control keyword", detail)
            recover(to: .templateSequenceEnd)
            return nil
        }
    }

    /// The end of the upcoming `}` when it closes the sequence, for directive ranges.
    func peek2End() -> Int {
        var i = index
        while i < tokens.count - 1, tokens[i].kind == .newline { i += 1 }
        return tokens[i].kind == .templateSequenceEnd ? tokens[i].end : tokens[max(0, index - 1)].end
    }

    /// Nests the flat parts: returns the sequence up to the `else`/`endif`/`endfor` that ends
    /// `opener` (returned as the terminator) or the end. Unbalanced directives are reported with
    /// HCL's messages.
    private mutating func buildParts(
        _ flat: [FlatPart], _ i: inout Int, opener: (Directive, SourceRange)?, end: SourceRange
    ) -> ([TemplatePart], Directive?) {
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
        func report(_ parser: inout Parser, _ message: String, _ detail: String, _ range: SourceRange) {
            let saved = parser.recovering
            parser.recovering = false
            parser.error(message, detail, at: range)
            parser.recovering = saved
        }
        depth += 1
        defer { depth -= 1 }
        while i < flat.count {
            let part = flat[i]
            i += 1
            switch part {
            case .literal(let text): add(.literal(text))
            case .interpolation(let expression): add(.interpolation(expression))
            case .directive(let directive, let range):
                switch (directive, opener?.0) {
                case (.ifStart, _) where depth >= Self.maximumDepth, (.forStart, _) where depth >= Self.maximumDepth:
                    report(&self, "Template directives too deeply nested", "Directives may nest at most \(Self.maximumDepth) levels deep.", range)
                    i = flat.count
                    return (result, nil)
                case (.ifStart(let condition), _):
                    let (thenParts, terminator) = buildParts(flat, &i, opener: (directive, range), end: end)
                    var elseParts: [TemplatePart] = []
                    if case .elseMarker? = terminator {
                        let (parts, _) = buildParts(flat, &i, opener: (.elseMarker, range), end: end)
                        elseParts = parts
                    }
                    add(.ifDirective(condition: condition, then: thenParts, else: elseParts))
                case (.forStart(let key, let value, let collection), _):
                    let (body, _) = buildParts(flat, &i, opener: (directive, range), end: end)
                    add(.forDirective(keyVariable: key, valueVariable: value, collection: collection, body: body))
                case (.elseMarker, .ifStart?), (.endIf, .ifStart?), (.endIf, .elseMarker?), (.endFor, .forStart?):
                    return (result, directive)
                case (.elseMarker, .elseMarker?):
                    report(
                        &self, "Unexpected else directive",
                        "Already in the else clause for the if started at \(opener?.1.hclDescription ?? "").", range)
                case (_, .ifStart?), (_, .elseMarker?):
                    report(
                        &self, "Unexpected \(directive.keyword) directive",
                        "Expecting an endif directive for the if started at \(opener?.1.hclDescription ?? "").", range)
                    return (result, nil)
                case (.elseMarker, .forStart?):
                    report(&self, "Unexpected else directive", "An else clause is not expected for a for directive.", range)
                    return (result, nil)
                case (_, .forStart?):
                    report(
                        &self, "Unexpected \(directive.keyword) directive",
                        "Expecting an endfor directive corresponding to the for directive at \(opener?.1.hclDescription ?? "").", range)
                    return (result, nil)
                default:
                    report(&self, "Unexpected \(directive.keyword) directive", "The control directives within this template are unbalanced.", range)
                }
            }
        }
        if let (directive, range) = opener {
            let isFor = directive.keyword == "for"
            report(
                &self, "Unexpected end of template",
                "The \(isFor ? "for" : "if") directive at \(range.hclDescription) is missing its corresponding \(isFor ? "endfor" : "endif") directive.",
                end)
        }
        return (result, nil)
    }
}
