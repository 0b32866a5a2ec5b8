import DriftModel
import Foundation
import Terraform

/// Loads the fixture modules under `Fixtures/loader/` with a clean environment.
enum LoaderFixtures {
    static var root: String {
        (Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.path ?? "Fixtures") + "/loader"
    }

    static func load(
        _ name: String, arguments: [VariableArgument] = [], environment: [String: String] = [:],
        workspace: String? = nil
    ) -> Baseline {
        BaselineLoader(directory: root + "/" + name, arguments: arguments, environment: environment,
                       workspace: workspace).load()
    }
}

extension Baseline {
    func resource(_ address: String) -> DeclaredResource? { resources.first { $0.address == address } }
    var errorMessages: [String] { diagnostics.filter { $0.severity == .error }.map(\.message) }
}
