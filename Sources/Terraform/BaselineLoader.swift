import DriftModel
import Foundation
import HCL

/// Turns a Terraform root module into the `Baseline` that `terraform plan` would use, offline:
/// no provider, no `terraform init`, no network. Problems never throw; they are diagnostics in the
/// result (`file:line:col: error: message` with the source line and a caret).
public struct BaselineLoader: Sendable {
    public var directory: String
    /// `--var-file` and `--var` in command-line order.
    public var arguments: [VariableArgument]
    public var environment: [String: String]
    public var workspace: String

    /// `vars` are `NAME=VALUE`; the var files are applied before the vars. Use
    /// `init(directory:arguments:environment:workspace:)` to keep an interleaved command-line order.
    public init(
        directory: String, varFiles: [String] = [], vars: [String] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment, workspace: String? = nil
    ) {
        self.init(
            directory: directory, arguments: varFiles.map(VariableArgument.file) + vars.map(VariableArgument.assignment),
            environment: environment, workspace: workspace)
    }

    /// `workspace` defaults to `TF_WORKSPACE`, else `default`.
    public init(
        directory: String, arguments: [VariableArgument],
        environment: [String: String] = ProcessInfo.processInfo.environment, workspace: String? = nil
    ) {
        self.directory = directory
        self.arguments = arguments
        self.environment = environment
        self.workspace = workspace ?? environment["TF_WORKSPACE"] ?? "default"
    }

    public func load() -> Baseline {
        LargeStackThread.run { self.evaluate() }
    }

    private func evaluate() -> Baseline {
        let log = DiagnosticLog()
        let root = Self.absolute(directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            log.error("Missing configuration directory: \"\(directory)\" is not a directory",
                      at: HCLBridge.emptyRange(directory))
            return Baseline(diagnostics: log.rendered())
        }
        let session = LoadSession(rootDirectory: root, workspace: workspace, log: log)
        guard let config = session.config(relativePath: ".", reference: nil) else {
            return Baseline(diagnostics: log.rendered())
        }
        let sources = VariableSources(rootDirectory: root, arguments: arguments, environment: environment, log: log)
        let inputs = sources.collect(declared: Set(config.variables.map(\.name)))
        let module = ModuleInstance(session: session, config: config, address: nil, inputs: .root(inputs), providerMap: [:])
        for decl in config.variables { _ = module.variableValue(decl.name) }
        let reader = ProviderReader(module: module)
        reader.readProviders()
        let backend = reader.readBackend()
        module.walk()
        var aliased = session.providers
        let provider = aliased.removeValue(forKey: "aws") ?? ProviderSettings()
        return Baseline(
            resources: session.resources.sorted { $0.address < $1.address }, diagnostics: log.rendered(),
            provider: provider,
            aliasedProviders: Dictionary(uniqueKeysWithValues: aliased.map { (Self.aliasKey($0.key), $0.value) }),
            backend: backend, warnings: session.warnings)
    }

    /// `aws.west` → `west`; a child module's own configuration keeps Terraform's provider config key
    /// (`module.legacy:aws`), which is also the resource's `providerAlias`.
    static func aliasKey(_ key: String) -> String {
        key.hasPrefix("aws.") ? String(key.dropFirst(4)) : key
    }

    static func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/")
            ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        var result = url.standardizedFileURL.path
        while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
        return result
    }
}
