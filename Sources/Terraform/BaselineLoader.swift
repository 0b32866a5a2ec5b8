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
        loadMeasuringPhases().baseline
    }

    /// How long reading the root module and evaluating it took, for `drift baseline --timings`
    /// and the benchmark: "parse+evaluate" is the figure the speed target is about.
    public struct Phases: Sendable {
        /// Reading and parsing the root module's files (child modules parse during evaluation).
        public var parse: Duration = .zero
        /// Everything after: variables, providers, locals, resources, modules, outputs, sorting.
        public var evaluate: Duration = .zero
        /// CPU time of the evaluating thread in `evaluate`: steadier than wall time on a busy machine.
        public var evaluateCPU: Duration = .zero
    }

    static func threadCPUTime() -> Duration {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
    }

    /// Threads that evaluate a large module's resources at once (the machine's cores, at most 8);
    /// 1 keeps everything on one thread.
    public var workers = min(8, ProcessInfo.processInfo.activeProcessorCount)

    /// Whether the load's syntax trees and caches are freed once the baseline is built (off the
    /// calling thread). A command that exits right after using the baseline turns this off:
    /// freeing a 10 MB configuration's trees takes as long as rendering its baseline and would
    /// compete with it for the cores, for memory the process is about to give back anyway.
    public var freesLoadMemory = true

    /// Reads data sources live while the baseline is evaluated, as `terraform plan` does; `nil`
    /// (the default) keeps the load offline and every data source but `aws_iam_policy_document`
    /// unknown.
    public var dataSourceReader: (any DataSourceReader)?
    /// Resources as they are live, by address, `id` included: `terraform plan` reads another
    /// resource's computed attributes (`aws_eip.web.id`) from its refreshed state, so a
    /// reference to one found live (through the state's id, or by name and tags without state)
    /// reads the live value where the configuration leaves the attribute to apply. Only the
    /// object other expressions see takes them: a resource's own arguments stay as declared.
    public var knownResources: [String: [String: Value]] = [:]

    /// What the load stands for. `drift baseline` is `terraform validate`: a directory without any
    /// `.tf`/`.tf.json` file is an empty baseline with a warning, and a root module's own
    /// `configuration_aliases` count as configured. `drift scan` and `drift check` are `terraform
    /// plan`: both are errors there (comparing nothing would call the whole account unmanaged; an
    /// alias no block configures has no region or credentials to read with).
    public enum Purpose: Sendable { case plan, validate }
    public var purpose = Purpose.plan

    public func loadMeasuringPhases() -> (baseline: Baseline, phases: Phases) {
        LargeStackThread.run {
            let (baseline, phases, foundCycle) = self.evaluate(workers: self.workers)
            // A cycle reads differently depending on where its evaluation started: with workers
            // that varies, so the load is redone on one thread for a stable message.
            guard foundCycle, self.workers > 1 else { return (baseline, phases) }
            let again = self.evaluate(workers: 1)
            return (again.baseline, again.phases)
        }
    }

    private func evaluate(workers: Int) -> (baseline: Baseline, phases: Phases, foundCycle: Bool) {
        var phases = Phases()
        let clock = ContinuousClock()
        let start = clock.now
        var parsed = start
        let log = DiagnosticLog()
        let root = Self.absolute(directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            log.error("Missing configuration directory: \"\(directory)\" is not a directory",
                      at: HCLBridge.emptyRange(directory))
            return (Baseline(diagnostics: log.rendered()), phases, false)
        }
        // A typo'd path to some other directory: comparing nothing would call every live resource
        // unmanaged (and, with state, orphaned). Terraform refuses to plan without configuration.
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        guard entries.contains(where: { $0.hasSuffix(".tf") || $0.hasSuffix(".tf.json") }) else {
            if purpose == .validate {
                log.warning("No configuration files: \"\(directory)\" contains no .tf or .tf.json file; the baseline declares nothing",
                            at: HCLBridge.emptyRange(directory))
                return (Baseline(diagnostics: log.rendered()), phases, false)
            }
            log.error("No configuration files: \"\(directory)\" contains no .tf or .tf.json file; is the path right?",
                      at: HCLBridge.emptyRange(directory))
            return (Baseline(diagnostics: log.rendered()), phases, false)
        }
        let session = LoadSession(rootDirectory: root, workspace: workspace, log: log, workers: workers)
        session.dataSourceReader = dataSourceReader
        session.knownResources = knownResources
        session.rootAliasesArePassedIn = purpose == .validate
        guard let config = session.config(relativePath: ".", reference: nil) else {
            return (Baseline(diagnostics: log.rendered()), phases, false)
        }
        parsed = clock.now
        phases.parse = parsed - start
        // The root module's configuration errors are reported first (as Terraform does, which stops
        // there): whatever evaluating the rest finds comes after them, and a required variable
        // without a value is not asked for at all.
        TestFileChecks(rootDirectory: root, log: log).check()
        log.endLoading()
        let cpuStart = Self.threadCPUTime()
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
        var baseline = Baseline(
            resources: session.takeSortedResources(), diagnostics: log.rendered(),
            provider: provider,
            aliasedProviders: Dictionary(uniqueKeysWithValues: aliased.map { (Self.aliasKey($0.key), $0.value) }),
            backend: backend, warnings: session.warnings, readErrors: session.readErrors)
        baseline.moves = session.moves
        baseline.forgotten = session.forgotten
        phases.evaluate = clock.now - parsed
        phases.evaluateCPU = Self.threadCPUTime() - cpuStart
        // The syntax trees and caches are freed off this thread: nothing waits for that.
        let foundCycle = session.foundCycle
        if freesLoadMemory {
            LargeStackThread.release((session, module, config))
        } else {
            LargeStackThread.keepForever((session, module, config))
        }
        return (baseline, phases, foundCycle)
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
