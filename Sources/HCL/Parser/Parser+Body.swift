/// Body grammar: attributes, blocks with labels, one-line blocks.
extension Parser {
    /// Parses body items until the end of the file or, when `inBlock`, a `}` (not consumed).
    mutating func parseBody(inBlock: Bool, start: Int) -> Body {
        var attributes: [Attribute] = []
        var blocks: [Block] = []
        var seen: [String: SourceRange] = [:]
        while true {
            let token = peek()
            let before = index
            switch token.kind {
            case .newline:
                next()
                recovering = false
                continue
            case .endOfFile:
                break
            case .closeBrace where inBlock:
                break
            case .identifier:
                recovering = false
                parseBodyItem(into: &attributes, &blocks, seen: &seen)
                continue
            case .openQuote:
                error("Invalid argument name", "Argument names must not be quoted.", at: range(token))
                recoverToNewline()
                if index == before { next() }
                continue
            default:
                unexpected(token, "Argument or block definition required", "An argument or block definition is required here.")
                recoverToNewline()
                if index == before { next() }
                continue
            }
            break
        }
        let end = peek().kind == .closeBrace ? tokens[index].start : previousEnd
        return Body(attributes: attributes, blocks: blocks, range: range(from: start, to: max(start, end)))
    }

    private mutating func parseBodyItem(into attributes: inout [Attribute], _ blocks: inout [Block], seen: inout [String: SourceRange]) {
        let nameToken = next()
        let name = text(nameToken)
        let after = peek()
        switch after.kind {
        case .equals:
            next()
            let value = parseExpression()
            let attribute = Attribute(
                name: name, expression: value, range: span(map.position(nameToken.start), value.range.end),
                nameRange: range(nameToken))
            if let first = attributes.count < 16 ? attributes.first(where: { $0.name == name })?.nameRange : seen[name] {
                let savedRecovering = recovering
                recovering = false
                error(
                    "Attribute redefined",
                    "The argument \"\(name)\" was already set at \(first.hclDescription). Each argument may be set only once.",
                    at: range(nameToken))
                recovering = savedRecovering
            } else {
                if attributes.count >= 15 {
                    if seen.isEmpty { for existing in attributes { seen[existing.name] = existing.nameRange } }
                    seen[name] = attribute.nameRange
                }
                attributes.append(attribute)
            }
            if peek().kind == .comma {
                unexpected(
                    peek(), "Unexpected comma after argument",
                    "Argument definitions must be separated by newlines, not commas. An argument definition must end with a newline.")
                recoverToNewline()
            } else {
                expectEndOfLine("Missing newline after argument", "An argument definition must end with a newline.")
            }
        case .openQuote, .identifier, .openBrace:
            if let block = parseBlock(typeToken: nameToken) { blocks.append(block) }
        default:
            unexpected(
                after, "Argument or block definition required",
                "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.")
            recoverToNewline()
        }
    }

    /// After an attribute or block: a newline or the end of the file must follow.
    private mutating func expectEndOfLine(_ message: String, _ detail: String) {
        let token = peek()
        switch token.kind {
        case .newline, .endOfFile: return
        default:
            unexpected(token, message, detail)
            recoverToNewline()
        }
    }

    private mutating func parseBlock(typeToken: Token) -> Block? {
        var labels: [String] = []
        var labelRanges: [SourceRange] = []
        while true {
            let token = peek()
            if token.kind == .identifier {
                next()
                labels.append(text(token))
                labelRanges.append(range(token))
            } else if token.kind == .openQuote {
                let (label, labelRange) = parseQuotedLabel()
                labels.append(label)
                labelRanges.append(labelRange)
            } else {
                break
            }
        }
        let open = peek()
        guard open.kind == .openBrace else {
            if open.kind == .newline {
                error(
                    "Invalid block definition",
                    "A block definition must have block content delimited by \"{\" and \"}\", starting on the same line as the block header.",
                    at: range(open))
                // Skip a body that starts on the next line, so it does not produce more errors.
                var i = index
                while tokens[i].kind == .newline { i += 1 }
                if tokens[i].kind == .openBrace {
                    index = i + 1
                    recover(to: .closeBrace)
                    return nil
                }
            } else if open.kind == .equals {
                error(
                    "Invalid block definition",
                    "The equals sign \"=\" indicates an argument definition, and must not be used when defining a block.",
                    at: range(open))
            } else {
                unexpected(open, "Invalid block definition", "Either a quoted string block label or an opening brace (\"{\") is expected here.")
            }
            recoverToNewline()
            return nil
        }
        next()
        let body: Body
        let inner = peek()
        if inner.kind == .newline || inner.kind == .endOfFile {
            body = parseBody(inBlock: true, start: open.end)
            let close = peek()
            if close.kind == .closeBrace {
                next()
            } else {
                recovering = false
                error(
                    "Unclosed configuration block",
                    "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
                    at: range(open))
                recovering = true
            }
        } else {
            body = parseSingleLineBody(open: open)
        }
        let block = Block(
            type: text(typeToken), labels: labels, labelRanges: labelRanges, body: body,
            range: range(from: typeToken.start, to: previousEnd), typeRange: range(typeToken))
        expectEndOfLine("Missing newline after block definition", "A block definition must end with a newline.")
        return block
    }

