/// Expression terms: literals, names, function calls, parentheses, tuples, objects, `for`.
extension Parser {
    mutating func parseTerm() -> Expression {
        let token = peek()
        switch token.kind {
        case .number:
            next()
            return Expression(.literal(.number(Double(text(token)) ?? .nan)), range: range(token))
        case .identifier:
            if isKeyword(token, "true") || isKeyword(token, "false") {
                next()
                return Expression(.literal(.bool(isKeyword(token, "true"))), range: range(token))
            }
            if isKeyword(token, "null") {
                next()
                return Expression(.literal(.null), range: range(token))
            }
            let second = peekSecond().kind
            if second == .openParen || second == .doubleColon { return parseFunctionCall() }
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
                unexpected(part, "Missing function name", "A function name is required after \"::\".")
                return invalidExpression(at: range(from: first.start, to: previousEnd))
            }
            next()
            name += "::" + text(part)
        }
        let open = peek()
        guard open.kind == .openParen else {
            unexpected(open, "Missing function call", "A namespaced function name must be followed by its arguments in parentheses.")
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
            unexpected(separator, "Missing argument separator", "A comma is required to separate each function argument from the next.", opener: open)
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
            unexpected(separator, "Missing item separator", "Expected a comma to mark the beginning of the next item.", opener: open)
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
                unexpected(separator, "Missing key/value separator", "Expected an equals sign (\"=\") to mark the beginning of the attribute value.")
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
            default:
                unexpected(end, "Missing attribute separator", "Expected a newline or comma to mark the beginning of the next attribute.", opener: open)
                recover(to: .closeBrace)
                break loop
            }
        }
        return Expression(.object(items), range: range(from: open.start, to: previousEnd))
    }

    /// `[for k, v in coll : value if cond]` or `{for k, v in coll : key => value... if cond}`;
    /// the `for` keyword is next. Consumes the closing bracket.
    private mutating func parseFor(open: Token, close: TokenKind) -> Expression {
        let forToken = next()
        func finish(_ parser: inout Parser) -> Expression {
            parser.recover(to: close)
            return parser.invalidExpression(at: parser.range(from: open.start, to: parser.previousEnd))
        }
        let detail = "A for expression is written \(close == .closeBracket ? "[for item in list : value]" : "{for key, value in map : key => value}")."
        let first = peek()
        guard first.kind == .identifier else {
            unexpected(first, "Invalid 'for' expression", "For expression requires variable name after 'for'. " + detail)
            return finish(&self)
        }
        next()
        var keyVariable: String?
        var valueVariable = text(first)
        if peek().kind == .comma {
            next()
            let second = peek()
            guard second.kind == .identifier else {
                unexpected(second, "Invalid 'for' expression", "Key variable name must be followed by a value variable name. " + detail)
                return finish(&self)
            }
            next()
            keyVariable = valueVariable
            valueVariable = text(second)
        }
        guard isKeyword(peek(), "in") else {
            unexpected(peek(), "Invalid 'for' expression", "For expression requires the 'in' keyword after its name declarations. " + detail)
            return finish(&self)
        }
        next()
        let collection = parseExpression()
        guard peek().kind == .colon else {
            unexpected(peek(), "Invalid 'for' expression", "For expression requires a colon after the collection expression. " + detail)
            return finish(&self)
        }
        next()
        var keyExpression: Expression?
        var valueExpression = parseExpression()
        var grouping = false
        if close == .closeBrace {
            guard peek().kind == .fatArrow else {
                unexpected(peek(), "Invalid 'for' expression", "Key expression is required in an object for expression. " + detail)
                return finish(&self)
            }
            next()
            keyExpression = valueExpression
            valueExpression = parseExpression()
            if peek().kind == .ellipsis {
                next()
                grouping = true
            }
        }
        var condition: Expression?
        if isKeyword(peek(), "if") {
            next()
            condition = parseExpression()
        }
        let end = peek()
        if end.kind == close {
            next()
        } else {
            unexpected(end, "Invalid 'for' expression", "Extra characters after the end of the 'for' expression.", opener: open)
            recover(to: close)
        }
        _ = forToken
        let forExpression = ForExpression(
            keyVariable: keyVariable, valueVariable: valueVariable, collection: collection, keyExpression: keyExpression,
            valueExpression: valueExpression, condition: condition, grouping: grouping)
        return Expression(.forExpression(forExpression), range: range(from: open.start, to: previousEnd))
    }
}
