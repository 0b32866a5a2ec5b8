import HCL

/// The schema and value helpers of `EstateConfigDecoder`: each logs at most one diagnostic per
/// mistake, worded as Terraform words the same mistake in a `.tf` file, and returns nil for a
/// value that failed or is absent (`null` means "not set", as in Terraform).
extension EstateConfigDecoder {
    mutating func error(_ summary: String, _ detail: String, at range: SourceRange) {
        diagnostics.append(Diagnostic(message: summary, range: range, notes: [detail]))
    }

    // MARK: schema

    /// Logs every argument of `body` not in `allowed` and every nested block (none are expected).
    mutating func checkSchema(_ body: Body, allowed: Set<String>, in kind: String) {
        for attribute in body.attributes where !allowed.contains(attribute.name) {
            unsupportedArgument(attribute, allowed: allowed, blocks: [])
        }
        for block in body.blocks {
            var detail = "Blocks of type \"\(block.type)\" are not expected in a \(kind) block."
            if allowed.contains(block.type) { detail += " Did you mean to define argument \"\(block.type)\"? If so, use the equals sign to assign it a value." }
            error("Unsupported block type", detail, at: block.typeRange)
        }
    }

    mutating func unsupportedArgument(_ attribute: Attribute, allowed: Set<String>, blocks: Set<String>) {
        var detail = "An argument named \"\(attribute.name)\" is not expected here."
        if blocks.contains(attribute.name) {
            detail += " Did you mean to define a block of type \"\(attribute.name)\"?"
        } else if let guess = Self.suggestion(for: attribute.name, among: Array(allowed)) {
            detail += " Did you mean \"\(guess)\"?"
        }
        error("Unsupported argument", detail, at: attribute.nameRange)
    }

    mutating func missing(_ name: String, in block: Block, example: String) {
        error(
            "Missing required argument",
            "The argument \"\(name)\" is required, but no definition was found: \(example).", at: block.typeRange)
    }

    /// The block's one name, checked and unique among blocks of its type; nil (logged) otherwise.
    mutating func label(_ block: Block, kind: String, seen: inout [String: SourceRange]) -> String? {
        guard block.labels.count == 1 else {
            if block.labels.isEmpty {
                error(
                    "Missing name for \(kind)", "All \(kind) blocks must have 1 label: the name, as in \(kind) \"prod\" { ... }.",
                    at: block.typeRange)
            } else {
                error(
                    "Extraneous label for \(kind)", "Only 1 label (the name) is expected for \(kind) blocks.",
                    at: block.labelRanges[1])
            }
            return nil
        }
        let name = block.labels[0]
        guard EstateChecks.isName(name) else {
            // Still declared: references to it are not a second mistake.
            if seen[name] == nil { seen[name] = block.labelRanges[0] }
            error(
                "Invalid \(kind) name",
                "\(Self.article(kind)) \(kind) name starts with a letter or digit and has only letters, digits, underscores, dashes and dots.",
                at: block.labelRanges[0])
            return nil
        }
        if let first = seen[name] {
            error(
                "Duplicate \(kind)",
                "\(Self.article(kind)) \(kind) named \"\(name)\" was already declared at \(first.hclDescription). \(kind.prefix(1).uppercased() + kind.dropFirst()) names must be unique.",
                at: block.labelRanges[0])
            return nil
        }
        seen[name] = block.labelRanges[0]
        return name
    }

    /// Logs labels on a block that takes none; false when there were some.
    mutating func noLabels(_ block: Block) -> Bool {
        guard let range = block.labelRanges.first else { return true }
        error("Extraneous label for \(block.type)", "No labels are expected for \(block.type) blocks.", at: range)
        return false
    }

    // MARK: values

    /// The attribute's value and where it is; the value is nil when evaluation failed (logged) or
    /// gave null.
    /// `secret`: the evaluator's details are replaced (a `for` expression's duplicate key, say,
    /// would quote part of the value), except for function calls, whose details name only
    /// functions and variables.
    mutating func evaluate(_ attribute: Attribute, secret: Bool = false) -> (HCLValue?, SourceRange) {
        let range = attribute.expression.range
        let (value, found) = Evaluator.evaluate(attribute.expression, in: context)
        var errors = found.filter { $0.severity == .error }
        if !errors.isEmpty {
            if secret {
                for index in errors.indices where !Self.functionErrors.contains(errors[index].message) {
                    errors[index].notes = ["The details are not shown: the value of \"\(attribute.name)\" is a secret."]
                }
            }
            diagnostics += errors
            return (nil, range)
        }
        if case .null = value { return (nil, range) }
        return (value, range)
    }

    static let functionErrors: Set<String> = ["Error in function call", "Invalid function argument", "Call to unknown function"]

