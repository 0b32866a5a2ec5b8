// Fuzz target: the HCL JSON syntax (.tf.json) with Terraform's file schema.
// Built by scripts/fuzz with -sanitize=fuzzer; the corpus is Fuzz/Corpus/hcl-json.
import HCL
@testable import Terraform

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHCLJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let result = HCLJSON.parse(text, filename: "fuzz.tf.json", schema: TerraformJSONSchema.file)
    _ = DiagnosticRenderer.render(result.diagnostics, source: text)
    _ = HCLJSON.parse(text, filename: "fuzz.tf.json", schema: .attributesOnly)
    return 0
}
