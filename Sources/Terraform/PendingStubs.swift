// TEMPORARY: stand-ins for the HCL parser/evaluator and the function library until they land on main.
import HCL

struct StubTypeConstraint {
    static func parse(_ e: Expression) -> Result<StubTypeConstraint, FunctionError> { .success(StubTypeConstraint()) }
    func convert(_ v: HCLValue) -> Result<HCLValue, FunctionError> { .success(v) }
    var isPrimitive: Bool { true }
}
enum StubFunctions { static func all(baseDirectory: String) -> [String: HCLFunction] { [:] } }
