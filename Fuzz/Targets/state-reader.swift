// Fuzz target: the Terraform state reader (terraform.tfstate, versions 3 and 4).
// Built by scripts/fuzz with -sanitize=fuzzer; the corpus is Fuzz/Corpus/state-reader.
import DriftCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStateReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? TerraformState.parse(bytes, source: "fuzz.tfstate")
    return 0
}