    /// `{}` or `{ name = expr }` on the header's line; the closing brace is consumed.
    private mutating func parseSingleLineBody(open: Token) -> Body {
        var attributes: [Attribute] = []
        let first = peek()
        if first.kind == .closeBrace {
            next()
            return Body(attributes: [], blocks: [], range: range(from: open.end, to: first.start))
        }
        guard first.kind == .identifier else {
            unexpected(first, "Argument or block definition required", "An argument or block definition is required here.")
            recover(to: .closeBrace)
            return Body(attributes: [], blocks: [], range: range(from: open.end, to: previousEnd))
        }
        let second = peekSecond()
        switch second.kind {
        case .equals:
            next()
            next()
            let value = parseExpression()
            attributes.append(
                Attribute(
                    name: text(first), expression: value, range: span(map.position(first.start), value.range.end),
                    nameRange: range(first)))
        case .openQuote, .openBrace, .identifier:
            error(
                "Argument definition required",
                "A single-line block definition can contain only a single argument. If you meant to define argument \"\(text(first))\", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.",
                at: range(from: first.start, to: second.end))
            recover(to: .closeBrace)
            return Body(attributes: [], blocks: [], range: range(from: open.end, to: previousEnd))
        default:
            next()
            unexpected(
                second, "Argument or block definition required",
                "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.")
            recover(to: .closeBrace)
            return Body(attributes: [], blocks: [], range: range(from: open.end, to: previousEnd))
        }
        let close = peek()
        let bodyRange = range(from: open.end, to: close.start)
        switch close.kind {
        case .closeBrace:
            next()
        case .comma:
            unexpected(
                close, "Invalid single-argument block definition",
                "Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.")
            recover(to: .closeBrace)
        case .newline:
            unexpected(
                close, "Invalid single-argument block definition",
                "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.")
            recover(to: .closeBrace)
        case .endOfFile:
            unexpected(
                close, "Unclosed configuration block",
                "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
                opener: open)
        default:
            unexpected(
                close, "Invalid single-argument block definition",
                "A single-line block definition must end with a closing brace immediately after its single argument definition.")
            recover(to: .closeBrace)
        }
        return Body(attributes: attributes, blocks: [], range: bodyRange)
    }

    /// A quoted block label: a string without interpolations or directives.
    private mutating func parseQuotedLabel() -> (String, SourceRange) {
        let open = next()
        var value = ""
        while true {
            let token = peek()
            switch token.kind {
            case .quotedLiteral:
                next()
                value += decodeLiteral(token, escapes: true)
            case .closeQuote:
                next()
                return (value, range(from: open.start, to: token.end))
            case .templateInterpolation, .templateControl:
                let which = token.kind == .templateControl ? "%" : "$"
                error(
                    "Invalid string literal",
                    "Template sequences are not allowed in this string. To include a literal \"\(which)\", double it (as \"\(which)\(which)\") to escape it.",
                    at: range(token))
                recover(to: .closeQuote)
                return (value, range(from: open.start, to: previousEnd))
            default:
                unexpected(token, "Unterminated string literal", "Unable to find the closing quote mark before the end of the file.")
                if token.kind == .unterminatedString { next() }
                return (value, range(from: open.start, to: previousEnd))
            }
        }
    }
}
