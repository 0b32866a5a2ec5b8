/// Function calls: the context's functions plus `try` and `can`, which need their arguments
/// unevaluated.
extension EvaluationRun {
    mutating func call(_ name: String, _ arguments: [Expression], expandFinal: Bool, range: SourceRange) -> HCLValue {
        if name == "try" && !expandFinal { return tryCall(arguments, range: range) }
        if name == "can" && !expandFinal { return canCall(arguments, range: range) }
        guard let function = context.functions[name] else {
            var detail = "There is no function named \"\(name)\"."
            if let suggestion = Self.suggestion(for: name, among: Array(context.functions.keys) + ["try", "can"]) {
                detail += " Did you mean \"\(suggestion)\"?"
            }
            return fail("Call to unknown function", detail, at: nameRange(name, range))
        }
        let before = diagnostics.count
        var values = arguments.map { evaluate($0) }
        if diagnostics[before...].contains(where: { $0.severity == .error }) { return .unknown }
        if expandFinal, let last = values.popLast(), let lastExpression = arguments.last {
            switch last {
            case .unknown:
                return .unknown
            case .tuple(let items), .set(let items):
                values.append(contentsOf: items)
            case .null:
                return fail(
                    "Invalid expanding argument value", "The expanding argument (indicated by ...) must not be null.",
                    at: lastExpression.range)
            default:
                return fail(
                    "Invalid expanding argument value",
                    "The expanding argument (indicated by ...) must be of a tuple, list, or set type.", at: lastExpression.range)
            }
        }
        if function.propagatesUnknown, values.contains(.unknown) { return .unknown }
        do {
            return try function.implementation(values)
        } catch {
            if let index = error.argumentIndex, index < arguments.count, !expandFinal || index < arguments.count - 1 {
                return fail(
                    "Invalid function argument", "Invalid value for argument \(index + 1) of \"\(name)\": \(error.message)",
                    at: arguments[index].range)
            }
            return fail("Error in function call", "Call to function \"\(name)\" failed: \(error.message)", at: range)
        }
    }

    private func nameRange(_ name: String, _ range: SourceRange) -> SourceRange {
        var result = range
        result.end = SourcePosition(
            line: range.start.line, column: range.start.column + name.unicodeScalars.count,
            offset: range.start.offset + name.utf8.count)
        return result
    }

    /// Whether a reference in `expression` resolves to a value that is not wholly known: then
    /// `try`/`can` cannot decide yet, and their result is unknown.
    private func dependsOnUnknowns(_ expression: Expression) -> Bool {
        for traversal in expression.traversals() {
            guard var value = lookup(traversal.root) else { continue }
            for step in traversal.steps {
                if case .unknown = value { break }
                switch (step, value) {
                case (.attribute(let name), .object(let members)):
                    value = members[name] ?? .null
                case (.index(let key), .object(let members)):
                    value = key.asString.flatMap { members[$0] } ?? .null
                case (.index(let key), .tuple(let items)):
                    guard let index = key.asNumber?.intValue, index >= 0, index < items.count else {
                        value = .null
                        break
                    }
                    value = items[index]
                default:
                    value = .null
                }
            }
            if !value.isKnown { return true }
        }
        return false
    }

    /// `try(a, b, ...)`: the first argument that evaluates without errors.
    private mutating func tryCall(_ arguments: [Expression], range: SourceRange) -> HCLValue {
        guard !arguments.isEmpty else {
            return fail("Error in function call", "Call to function \"try\" failed: at least one argument is required.", at: range)
        }
        var failures: [String] = []
        for argument in arguments {
            if dependsOnUnknowns(argument) { return .unknown }
            let saved = diagnostics
            let value = evaluate(argument)
            let produced = diagnostics[saved.count...]
            diagnostics = saved
            if produced.contains(where: { $0.severity == .error }) {
                failures += produced.map { diagnostic in
                    let start = diagnostic.range.start
                    let location = "\(diagnostic.range.filename):\(start.line),\(start.column)-\(diagnostic.range.end.column)"
                    return (["- \(diagnostic.message) (at \(location))"] + diagnostic.notes.map { "  " + $0 }).joined(separator: "\n")
                }
                continue
            }
            return value.isKnown ? value : .unknown
        }
        return fail(
            "Error in function call",
            "Call to function \"try\" failed: no expression succeeded:\n" + failures.joined(separator: "\n")
                + "\n\nAt least one expression must produce a successful result.", at: range)
    }

    /// `can(expr)`: whether `expr` evaluates without errors.
    private mutating func canCall(_ arguments: [Expression], range: SourceRange) -> HCLValue {
        guard arguments.count == 1, let argument = arguments.first else {
            if arguments.isEmpty {
                return fail(
                    "Not enough function arguments", "Function \"can\" expects 1 argument(s). Missing value for \"expression\".", at: range)
            }
            return fail("Too many function arguments", "Function \"can\" expects only 1 argument(s).", at: arguments[1].range)
        }
        if dependsOnUnknowns(argument) { return .unknown }
        let saved = diagnostics
        let value = evaluate(argument)
        let failed = diagnostics[saved.count...].contains { $0.severity == .error }
        diagnostics = saved
        if failed { return .bool(false) }
        return value.isKnown ? .bool(true) : .unknown
    }

    /// The closest name within edit distance 2, as HCL suggests for misspelt functions.
    static func suggestion(for name: String, among candidates: [String]) -> String? {
        var best: (String, Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(Array(name.unicodeScalars), Array(candidate.unicodeScalars))
            if distance < 3, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }

    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
