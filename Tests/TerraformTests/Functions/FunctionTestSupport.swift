import Foundation
import HCL
import Terraform

/// Short spellings for test values (no literal conformances: another module may add its own).
func str(_ text: String) -> HCLValue { .string(text) }
func num(_ number: HCLNumber) -> HCLValue { .number(number) }
func list(_ items: HCLValue...) -> HCLValue { .tuple(items) }
func obj(_ members: KeyValuePairs<String, HCLValue>) -> HCLValue {
    .object(Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
}

/// Calls built-ins the way the evaluator does, for tests.
enum Library {
    static let fixtures: String = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.path ?? "."
    static let functions = TerraformFunctions.all(baseDirectory: fixtures + "/functions")

    static func call(_ name: String, _ arguments: HCLValue...) throws -> HCLValue {
        guard let function = functions[name] else { throw FunctionError("no function \(name)") }
        return try function.implementation(arguments)
    }

    /// The error message a call fails with, or nil when it succeeds.
    static func failure(_ name: String, _ arguments: HCLValue...) -> String? {
        guard let function = functions[name] else { return "no function \(name)" }
        do {
            _ = try function.implementation(arguments)
            return nil
        } catch {
            return error.message
        }
    }
}
