import ArgumentParser

/// `drift scan`: owned by the issue that builds it; arguments only, logic lives in the library targets.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scan", abstract: "(in progress)")

    func run() async throws {
        throw ValidationError("drift scan is not built yet")
    }
}
