import HCL

/// `templatefile(path, vars)`: the file parsed as an HCL template and evaluated with `vars` as its
/// only variables and the same function library, except `templatefile` itself (Terraform forbids
/// the recursion). A template that is a single interpolation yields that value, not a string.
struct TemplateFunction {
    let files: FileFunctions
    /// The function table templates see; `templatefile` in it reports the recursion.
    let functions: [String: HCLFunction]

    var function: HCLFunction {
        let template = self
        return Builtin.function("templatefile", ["path", "vars"]) { args throws(FunctionError) in
            try template.render(args)
        }
    }

    static let recursion = Builtin.function("templatefile", ["path", "vars"], allowsUnknown: true) { args throws(FunctionError) in
        throw args.fail(nil, "cannot recursively call templatefile from inside another template function")
    }

    /// `templatestring(template, vars)`: the same rendering for a template held in a string.
    /// (Terraform also insists the first argument be a reference, a static check left to callers.)
    var stringFunction: HCLFunction {
        let template = self
        return Builtin.function("templatestring", ["template", "vars"]) { args throws(FunctionError) in
            try template.render(args, source: try args.string(0), filename: "<template>")
        }
    }

    private func render(_ args: FunctionArguments) throws(FunctionError) -> HCLValue {
        try render(args, source: try files.text(args, 0), filename: try args.string(0))
    }

    private func render(_ args: FunctionArguments, source: String, filename path: String) throws(FunctionError) -> HCLValue {
        guard case .object(let variables) = try args.nonNull(1) else {
            throw args.invalid(1, "invalid vars value: must be a map")
        }
        for name in variables.keys where !Self.isIdentifier(name) {
            throw args.fail(1, "invalid template variable name \(JSONText.quote(name)): must start with a letter, followed by zero or more letters, digits, and underscores")
        }
        let (expression, parseDiagnostics) = HCLParser.parseTemplate(source, filename: path)
        let parseErrors = parseDiagnostics.filter { $0.severity == .error }
        if !parseErrors.isEmpty { throw args.fail(nil, Self.describe(parseErrors)) }
        // Terraform checks every reference against `vars` before evaluating anything.
        for traversal in expression.traversals() where variables[traversal.root] == nil {
            let range = traversal.range
            let end = range.end.line == range.start.line ? "-\(range.end.column)" : ""
            throw args.fail(1, "vars map does not contain key \(JSONText.quote(traversal.root)), referenced at \(range.filename):\(range.start.line),\(range.start.column)\(end)")
        }
        let context = EvalContext(variables: variables, functions: functions)
        let (value, diagnostics) = Evaluator.evaluate(expression, in: context)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw args.fail(nil, Self.describe(errors)) }
        return value
    }

    /// `file:line,column-column: message; detail`, the way Terraform quotes a template's first
    /// diagnostic, with a count of the others.
    private static func describe(_ diagnostics: [Diagnostic]) -> String {
        guard let first = diagnostics.first else { return "" }
        let range = first.range
        let end = range.end.line == range.start.line ? "-\(range.end.column)" : "-\(range.end.line),\(range.end.column)"
        let location = "\(range.filename):\(range.start.line),\(range.start.column)\(end)"
        let text = ([location + ": " + first.message] + first.notes).joined(separator: "; ")
        return diagnostics.count > 1 ? text + ", and \(diagnostics.count - 1) other diagnostic(s)" : text
    }

    private static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }
}
