import ArgumentParser

/// `drift check`: owned by the issue that builds it; arguments only, logic lives in the library targets.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "(in progress)")

    func run() async throws {
        throw ValidationError("drift check is not built yet")
    }
}
