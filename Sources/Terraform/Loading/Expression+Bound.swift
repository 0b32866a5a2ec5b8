import HCL

extension Expression {
    /// Names bound inside the expression (`for` variables, template `%{for}` variables): a
    /// traversal rooted at one is not a module reference.
    var boundNames: Set<String> {
        var names: Set<String> = []
        collectBound(into: &names)
        return names
    }

    private func collectBound(into names: inout Set<String>) {
        switch kind {
        case .literal, .variable, .splatItem: return
        case .template(let parts): Self.collectBound(parts, into: &names)
        case .getAttribute(let base, _): base.collectBound(into: &names)
        case .index(let base, let key):
            base.collectBound(into: &names)
            key.collectBound(into: &names)
        case .splat(let source, let each):
            source.collectBound(into: &names)
            each.collectBound(into: &names)
        case .tuple(let items): items.forEach { $0.collectBound(into: &names) }
        case .object(let items):
            for item in items {
                item.key.collectBound(into: &names)
                item.value.collectBound(into: &names)
            }
        case .functionCall(_, let arguments, _): arguments.forEach { $0.collectBound(into: &names) }
        case .conditional(let c, let t, let e):
            c.collectBound(into: &names)
            t.collectBound(into: &names)
            e.collectBound(into: &names)
        case .unary(_, let operand): operand.collectBound(into: &names)
        case .binary(_, let lhs, let rhs):
            lhs.collectBound(into: &names)
            rhs.collectBound(into: &names)
        case .forExpression(let f):
            if let k = f.keyVariable { names.insert(k) }
            names.insert(f.valueVariable)
            f.collection.collectBound(into: &names)
            f.keyExpression?.collectBound(into: &names)
            f.valueExpression.collectBound(into: &names)
            f.condition?.collectBound(into: &names)
        case .parenthesized(let inner): inner.collectBound(into: &names)
        }
    }

    private static func collectBound(_ parts: [TemplatePart], into names: inout Set<String>) {
        for part in parts {
            switch part {
            case .literal: continue
            case .interpolation(let e): e.collectBound(into: &names)
            case .ifDirective(let c, let t, let e):
                c.collectBound(into: &names)
                collectBound(t, into: &names)
                collectBound(e, into: &names)
            case .forDirective(let k, let v, let collection, let body):
                if let k { names.insert(k) }
                names.insert(v)
                collection.collectBound(into: &names)
                collectBound(body, into: &names)
            }
        }
    }
}