    /// A non-empty string. `required`: null is a mistake, not "absent". `secret`: no message
    /// quotes the value (see `evaluate`).
    mutating func string(_ attribute: Attribute, required: Bool = false, secret: Bool = false) -> String? {
        let before = diagnostics.count
        let (value, range) = evaluate(attribute, secret: secret)
        guard let value else {
            // Null, not a failed evaluation (that is logged already).
            if required, diagnostics.count == before {
                error("Missing required value", "The argument \"\(attribute.name)\" must not be null.", at: range)
            }
            return nil
        }
        return primitiveString(value, name: attribute.name, at: range)
    }

    /// Strings, numbers and bools convert to a string, as Terraform converts them for a string
    /// argument; anything else is a type error. Empty strings are mistakes ("not set" is null).
    private mutating func primitiveString(_ value: HCLValue, name: String, at range: SourceRange) -> String? {
        switch value {
        case .string, .number, .bool:
            guard let text = value.asString, !text.isEmpty else {
                error("Empty value", "The argument \"\(name)\" must not be an empty string; leave it out (or null) instead.", at: range)
                return nil
            }
            return text
        default:
            error(
                "Incorrect attribute value type", "Inappropriate value for attribute \"\(name)\": string required.", at: range)
            return nil
        }
    }

    /// A list of non-empty strings (a tuple or set value); each element's mistake is logged at
    /// the element when the list is written out, else at the expression.
    mutating func stringList(_ attribute: Attribute) -> [String]? {
        let (value, range) = evaluate(attribute)
        guard let value else { return nil }
        guard case .tuple(let items) = value else {
            if case .set(let items) = value { return elements(items, attribute) }
            error(
                "Incorrect attribute value type", "Inappropriate value for attribute \"\(attribute.name)\": list of string required.",
                at: range)
            return nil
        }
        return elements(items, attribute)
    }

    private mutating func elements(_ items: [HCLValue], _ attribute: Attribute) -> [String]? {
        var result: [String] = []
        var valid = true
        for (index, item) in items.enumerated() {
            let range = elementRange(attribute.expression, index)
            switch item {
            case .string(let text) where !text.isEmpty:
                result.append(text)
            case .number, .bool:
                result.append(item.asString ?? "")
            case .string:
                error("Empty value", "Element \(index + 1) of \"\(attribute.name)\" is an empty string.", at: range)
                valid = false
            default:
                error(
                    "Incorrect attribute value type",
                    "Inappropriate value for attribute \"\(attribute.name)\": element \(index + 1): string required.", at: range)
                valid = false
            }
        }
        return valid ? result : nil
    }

    /// Where element `index` of a list is written: the element itself in a `[...]` literal,
    /// else the whole expression (a function call, an `env` value).
    func elementRange(_ expression: Expression, _ index: Int) -> SourceRange {
        if case .tuple(let items) = expression.kind, index < items.count { return items[index].range }
        return expression.range
    }

    /// `vars = { NAME = VALUE }` as `--var` takes them: `NAME=VALUE`, strings raw, other values
    /// as HCL literals, by name. A null value leaves the variable unset.
    mutating func variables(_ attribute: Attribute) -> [String]? {
        let (value, range) = evaluate(attribute)
        guard let value else { return nil }
        guard case .object(let members) = value else {
            error(
                "Incorrect attribute value type", "Inappropriate value for attribute \"vars\": map of variable values required.",
                at: range)
            return nil
        }
        var result: [String] = []
        var valid = true
        for name in members.keys.sorted(by: HCLValue.keyOrder) {
            guard EstateChecks.isVariableName(name) else {
                error(
                    "Invalid variable name",
                    "A Terraform variable name starts with a letter or underscore and has only letters, digits, underscores and dashes.",
                    at: keyRange(attribute.expression, name))
                valid = false
                continue
            }
            switch members[name] ?? .null {
            case .null: continue
            case .string(let text): result.append("\(name)=\(text)")
            case let other: result.append("\(name)=\(HCLLiteral.render(other))")
            }
        }
        return valid ? result : nil
    }

    /// Where key `name` of an object is written, when it is written out as a literal.
    private func keyRange(_ expression: Expression, _ name: String) -> SourceRange {
        guard case .object(let items) = expression.kind else { return expression.range }
        for item in items {
            if case .literal(let key) = item.key.kind, key.asString == name { return item.key.range }
            if case .template(let parts) = item.key.kind, parts == [.literal(name)] { return item.key.range }
        }
        return expression.range
    }

    static func article(_ word: String) -> String { word.first.map { "aeiou".contains($0) } == true ? "An" : "A" }

    /// The closest name within edit distance 2, for "Did you mean" hints.
    static func suggestion(for name: String, among candidates: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = EstateChecks.editDistance(Array(name.unicodeScalars), Array(candidate.unicodeScalars))
            if distance < 3, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.name
    }
}
