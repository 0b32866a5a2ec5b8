import ArgumentParser

/// `drift snapshot`: owned by the issue that builds it; arguments only, logic lives in the library targets.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "snapshot", abstract: "(in progress)")

    func run() async throws {
        throw ValidationError("drift snapshot is not built yet")
    }
}
