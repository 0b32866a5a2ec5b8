// Fuzz target: the Terraform loader and evaluator on a small module. The input is main.tf of a
// root module that also has a fixed variables.tf and a child module ./modules/child, so inputs
// can reach variables, locals, module calls, count/for_each and the functions.
// Built by scripts/fuzz with -sanitize=fuzzer; the corpus is Fuzz/Corpus/terraform-loader.
import Foundation
import Terraform

private let root: String = {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("drift-fuzz-loader-\(getpid())")
    let child = dir.appendingPathComponent("modules/child")
    try? FileManager.default.createDirectory(at: child, withIntermediateDirectories: true)
    try? """
        variable "names" {
          type    = list(string)
          default = ["a", "b"]
        }
        variable "secret" {
          type      = string
          default   = "s3cr3t"
          sensitive = true
        }
        """.write(to: dir.appendingPathComponent("variables.tf"), atomically: true, encoding: .utf8)
    try? """
        variable "bucket" { type = string }
        resource "aws_s3_bucket" "this" { bucket = var.bucket }
        output "arn" { value = aws_s3_bucket.this.arn }
        """.write(to: child.appendingPathComponent("main.tf"), atomically: true, encoding: .utf8)
    return dir.path
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTerraformLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let main = URL(fileURLWithPath: root).appendingPathComponent("main.tf")
    guard (try? bytes.write(to: main)) != nil else { return 0 }
    let baseline = BaselineLoader(directory: root, varFiles: [], vars: [], environment: [:], workspace: "default").load()
    for diagnostic in baseline.diagnostics { _ = diagnostic.rendered }
    _ = baseline.jsonValue.canonicalJSON(pretty: true)
    return 0
}
