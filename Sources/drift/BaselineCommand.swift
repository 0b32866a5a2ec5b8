import ArgumentParser

/// `drift baseline`: owned by the issue that builds it; arguments only, logic lives in the library targets.
struct BaselineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "baseline", abstract: "(in progress)")

    func run() async throws {
        throw ValidationError("drift baseline is not built yet")
    }
}
