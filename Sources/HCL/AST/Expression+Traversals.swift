extension Expression {
    /// The static references this expression makes (`var.a`, `aws_s3_bucket.b.id`, `local.m["k"]`),
    /// each cut at its first non-literal step. Names bound inside (for-expression variables, splat
    /// items) are excluded, so callers learn exactly what the enclosing scope must provide.
    public func traversals() -> [Traversal] {
        var result: [Traversal] = []
        collectTraversals(bound: [], into: &result)
        return result
    }

    /// The static reference this expression is, if it is one: a root name followed by attribute
    /// and literal index steps only.
    public var asTraversal: Traversal? {
        var steps: [TraversalStep] = []
        var current = self
        while true {
            switch current.kind {
            case .variable(let root):
                return Traversal(root: root, steps: steps.reversed(), range: range)
            case .getAttribute(let base, let name):
                steps.append(.attribute(name))
                current = base
            case .index(let base, let key):
                guard case .literal(let value) = key.kind, value.isKnown, value != .null else { return nil }
                steps.append(.index(value))
                current = base
            case .parenthesized(let inner) where steps.isEmpty:
                current = inner
            default:
                return nil
            }
        }
    }

    fileprivate func collectTraversals(bound: Set<String>, into result: inout [Traversal]) {
        // The longest static prefix of an attribute/index chain is one traversal.
        if let traversal = staticPrefix() {
            if !bound.contains(traversal.root) { result.append(traversal) }
            return
        }
        switch kind {
        case .literal, .variable, .splatItem:
            return
        case .template(let parts):
            for part in parts { part.collectTraversals(bound: bound, into: &result) }
        case .getAttribute(let base, _):
            base.collectTraversals(bound: bound, into: &result)
        case .index(let base, let key):
            base.collectTraversals(bound: bound, into: &result)
            key.collectTraversals(bound: bound, into: &result)
        case .splat(let source, let each):
            source.collectTraversals(bound: bound, into: &result)
            each.collectTraversals(bound: bound, into: &result)
        case .tuple(let items):
            for item in items { item.collectTraversals(bound: bound, into: &result) }
        case .object(let items):
            for item in items {
                item.key.collectTraversals(bound: bound, into: &result)
                item.value.collectTraversals(bound: bound, into: &result)
            }
        case .functionCall(_, let arguments, _):
            for argument in arguments { argument.collectTraversals(bound: bound, into: &result) }
        case .conditional(let condition, let then, let otherwise):
            condition.collectTraversals(bound: bound, into: &result)
            then.collectTraversals(bound: bound, into: &result)
            otherwise.collectTraversals(bound: bound, into: &result)
        case .unary(_, let operand):
            operand.collectTraversals(bound: bound, into: &result)
        case .binary(_, let left, let right):
            left.collectTraversals(bound: bound, into: &result)
            right.collectTraversals(bound: bound, into: &result)
        case .forExpression(let loop):
            loop.collection.collectTraversals(bound: bound, into: &result)
            var inner = bound
            inner.insert(loop.valueVariable)
            if let key = loop.keyVariable { inner.insert(key) }
            loop.keyExpression?.collectTraversals(bound: inner, into: &result)
            loop.valueExpression.collectTraversals(bound: inner, into: &result)
            loop.condition?.collectTraversals(bound: inner, into: &result)
        case .parenthesized(let inner):
            inner.collectTraversals(bound: bound, into: &result)
        }
    }

    /// For an attribute/index chain rooted at a name whose every step is static (attribute names
    /// and literal index keys): that traversal. `nil` otherwise, and the caller's walk visits the
    /// chain's pieces (so a non-literal index key's own references are found).
    private func staticPrefix() -> Traversal? {
        var steps: [TraversalStep] = []
        var current = self
        while true {
            switch current.kind {
            case .getAttribute(let base, let name):
                steps.append(.attribute(name))
                current = base
            case .index(let base, let key):
                guard case .literal(let value) = key.kind, value.isKnown, value != .null else { return nil }
                steps.append(.index(value))
                current = base
            case .variable(let root):
                steps.reverse()
                let range = SourceRange(filename: current.range.filename, start: current.range.start, end: range.end)
                return Traversal(root: root, steps: steps, range: range)
            default:
                return nil
            }
        }
    }
}

extension TemplatePart {
    fileprivate func collectTraversals(bound: Set<String>, into result: inout [Traversal]) {
        switch self {
        case .literal: return
        case .interpolation(let expression):
            expression.collectTraversals(bound: bound, into: &result)
        case .ifDirective(let condition, let then, let otherwise):
            condition.collectTraversals(bound: bound, into: &result)
            for part in then { part.collectTraversals(bound: bound, into: &result) }
            for part in otherwise { part.collectTraversals(bound: bound, into: &result) }
        case .forDirective(let key, let value, let collection, let body):
            collection.collectTraversals(bound: bound, into: &result)
            var inner = bound
            inner.insert(value)
            if let key { inner.insert(key) }
            for part in body { part.collectTraversals(bound: bound.union(inner), into: &result) }
        }
    }
}
