// Fuzz target: the native HCL parser (file, expression and template entry points).
// Built by scripts/fuzz with -sanitize=fuzzer; the corpus is Fuzz/Corpus/hcl-native.
import HCL

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHCLNative(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let result = HCLParser.parse(text, filename: "fuzz.tf")
    _ = DiagnosticRenderer.render(result.diagnostics, source: text)
    _ = HCLParser.parseExpression(text, filename: "fuzz.hcl")
    _ = HCLParser.parseTemplate(text, filename: "fuzz.tftpl")
    return 0
}
