import Foundation
import HCL

/// The root module's test files (`*.tftest.hcl`, `*.tftest.json` beside it and in `tests/`):
/// `terraform init` and `validate` load them with the configuration, so a broken one stops
/// Terraform before any plan. drift parses them and checks their `run` blocks' names as Terraform
/// does; it runs nothing of them.
struct TestFileChecks {
    var rootDirectory: String
    var log: DiagnosticLog

    func check() {
        for directory in [".", "tests"] {
            let path = directory == "." ? rootDirectory : rootDirectory + "/" + directory
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for name in names.sorted() where name.hasSuffix(".tftest.hcl") || name.hasSuffix(".tftest.json") {
                let display = directory == "." ? name : directory + "/" + name
                guard let data = FileManager.default.contents(atPath: path + "/" + name) else { continue }
                guard let text = String(data: data, encoding: .utf8) else {
                    InvalidEncoding.report(data, display: display, log: log)
                    continue
                }
                log.addSource(text, filename: display)
                // JSON test files are read for their syntax only.
                guard name.hasSuffix(".hcl") else {
                    log.add(contentsOf: HCLBridge.parseJSON(text, filename: display).diagnostics)
                    continue
                }
                let parsed = HCLBridge.parse(text, filename: display)
                log.add(contentsOf: parsed.diagnostics)
                checkRuns(parsed.body.blocks)
            }
        }
    }

    private func checkRuns(_ blocks: [Block]) {
        var seen: [String: Block] = [:]
        for run in blocks where run.type == "run" && run.labels.count == 1 {
            let name = run.labels[0]
            if let first = seen[name] {
                log.error(
                    "Duplicate \"run\" block names: this test file already has a run named \(name) block defined at "
                        + "\(first.declRange.hclDescription)", at: run.declRange)
                continue
            }
            seen[name] = run
            if !ConfigChecks.isIdentifier(name), let range = run.labelRanges.first {
                log.error("Invalid run block name: \(ConfigChecks.badIdentifierDetail)", at: range)
            }
        }
    }
}
