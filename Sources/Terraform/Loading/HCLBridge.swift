import HCL

/// The one place the Terraform target calls the HCL parser/evaluator and the function library, so
/// that the rest of the evaluator speaks only AST types and `HCLValue`.
enum HCLBridge {
    struct Parsed {
        var body: Body
        var diagnostics: [Diagnostic]
    }

    static func parse(_ source: String, filename: String) -> Parsed {
        let result = HCLParser.parse(source, filename: filename)
        return Parsed(body: result.body, diagnostics: result.diagnostics)
    }

    /// A `.tf.json` file: labels as nested objects; block names from `TerraformJSONSchema`.
    static func parseJSON(_ source: String, filename: String) -> Parsed {
        let result = HCLJSON.parse(source, filename: filename, schema: TerraformJSONSchema.file)
        return Parsed(body: result.body, diagnostics: result.diagnostics)
    }

    /// A `--var`/`TF_VAR_*` value of a complex type; a parse failure yields a `null` literal
    /// beside its diagnostics.
    static func parseExpression(_ source: String, filename: String) -> (Expression, [Diagnostic]) {
        let (expression, diagnostics) = HCLParser.parseExpression(source, filename: filename)
        return (expression ?? Expression(.literal(.null), range: emptyRange(filename)), diagnostics)
    }

    static func evaluate(_ expression: Expression, in context: EvalContext) -> (HCLValue, [Diagnostic]) {
        Evaluator.evaluate(expression, in: context)
    }

    static func traversals(_ expression: Expression) -> [Traversal] { expression.traversals() }

    static func render(_ diagnostic: Diagnostic, source: String) -> String {
        DiagnosticRenderer.render(diagnostic, source: source)
    }

    static func functions(baseDirectory: String) -> [String: HCLFunction] {
        TerraformFunctions.all(baseDirectory: baseDirectory)
    }

    static func emptyRange(_ filename: String) -> SourceRange {
        let start = SourcePosition(line: 1, column: 1, offset: 0)
        return SourceRange(filename: filename, start: start, end: start)
    }
}

/// A variable's `type` constraint, wrapping the function library's `TypeConstraint` so that its
/// errors arrive as diagnostics.
struct VariableType {
    var constraint: TypeConstraint

    /// At the top of a variable's type, the bare keywords `list` and `map` are `list(any)` and
    /// `map(any)`, as Terraform still accepts them (in `.tf.json` too: `"type": "list"`).
    static func parse(_ expression: Expression) -> Result<VariableType, TypeConstraintError> {
        switch expression.kind {
        case .variable("list"): return .success(VariableType(constraint: .list(.any)))
        case .variable("map"): return .success(VariableType(constraint: .map(.any)))
        default: return TypeConstraint.parse(expression).map { VariableType(constraint: $0) }
        }
    }

    func convert(_ value: HCLValue) -> Result<HCLValue, TerraformError> {
        switch constraint.convert(value) {
        case .success(let v): return .success(v)
        case .failure(let e): return .failure(TerraformError("\(e)"))
        }
    }

    /// string/number/bool: values from `TF_VAR_*` and `--var` are taken literally (`any` and
    /// complex types are parsed as HCL).
    var isPrimitive: Bool { constraint.isPrimitive }
}
