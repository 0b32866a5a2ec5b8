import HCL

/// Terraform's built-in function library for the HCL evaluator. `try` and `can` are not here:
/// the evaluator builds them in because they need their arguments unevaluated.
///
/// Every function checks its arity and argument types and reports problems as `FunctionError`s
/// with Terraform's wording; none traps on any input. A call with an argument that is itself
/// unknown returns unknown; unknowns nested in collections are handled per function, as cty does
/// (so the functions set `propagatesUnknown` to false and apply the rule themselves).
public enum TerraformFunctions {
    /// Every built-in, keyed by name. `baseDirectory` is where relative paths in `file`,
    /// `fileexists`, `templatefile`, … resolve: Terraform uses the directory it runs in (the root
    /// module), which is why configurations write `"${path.module}/name"`.
    public static func all(baseDirectory: String) -> [String: HCLFunction] {
        var table: [String: HCLFunction] = [:]
        let groups: [[HCLFunction]] = [
            CollectionFunctions.all, SetFunctions.all, NumericFunctions.all, StringFunctions.all,
            FormatFunctions.all, RegexFunctions.all, ConversionFunctions.all, EncodingFunctions.all,
            NetworkFunctions.all, DateFunctions.all, [CSVFunction.csvdecode], TextEncodingFunctions.all, FileFunctions(baseDirectory: baseDirectory).all, identities,
        ]
        for function in groups.joined() { table[function.name] = function }
        var inner = table
        inner["templatefile"] = TemplateFunction.recursion
        let template = TemplateFunction(files: FileFunctions(baseDirectory: baseDirectory), functions: inner)
        table["templatefile"] = template.function
        table["templatestring"] = template.stringFunction
        return table
    }

    /// Functions that always return unknown: the impure ones (known only at apply time) and
    /// `base64gzip`, whose exact bytes come from Go's compressor.
    public static let impureNames: Set<String> = ["uuid", "timestamp", "plantimestamp", "bcrypt", "base64gzip"]

    /// Functions that only mark values in Terraform (sensitivity, ephemerality): identities here.
    private static var identities: [HCLFunction] {
        ["sensitive", "nonsensitive", "ephemeralasnull"].map { name in
            Builtin.function(name, ["value"], allowsUnknown: true) { args throws(FunctionError) in args[0] }
        } + [
            Builtin.function("issensitive", ["value"]) { _ throws(FunctionError) in .bool(false) },
        ]
    }
}
