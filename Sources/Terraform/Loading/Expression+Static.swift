import HCL

extension Expression {
    /// The string a literal or a template without interpolations spells, for arguments Terraform
    /// requires to be static (`source`, `alias`, backend settings).
    var staticString: String? {
        switch kind {
        case .literal(.string(let s)): return s
        case .template(let parts):
            var out = ""
            for part in parts {
                guard case .literal(let s) = part else { return nil }
                out += s
            }
            return out
        case .parenthesized(let inner): return inner.staticString
        default: return nil
        }
    }

    /// `aws.west` → ("aws", "west"); `aws` → ("aws", nil): the provider references of `provider =`
    /// and of a module's `providers` map.
    var providerReference: (name: String, alias: String?)? {
        switch kind {
        case .variable(let name): return (name, nil)
        case .getAttribute(let base, let alias):
            if case .variable(let name) = base.kind { return (name, alias) }
            return nil
        default:
            // `.tf.json` spells references as strings: "aws.west".
            guard let text = staticString, !text.isEmpty, !text.contains(" ") else { return nil }
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
            return (parts[0], parts.count == 2 ? parts[1] : nil)
        }
    }

    /// A `.tf.json` string that stands for an expression (`"type": "list(string)"`), parsed;
    /// native-syntax expressions are returned as they are.
    var jsonKeywordExpression: Expression {
        guard range.filename.hasSuffix(".json"), let text = staticString else { return self }
        let (parsed, diagnostics) = HCLParser.parseExpression(text, filename: range.filename)
        guard let parsed, diagnostics.isEmpty else { return self }
        return Expression(parsed.kind, range: range)
    }

    /// The names of `ignore_changes = [tags, ami]` (or `all`), which are bare traversals, not values.
    var ignoreChangesNames: [String]? {
        switch kind {
        case .variable("all"): return ["*"]
        case _ where staticString == "all": return ["*"]
        case .tuple(let items):
            return items.compactMap { item -> String? in
                switch item.kind {
                case .variable(let name): return name
                case .getAttribute, .index: return item.traversalPath
                default: return item.staticString
                }
            }
        default: return nil
        }
    }

    /// `tags["Name"]` → `tags.Name`, `tags.Name` → `tags.Name` (ignore_changes paths).
    private var traversalPath: String? {
        switch kind {
        case .variable(let name): return name
        case .getAttribute(let base, let name): return base.traversalPath.map { "\($0).\(name)" }
        case .index(let base, let key):
            guard let head = base.traversalPath else { return nil }
            if case .literal(.number(let n)) = key.kind, let i = n.intValue { return "\(head)[\(i)]" }
            if let s = key.staticString { return "\(head).\(s)" }
            return nil
        default: return nil
        }
    }
}

extension SourceRange {
    /// `file:line:col` of the start, the form `sources` and findings carry.
    var location: String { description }
}
