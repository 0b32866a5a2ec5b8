/// Expression terms: literals, names, function calls, parentheses, tuples, objects, `for`.
extension Parser {
    mutating func parseTerm() -> Expression {
        let token = peek()
        switch token.kind {
        case .number:
            next()
            let digits = text(token)
            // cty.ParseNumberVal: the exact decimal rounded once to 512 bits.
            guard let number = HCLNumber(parsing: digits) else {
                error("Invalid number literal", "Failed to recognize the value of this number literal.", at: range(token))
                return invalidExpression(at: range(token))
            }
            return Expression(.literal(.number(number)), range: range(token))
        case .identifier:
            let second = peekSecond().kind
            if second == .openParen || second == .doubleColon { return parseFunctionCall() }
            if isKeyword(token, "true") || isKeyword(token, "false") {
                next()
                return Expression(.literal(.bool(isKeyword(token, "true"))), range: range(token))
            }
            if isKeyword(token, "null") {
                next()
                return Expression(.literal(.null), range: range(token))
            }
            next()
            return Expression(.variable(text(token)), range: range(token))
        case .openParen:
            pushNewlines(false)
            next()
            let inner = parseExpression()
            let close = peek()
            if close.kind == .closeParen {
                next()
            } else {
                unexpected(close, "Unbalanced parentheses", "Expected a closing parenthesis to terminate the expression.", opener: token)
                recover(to: .closeParen)
            }
            popNewlines()
            return Expression(.parenthesized(inner), range: range(from: token.start, to: previousEnd))
        case .openBracket:
            return parseTuple()
        case .openBrace:
            return parseObject()
        case .openQuote:
            return parseQuotedTemplate()
        case .openHeredoc:
            return parseHeredoc()
        case .endOfFile:
            unexpected(token, "Missing expression", "Expected the start of an expression, but found the end of the file.")
            return invalidExpression(at: range(token))
        default:
            unexpected(token, "Invalid expression", "Expected the start of an expression, but found an invalid expression token.")
            return invalidExpression(at: range(token))
        }
    }

    /// `name(args)`, `ns::name(args)`, with `...` after the final argument expanding it.
    private mutating func parseFunctionCall() -> Expression {
        let first = next()
        var name = text(first)
        while peek().kind == .doubleColon {
            next()
            let part = peek()
            guard part.kind == .identifier else {
                unexpected(part, "Missing function name", "Function scope resolution symbol :: must be followed by a function name in this scope.")
                return invalidExpression(at: range(from: first.start, to: previousEnd))
            }
            next()
            name += "::" + text(part)
        }
        let open = peek()
        guard open.kind == .openParen else {
            unexpected(open, "Missing open parenthesis", "Function selector must be followed by an open parenthesis to begin the function call.")
            return invalidExpression(at: range(from: first.start, to: previousEnd))
        }
        pushNewlines(false)
        defer { popNewlines() }
        next()
        var arguments: [Expression] = []
        var expandFinal = false
        while true {
            if peek().kind == .closeParen {
                next()
                break
            }
            arguments.append(parseExpression())
            let separator = peek()
            if separator.kind == .ellipsis {
                next()
                expandFinal = true
                let close = peek()
                if close.kind == .closeParen {
                    next()
                } else {
                    unexpected(close, "Missing closing parenthesis", "An expanded function argument (with ...) must be immediately followed by closing parentheses.")
                    recover(to: .closeParen)
                }
                break
            }
            if separator.kind == .comma {
                next()
                continue
            }
            if separator.kind == .closeParen {
                next()
                break
            }
            if separator.kind == .endOfFile {
                unexpected(
                    separator, "Unterminated function call",
                    "There is no closing parenthesis for this function call before the end of the file. This may be caused by incorrect parenthesis nesting elsewhere in this file.")
                if diagnostics.last?.message == "Unterminated function call" {
                    diagnostics[diagnostics.count - 1].range = range(from: first.start, to: open.end)
                }
            } else {
                unexpected(separator, "Missing argument separator", "A comma is required to separate each function argument from the next.")
            }
            recover(to: .closeParen)
            break
        }
        return Expression(
            .functionCall(name: name, arguments: arguments, expandFinal: expandFinal),
            range: range(from: first.start, to: previousEnd))
    }

    private mutating func parseTuple() -> Expression {
        let open = next()
        pushNewlines(false)
        defer { popNewlines() }
        if isKeyword(peek(), "for") { return parseFor(open: open, close: .closeBracket) }
        var items: [Expression] = []
        while true {
            if peek().kind == .closeBracket {
                next()
                break
            }
            items.append(parseExpression())
            let separator = peek()
            if separator.kind == .comma {
                next()
                continue
            }
            if separator.kind == .closeBracket {
                next()
                break
            }
            if separator.kind == .endOfFile {
                unexpected(
                    separator, "Unterminated tuple constructor expression",
                    "There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.",
                    opener: open)
            } else {
                unexpected(separator, "Missing item separator", "Expected a comma to mark the beginning of the next item.")
            }
            recover(to: .closeBracket)
            break
        }
        return Expression(.tuple(items), range: range(from: open.start, to: previousEnd))
    }

