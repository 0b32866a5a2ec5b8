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

    func run() throws {
        let loader = BaselineLoader(
            directory: baseline,
            arguments: VariableArgument.commandLineOrder(
                CommandLine.arguments, varFiles: varFiles, vars: vars))
        let result = loader.load()
        switch format {
        case .json: print(BaselineJSON.render(result))
        case .text: print(BaselineTextRenderer.render(result), terminator: "")
        }
        for diagnostic in result.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.rendered + "\n").utf8))
        }
        if result.hasErrors { throw ExitCode(1) }
    }
}
