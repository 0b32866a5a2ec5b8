// TEMPORARY: stand-ins for the HCL parser/evaluator and the function library until they land on main.
import HCL

enum StubHCLParser {
    struct ParseResult { var body: Body; var diagnostics: [Diagnostic] }
    static func parse(_ source: String, filename: String) -> ParseResult {
        let p = SourcePosition(line: 1, column: 1, offset: 0)
        return ParseResult(body: Body(attributes: [], blocks: [], range: SourceRange(filename: filename, start: p, end: p)), diagnostics: [])
    }
    static func parseExpression(_ source: String, filename: String) -> (Expression, [Diagnostic]) {
        let p = SourcePosition(line: 1, column: 1, offset: 0)
        return (Expression(.literal(.string(source)), range: SourceRange(filename: filename, start: p, end: p)), [])
    }
}
enum StubEvaluator {
    static func evaluate(_ e: Expression, in c: EvalContext) -> (HCLValue, [Diagnostic]) { (.unknown, []) }
}
extension Expression { func stubTraversals() -> [Traversal] { [] } }
enum StubRenderer { static func render(_ d: Diagnostic, source: String) -> String { "\(d.range): \(d.severity.rawValue): \(d.message)" } }
struct StubTypeConstraint {
    static func parse(_ e: Expression) -> Result<StubTypeConstraint, FunctionError> { .success(StubTypeConstraint()) }
    func convert(_ v: HCLValue) -> Result<HCLValue, FunctionError> { .success(v) }
    var isPrimitive: Bool { true }
}
enum StubFunctions { static func all(baseDirectory: String) -> [String: HCLFunction] { [:] } }
