import ArgumentParser

@main
struct Drift: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Find configuration drift between Terraform files and live AWS.",
        version: "0.1.0",
        subcommands: [ScanCommand.self, CheckCommand.self, SnapshotCommand.self, BaselineCommand.self])
}
