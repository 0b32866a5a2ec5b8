import DriftModel
import Foundation
import HCL

/// State shared by every module instance of one `BaselineLoader.load()`: the diagnostics, the
/// function table, parsed module directories, the root's provider settings, and the evaluation
/// stack that detects cycles across modules. Lives only for one load; never shared across threads.
final class LoadSession {
    let rootDirectory: String
    let workspace: String
    let functions: [String: HCLFunction]
    let log: DiagnosticLog
    private let loader: ConfigLoader
    private var configs: [String: ModuleConfig?] = [:]

    /// Root provider configurations by key (`aws`, `aws.west`).
    var providers: [String: ProviderSettings] = [:]
    /// Provider keys whose `default_tags` could not be known offline.
    var providersWithUnknownDefaultTags: Set<String> = []
    var warnings: [BaselineWarning] = []
    var resources: [DeclaredResource] = []

    /// The collected resources, leaving none behind (so that they are not copied).
    func takeResources() -> [DeclaredResource] {
        defer { resources = [] }
        return resources
    }
    private var fills: [String: [String: HCLValue]] = [:]
    private var defaults: [String: [(String, Value, HCLValue)]] = [:]

    /// The provider's default for each optional, non-computed argument of `type` that has one.
    func providerDefaults(for type: String) -> [(String, Value, HCLValue)] {
        if let cached = defaults[type] { return cached }
        var list: [(String, Value, HCLValue)] = []
        for (name, entry) in ProviderSchema.schema(for: type)?.attributes ?? [:] where entry.optional && !entry.computed {
            if let value = entry.defaultValue { list.append((name, value, ValueConverter.hclValue(value))) }
        }
        defaults[type] = list
        return list
    }

    /// For references to a resource type: every schema attribute the configuration may leave
    /// unset, as plan sees it (computed: unknown; provider default; else null).
    func referenceFill(for type: String) -> [String: HCLValue] {
        if let cached = fills[type] { return cached }
        var fill: [String: HCLValue] = ["id": .unknown]
        for (name, entry) in ProviderSchema.schema(for: type)?.attributes ?? [:] {
            if entry.computed {
                fill[name] = .unknown
            } else if let value = entry.defaultValue {
                fill[name] = ValueConverter.hclValue(value)
            } else {
                fill[name] = .null
            }
        }
        fills[type] = fill
        return fill
    }

    /// Keys of what is being evaluated right now (`local.a`, `module.m.aws_s3_bucket.b`), innermost last.
    var stack: [String] = []
    /// Deeper chains of references than any real configuration has; beyond it the recursion would
    /// run out of stack on a worker thread.
    static let maximumDepth = 1000
    /// Cycles already reported, so each is reported once.
    var reportedCycles: Set<String> = []

    init(rootDirectory: String, workspace: String, log: DiagnosticLog) {
        self.rootDirectory = rootDirectory
        self.workspace = workspace
        self.log = log
        self.functions = HCLBridge.functions(baseDirectory: rootDirectory)
        self.loader = ConfigLoader(rootDirectory: rootDirectory, log: log)
    }

    /// A module directory's configuration, read once per load.
    func config(relativePath: String, reference: SourceRange?) -> ModuleConfig? {
        if let cached = configs[relativePath] { return cached }
        let loaded = loader.load(relativePath: relativePath, reference: reference)
        configs[relativePath] = loaded
        return loaded
    }

    func warn(code: String, _ message: String, source: String?) {
        let warning = BaselineWarning(code: code, message: message, source: source)
        if !warnings.contains(warning) { warnings.append(warning) }
    }

    /// Runs `body` with `key` on the evaluation stack; when `key` is already on it, reports the
    /// cycle (once) and returns `nil`.
    func guarded<T>(_ key: String, at range: SourceRange, describe: (String) -> String, _ body: () -> T) -> T? {
        if let start = stack.firstIndex(of: key) {
            let chain = Array(stack[start...]) + [key]
            let id = Set(chain).sorted().joined(separator: ",")
            if reportedCycles.insert(id).inserted {
                log.error(describe(chain.joined(separator: " → ")), at: range)
            }
            return nil
        }
        guard stack.count < Self.maximumDepth else {
            if reportedCycles.insert("depth").inserted {
                log.error(
                    "References nested too deeply: evaluating \(key) needs more than \(Self.maximumDepth) nested "
                        + "references (locals, resources, outputs); drift stops there rather than exhaust its stack",
                    at: range)
            }
            return nil
        }
        stack.append(key)
        defer { stack.removeLast() }
        return body()
    }
}

extension LoadSession {
    /// `modules/svc` joined with `../shared` → `modules/shared`; `.` for the root.
    static func join(_ base: String, _ relative: String) -> String {
        var parts = base == "." ? [] : base.split(separator: "/").map(String.init)
        for piece in relative.split(separator: "/").map(String.init) {
            switch piece {
            case ".", "": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else { parts.append("..") }
            default: parts.append(piece)
            }
        }
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
