import ArgumentParser
import Foundation
import DriftCore
import Terraform

@main
struct Drift: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Find configuration drift between Terraform files and live AWS.",
        version: DriftVersion.current,
        subcommands: [
            ScanCommand.self, CheckCommand.self, SnapshotCommand.self, BaselineCommand.self, IgnoreCommand.self,
            HistoryCommand.self, DiffCommand.self, ReportCommand.self,
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
            // One error prefix in every command: `drift: error: …`, not ArgumentParser's `Error: …`;
            // and exit 1 for a usage error as for every other "could not run".
            let message = fullMessage(for: error)
            if exitCode(for: error) == .validationFailure || message.hasPrefix("Error: ") {
                let text = message.hasPrefix("Error: ") ? "drift: error: " + message.dropFirst("Error: ".count) : message
                FileHandle.standardError.write(Data((text + "\n").utf8))
                Foundation.exit(1)
            }
            exit(withError: error)
        }
    }
}
