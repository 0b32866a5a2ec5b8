/// A problem inside the Terraform evaluator that becomes a diagnostic at the caller's location
/// (a type constraint that does not parse, a value that does not convert). Loading never throws
/// to its callers: `BaselineLoader.load()` turns these into diagnostics.
public struct TerraformError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
