/// Expression grammar: conditionals, binary operators by precedence, unary operators, terms and
/// their traversals (attributes, indexes, splats).
extension Parser {
    /// Binary operator groups from lowest to highest precedence; all left-associative.
    private static func binaryOperator(_ kind: TokenKind) -> (BinaryOperator, Int)? {
        switch kind {
        case .or: return (.or, 0)
        case .and: return (.and, 1)
        case .equalEqual: return (.equal, 2)
        case .notEqual: return (.notEqual, 2)
        case .less: return (.less, 3)
        case .greater: return (.greater, 3)
        case .lessEqual: return (.lessOrEqual, 3)
        case .greaterEqual: return (.greaterOrEqual, 3)
        case .plus: return (.add, 4)
        case .minus: return (.subtract, 4)
        case .star: return (.multiply, 5)
        case .slash: return (.divide, 5)
        case .percent: return (.modulo, 5)
        default: return nil
        }
    }

    mutating func parseExpression() -> Expression {
        depth += 1
        defer { depth -= 1 }
        let start = peek()
        if depth > Self.maximumDepth {
            error("Expression too deeply nested", "Expressions may nest at most \(Self.maximumDepth) levels deep.", at: range(start))
            return invalidExpression(at: range(start))
        }
        let condition = parseBinary(minimumPrecedence: 0)
        guard peek().kind == .question else { return condition }
        next()
        let then = parseExpression()
        let colon = peek()
        guard colon.kind == .colon else {
            unexpected(
                colon, "Missing false expression in conditional",
                "The conditional operator (...?...:...) requires a false expression, delimited by a colon.")
            return Expression(
                .conditional(condition: condition, then: then, else: invalidExpression(at: range(colon))),
                range: range(from: start.start, to: previousEnd))
        }
        next()
        let otherwise = parseExpression()
        return Expression(
            .conditional(condition: condition, then: then, else: otherwise),
            range: span(map.position(start.start), otherwise.range.end))
    }

    /// Precedence climbing: one stack frame per nesting level rather than per precedence level.
    private mutating func parseBinary(minimumPrecedence: Int) -> Expression {
        var left = parseUnary()
        while let (op, precedence) = Self.binaryOperator(peek().kind), precedence >= minimumPrecedence {
            next()
            let right = parseBinary(minimumPrecedence: precedence + 1)
            left = Expression(.binary(op, left, right), range: span(left.range.start, right.range.end))
        }
        return left
    }

    private mutating func parseUnary() -> Expression {
        let token = peek()
        switch token.kind {
        case .minus, .bang:
            next()
            depth += 1
            defer { depth -= 1 }
            if depth > Self.maximumDepth {
                error("Expression too deeply nested", "Expressions may nest at most \(Self.maximumDepth) levels deep.", at: range(token))
                return invalidExpression(at: range(token))
            }
            let operand = parseUnary()
            let whole = span(map.position(token.start), operand.range.end)
            if token.kind == .minus, case .literal(.number(let value)) = operand.kind {
                return Expression(.literal(.number(-value)), range: whole)
            }
            return Expression(.unary(token.kind == .minus ? .negate : .not, operand), range: whole)
        default:
            let term = parseTerm()
            return parseTraversals(term)
        }
    }

    // MARK: traversals

    /// Applies `.name`, `.0`, `[expr]`, `[*]` and `.*` steps to `base`. A full splat takes every
    /// following step into its per-element expression; an attribute-only splat takes only the
    /// `.name`/`.0` steps right after it.
    mutating func parseTraversals(_ base: Expression) -> Expression {
        var current = base
        while true {
            let token = peek()
            if token.kind == .dot {
                let after = peekSecond()
                if after.kind == .star {
                    next()
                    next()
                    let item = Expression(.splatItem, range: range(after))
                    var each = item
                    while peek().kind == .dot, peekSecond().kind == .identifier || peekSecond().kind == .number {
                        each = parseDotStep(each, inAttributeSplat: after)
                    }
                    if peek().kind == .dot, peekSecond().kind == .star {
                        next()
                        error(
                            "Nested splat expression not allowed",
                            "A splat expression (*) cannot be used inside another attribute-only splat expression.", at: range(peek()))
                    }
                    current = Expression(.splat(source: current, each: each), range: span(base.range.start, map.position(previousEnd)))
                    continue
                }
                current = parseDotStep(current)
                if recovering { return current }
            } else if token.kind == .openBracket {
                pushNewlines(false)
                let open = next()
                if peek().kind == .star {
                    next()
                    let close = peek()
                    if close.kind == .closeBracket {
                        next()
                    } else {
                        unexpected(
                            close, "Missing close bracket on splat index",
                            "The star for a full splat operator must be immediately followed by a closing bracket (\"]\").")
                        recover(to: .closeBracket)
                    }
                    popNewlines()
                    let item = Expression(.splatItem, range: range(close))
                    let each = parseTraversals(item)
                    return Expression(.splat(source: current, each: each), range: span(base.range.start, map.position(previousEnd)))
                }
                let key = parseExpression()
                let close = peek()
                if close.kind == .closeBracket {
                    next()
                    popNewlines()
                } else {
                    unexpected(close, "Missing close bracket on index", "The index operator must end with a closing bracket (\"]\").", opener: open)
                    recover(to: .closeBracket)
                    popNewlines()
                }
                current = Expression(.index(current, key), range: span(base.range.start, map.position(previousEnd)))
            } else {
                return current
            }
        }
    }

    /// `.name` or the legacy `.0` (a number such as `0.1` after a dot is two index steps).
    /// `star` is the splat's `*` when inside an attribute-only splat (HCL reports a chained
    /// legacy index there).
    private mutating func parseDotStep(_ base: Expression, inAttributeSplat star: Token? = nil) -> Expression {
        let inAttributeSplat = star != nil
        next()
        let token = peek()
        let start = base.range.start.offset
        switch token.kind {
        case .identifier:
            next()
            return Expression(.getAttribute(base, text(token)), range: range(from: start, to: token.end))
        case .number:
            next()
            let digits = text(token)
            // `foo.0.1` lexes `0.1` as one number: chaining legacy indexes is not permitted.
            guard let value = Int(digits) else {
                let halves = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
                let like = "[\(halves.first ?? "")][\(halves.count > 1 ? halves[1] : "")]"
                let proper = inAttributeSplat ? "the proper index syntax with a full splat expression [*] instead" : "the proper index syntax instead"
                error(
                    "Invalid legacy index syntax",
                    "When using the legacy index syntax, chaining two indexes together is not permitted. Use \(proper), like \(like).",
                    at: range(star ?? token))
                return Expression(.index(base, invalidExpression(at: range(token))), range: range(from: start, to: token.end))
            }
            let key = Expression(.literal(.number(HCLNumber(value))), range: range(token))
            return Expression(.index(base, key), range: range(from: start, to: token.end))
        default:
            unexpected(token, "Invalid attribute name", "An attribute name is required after a dot.")
            return Expression(base.kind, range: base.range)
        }
    }
}
