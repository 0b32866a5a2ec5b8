import ArgumentParser
import DriftModel
import Foundation
import Terraform

/// `drift baseline`: what a Terraform root module declares, evaluated offline the way
/// `terraform plan` would (`../shared/contracts/BASELINE.md`).
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Print what a Terraform root module declares, evaluated offline as terraform plan would.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: .long, help: "The Terraform root module directory.")
    var baseline: String

    @Option(name: .customLong("var-file"), help: "A .tfvars or .tfvars.json file (repeatable, applied in order).")
    var varFiles: [String] = []

    @Option(name: .customLong("var"), help: "NAME=VALUE (repeatable, applied in order).")
    var vars: [String] = []

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Threads that evaluate a large module's resources at once.", visibility: .hidden))
    var workers: Int?

    @Flag(name: .long, help: "Print how long parsing, evaluating and rendering took, on stderr.")
    var timings = false

    func run() throws {
        var loader = BaselineLoader(
            directory: baseline,
            arguments: VariableArgument.commandLineOrder(
                CommandLine.arguments, varFiles: varFiles, vars: vars))
        if let workers { loader.workers = max(1, workers) }
        loader.purpose = .validate
        // The process ends after printing: the load's trees need not be freed.
        loader.freesLoadMemory = false
        let clock = ContinuousClock()
        let (result, phases) = loader.loadMeasuringPhases()
        let rendering = clock.now
        switch format {
        case .json:
            for piece in BaselineJSON.renderPieces(result, threads: loader.workers) {
                try FileHandle.standardOutput.write(contentsOf: piece)
            }
            try FileHandle.standardOutput.write(contentsOf: [UInt8(ascii: "\n")])
        case .text: try FileHandle.standardOutput.write(contentsOf: Array(BaselineTextRenderer.render(result).utf8))
        }
        let rendered = clock.now - rendering
        for diagnostic in result.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.rendered + "\n").utf8))
        }
        if timings {
            FileHandle.standardError.write(
                Data(phases.summary(render: rendered, resources: result.resources.count).utf8))
        }
        // The process ends here: exiting now skips freeing 100k resources one at a time.
        Foundation.exit(result.hasErrors ? 1 : 0)
    }
}
