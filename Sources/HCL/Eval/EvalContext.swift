/// Why a function call failed; the evaluator turns it into a diagnostic at the call (or at the
/// argument `argumentIndex` when set).
public struct FunctionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var argumentIndex: Int?

    public init(_ message: String, argumentIndex: Int? = nil) {
        self.message = message
        self.argumentIndex = argumentIndex
    }

    public var description: String { message }
}

/// A function callable from HCL expressions. Functions are supplied by the host language
/// (Terraform's library lives in the Terraform target), not by the HCL target.
public struct HCLFunction: Sendable {
    public var name: String
    /// When true (the usual case) a call with any unknown argument yields `unknown` without calling
    /// `implementation`, as Terraform's functions do.
    public var propagatesUnknown: Bool
    public var implementation: @Sendable ([HCLValue]) throws(FunctionError) -> HCLValue

    public init(
        name: String, propagatesUnknown: Bool = true,
        implementation: @escaping @Sendable ([HCLValue]) throws(FunctionError) -> HCLValue
    ) {
        self.name = name
        self.propagatesUnknown = propagatesUnknown
        self.implementation = implementation
    }
}

/// The scope an expression is evaluated in: root names (`var`, `local`, `each`, `count`,
/// `aws_s3_bucket`, ...) and functions. `try` and `can` are built into the evaluator because they
/// need their arguments unevaluated.
public struct EvalContext: Sendable {
    public var variables: [String: HCLValue]
    public var functions: [String: HCLFunction]
    /// Names that shadow `variables` (`count`, `each`, a `dynamic` iterator): kept apart so that a
    /// host can reuse one `variables` table for every instance of a repeated block, unchanged.
    public var scope: [String: HCLValue]

    public init(
        variables: [String: HCLValue] = [:], functions: [String: HCLFunction] = [:],
        scope: [String: HCLValue] = [:]
    ) {
        self.variables = variables
        self.functions = functions
        self.scope = scope
    }
}