    private mutating func parseObject() -> Expression {
        let open = next()
        pushNewlines(true)
        defer { popNewlines() }
        while peek().kind == .newline { next() }
        if isKeyword(peek(), "for") {
            pushNewlines(false)
            defer { popNewlines() }
            return parseFor(open: open, close: .closeBrace)
        }
        var items: [ObjectItem] = []
        loop: while true {
            while peek().kind == .newline { next() }
            let keyToken = peek()
            if keyToken.kind == .closeBrace {
                next()
                break
            }
            let key: Expression
            let second = peekSecond().kind
            if keyToken.kind == .identifier, second == .equals || second == .colon {
                next()
                key = Expression(.literal(.string(text(keyToken))), range: range(keyToken))
            } else {
                key = parseExpression()
            }
            let separator = peek()
            guard separator.kind == .equals || separator.kind == .colon else {
                switch separator.kind {
                case .newline, .comma:
                    unexpected(separator, "Missing attribute value", "Expected an attribute value, introduced by an equals sign (\"=\").")
                case .identifier:
                    unexpected(
                        separator, "Missing key/value separator",
                        "Expected an equals sign (\"=\") to mark the beginning of the attribute value. If you intended to given an attribute name containing periods or spaces, write the name in quotes to create a string literal.")
                case .endOfFile:
                    unexpected(separator, "Unterminated object constructor expression", Self.unterminatedObject, opener: open)
                default:
                    unexpected(separator, "Missing key/value separator", "Expected an equals sign (\"=\") to mark the beginning of the attribute value.")
                }
                recover(to: .closeBrace)
                break
            }
            next()
            let value = parseExpression()
            items.append(ObjectItem(key: key, value: value))
            let end = peek()
            switch end.kind {
            case .comma, .newline:
                next()
            case .closeBrace:
                continue loop
            case .endOfFile:
                unexpected(end, "Unterminated object constructor expression", Self.unterminatedObject, opener: open)
                break loop
            default:
                unexpected(end, "Missing attribute separator", "Expected a newline or comma to mark the beginning of the next attribute.")
                recover(to: .closeBrace)
                break loop
            }
        }
        return Expression(.object(items), range: range(from: open.start, to: previousEnd))
    }

    static let unterminatedObject =
        "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file."

    /// `[for k, v in coll : value if cond]` or `{for k, v in coll : key => value... if cond}`;
    /// the `for` keyword is next. Consumes the closing bracket.
    private mutating func parseFor(open: Token, close: TokenKind) -> Expression {
        next()
        func fail(_ parser: inout Parser, _ detail: String) -> Expression {
            parser.unexpected(parser.peek(), "Invalid 'for' expression", detail)
            parser.recover(to: close)
            return parser.invalidExpression(at: parser.range(from: open.start, to: parser.previousEnd))
        }
        guard peek().kind == .identifier else { return fail(&self, "For expression requires variable name after 'for'.") }
        var keyVariable: String?
        var valueVariable = text(next())
        if peek().kind == .comma {
            next()
            guard peek().kind == .identifier else { return fail(&self, "For expression requires value variable name after comma.") }
            keyVariable = valueVariable
            valueVariable = text(next())
        }
        guard isKeyword(peek(), "in") else { return fail(&self, "For expression requires the 'in' keyword after its name declarations.") }
        next()
        let collection = parseExpression()
        guard peek().kind == .colon else { return fail(&self, "For expression requires a colon after the collection expression.") }
        next()
        var keyExpression: Expression?
        var valueExpression = parseExpression()
        if peek().kind == .fatArrow {
            next()
            keyExpression = valueExpression
            valueExpression = parseExpression()
        }
        var ellipsis: Token?
        if peek().kind == .ellipsis { ellipsis = next() }
        var condition: Expression?
        if isKeyword(peek(), "if") {
            next()
            condition = parseExpression()
        }
        let end = peek()
        if end.kind == close {
            next()
        } else {
            unexpected(end, "Invalid 'for' expression", "Extra characters after the end of the 'for' expression.")
            recover(to: close)
        }
        let saved = recovering
        recovering = false
        if close == .closeBracket {
            if let keyExpression {
                error("Invalid 'for' expression", "Key expression is not valid when building a tuple.", at: keyExpression.range)
            } else if let ellipsis {
                error("Invalid 'for' expression", "Grouping ellipsis (...) cannot be used when building a tuple.", at: range(ellipsis))
            }
        } else if keyExpression == nil {
            error("Invalid 'for' expression", "Key expression is required when building an object.", at: valueExpression.range)
        }
        recovering = recovering || saved
        let forExpression = ForExpression(
            keyVariable: keyVariable, valueVariable: valueVariable, collection: collection,
            keyExpression: close == .closeBrace ? keyExpression : nil,
            valueExpression: valueExpression, condition: condition, grouping: close == .closeBrace && ellipsis != nil)
        return Expression(.forExpression(forExpression), range: range(from: open.start, to: previousEnd))
    }
}
