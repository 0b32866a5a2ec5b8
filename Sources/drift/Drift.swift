import ArgumentParser
import Foundation
import Terraform

@main
struct Drift: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Find configuration drift between Terraform files and live AWS.",
        version: "0.1.0",
        subcommands: [
            ScanCommand.self, CheckCommand.self, SnapshotCommand.self, BaselineCommand.self, HistoryCommand.self, DiffCommand.self, ReportCommand.self,
        ])

    /// Exit codes are a contract (0 clean, 2 findings, 1 could not run), so a usage error exits 1
    /// like every other "could not run", not ArgumentParser's 64.
    static func main() async {
        AllocatorTuning.forLargeLoads()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(1)
            }
            exit(withError: error)
        }
    }
}
