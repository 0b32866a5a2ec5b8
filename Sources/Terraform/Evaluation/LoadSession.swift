import DriftModel
import Foundation
import HCL

/// State shared by every module instance of one `BaselineLoader.load()`: the diagnostics, the
/// function table, parsed module directories, the root's provider settings, and the evaluation
/// stack that detects cycles across modules. Lives only for one load; worker threads share it
/// while they evaluate a large module's resources, through `lock`.
final class LoadSession {
    let rootDirectory: String
    let workspace: String
    let functions: [String: HCLFunction]
    let log: DiagnosticLog
    private let loader: ConfigLoader
    private var configs: [String: ModuleConfig?] = [:]

    /// Provider configurations by key (`aws`, `aws.west`, `module.legacy:aws`). A child module's
    /// own configuration is read when a worker first evaluates the call, hence the lock.
    private var providerTable: [String: ProviderSettings] = [:]
    /// Provider keys whose `default_tags` could not be known offline.
    private var unknownDefaultTags: Set<String> = []

    var providers: [String: ProviderSettings] { lock.sync { providerTable } }
    func provider(_ key: String) -> ProviderSettings? { lock.sync { providerTable[key] } }
    func hasUnknownDefaultTags(_ key: String) -> Bool { lock.sync { unknownDefaultTags.contains(key) } }

    func setProvider(_ settings: ProviderSettings, for key: String, defaultTagsKnown: Bool) {
        lock.sync {
            providerTable[key] = settings
            if !defaultTagsKnown { unknownDefaultTags.insert(key) }
        }
    }
    /// `terraform validate` takes a root module's `configuration_aliases` as configurations its
    /// caller passes; `terraform plan` has no caller and reports them missing.
    var rootAliasesArePassedIn = false
    /// Reads data sources live (`drift scan`, `drift check`); `nil` keeps the load offline.
    var dataSourceReader: (any DataSourceReader)?
    /// What resources already are, live (address → attributes in the provider's shapes, `id`
    /// included): what another resource's reference to them reads where its own configuration
    /// leaves an attribute to apply (`BaselineLoader.knownResources`). Set before the walk.
    var knownResources: [String: [String: Value]] = [:]
    private var readErrorList: [ReadError] = []
    /// Data sources that could not be read, in a fixed order.
    var readErrors: [ReadError] { lock.sync { readErrorList }.sorted() }
    func addReadError(_ error: ReadError) { lock.sync { readErrorList.append(error) } }
    private var moveList: [MoveStatement] = []
    /// `moved` blocks of every module instance walked, in walk order.
    var moves: [MoveStatement] { lock.sync { moveList } }
    func addMoves(_ moves: [MoveStatement]) { lock.sync { moveList += moves } }
    private var forgottenList: [ResourceAddress] = []
    /// `removed` blocks that keep the object (`destroy = false`), as absolute addresses.
    var forgotten: [ResourceAddress] { lock.sync { forgottenList } }
    func addForgotten(_ addresses: [ResourceAddress]) { lock.sync { forgottenList += addresses } }
    private var warningList: [BaselineWarning] = []
    private var warningSet: Set<BaselineWarning> = []
    /// Every evaluated block's resources, one array per block, appended under `lock` as blocks are
    /// evaluated (by whichever thread), so that nothing copies them once their memory is cold.
    var resourceChunks: [[DeclaredResource]] = []
    /// The log's lock: one for every table of the load.
    var lock: EvaluationLock { log.lock }
    /// Threads that evaluate a large module's resources at once; 1 evaluates on the loading thread only.
    let workers: Int

    /// In a fixed order (code, source, message), whatever order workers found them in.
    var warnings: [BaselineWarning] {
        lock.sync { warningList }.sorted {
            ($0.code, $0.source ?? "", $0.message) < ($1.code, $1.source ?? "", $1.message)
        }
    }

    /// The collected resources sorted by address, leaving none behind. Each block's chunk is
    /// already sorted, and the chunks do not interleave: a chunk's addresses share everything up
    /// to the instance key, and no other block's prefix continues with `[` (names cannot hold
    /// one). So ordering the chunks by their first address orders everything, and the result is
    /// filled by moving each resource once (`popLast`), where copying would retain every member
    /// of 100k structs whose memory is cold by now.
    func takeSortedResources() -> [DeclaredResource] {
        var chunks = lock.sync {
            defer { resourceChunks = [] }
            return resourceChunks
        }
        let order = AddressOrder.permutation(chunks.map { $0.first?.address ?? "" })
        // Where each chunk's resources end in the result, in sorted order.
        var ends: [Int] = []
        ends.reserveCapacity(order.count)
        var total = 0
        for index in order {
            total += chunks[index].count
            ends.append(total)
        }
        // The moves read 100k cold structs: large loads split them between two threads, each
        // filling its own range of the result from its own chunks.
        let parts = workers > 1 && order.count >= 1024 ? 2 : 1
        let sorted = chunks.withUnsafeMutableBufferPointer { chunkBuffer in
            [DeclaredResource](unsafeUninitializedCapacity: total) { buffer, count in
                guard let base = buffer.baseAddress, let chunkBase = chunkBuffer.baseAddress else { return }
                let move = UnsafeChunkMove(chunks: chunkBase, result: base)
                let bounds = (0...parts).map { $0 * order.count / parts }
                _ = LargeStackThread.runAll((0..<parts).map { part in
                    { move.run(order: order[bounds[part]..<bounds[part + 1]], ends: ends) }
                })
                count = total
            }
        }
        // 43k emptied arrays are freed off this thread too.
        LargeStackThread.release(chunks)
        return sorted
    }
    private var fills: [String: [String: HCLValue]] = [:]
    private var defaults: [String: [(String, Value, HCLValue)]] = [:]

    /// The provider's unconditional default for each optional argument of `type` that has one
    /// (a computed one only where plan shows it known).
    func providerDefaults(for type: String) -> [(String, Value, HCLValue)] {
        if let cached = lock.sync({ defaults[type] }) { return cached }
        var list: [(String, Value, HCLValue)] = []
        for (name, entry) in ProviderSchema.schema(for: type)?.attributes ?? [:]
        where entry.optional && entry.defaultWhen == nil {
            if let value = entry.defaultValue { list.append((name, value, ValueConverter.hclValue(value))) }
        }
        lock.sync { defaults[type] = list }
        return list
    }

    /// For references to a resource type: every schema attribute the configuration may leave
    /// unset, as plan sees it (computed: unknown; provider default; else null).
    func referenceFill(for type: String) -> [String: HCLValue] {
        if let cached = lock.sync({ fills[type] }) { return cached }
        var fill: [String: HCLValue] = ["id": .unknown]
        for (name, entry) in ProviderSchema.schema(for: type)?.attributes ?? [:] {
            if entry.computed && (entry.defaultValue == nil || entry.defaultWhen != nil) {
                fill[name] = .unknown
            } else if let value = entry.defaultValue {
                fill[name] = ValueConverter.hclValue(value)
            } else {
                fill[name] = .null
            }
        }
        lock.sync { fills[type] = fill }
        return fill
    }

    /// Deeper chains of references than any real configuration has; beyond it the recursion would
    /// run out of stack on a worker thread.
    static let maximumDepth = 1000
    /// Cycles already reported, so each is reported once. How a cycle is worded depends on where
    /// its evaluation started, so a load that found one while workers ran is redone on one thread.
    private var reportedCycles: Set<String> = []
    var foundCycle: Bool { lock.sync { !reportedCycles.isEmpty } }

    init(rootDirectory: String, workspace: String, log: DiagnosticLog, workers: Int = 1) {
        self.workers = workers
        self.rootDirectory = rootDirectory
        self.workspace = workspace
        self.log = log
        self.functions = HCLBridge.functions(baseDirectory: rootDirectory)
        self.loader = ConfigLoader(rootDirectory: rootDirectory, log: log)
    }

    /// A module directory's configuration, read once per load.
    func config(relativePath: String, reference: SourceRange?) -> ModuleConfig? {
        if let cached = lock.sync({ configs[relativePath] }) { return cached }
        let loaded = loader.load(relativePath: relativePath, reference: reference)
        return lock.sync {
            if let first = configs[relativePath] { return first }
            configs[relativePath] = loaded
            return loaded
        }
    }

    func warn(code: String, _ message: String, source: String?, address: String? = nil) {
        let warning = BaselineWarning(code: code, message: message, source: source, address: address)
        lock.sync {
            if warningSet.insert(warning).inserted { warningList.append(warning) }
        }
    }

    /// Runs `body` with `key` on the evaluation stack; when `key` is already on it, reports the
    /// cycle (once) and returns `nil`.
    func guarded<T>(_ key: String, at range: SourceRange, describe: (String) -> String, _ body: () -> T) -> T? {
        let stack = EvaluationStack.current
        if let start = stack.keys.firstIndex(of: key) {
            let chain = Array(stack.keys[start...]) + [key]
            let id = Set(chain).sorted().joined(separator: ",")
            if lock.sync({ reportedCycles.insert(id).inserted }) {
                log.error(describe(chain.joined(separator: " → ")), at: range)
            }
            return nil
        }
        guard stack.keys.count < Self.maximumDepth else {
            if lock.sync({ reportedCycles.insert("depth").inserted }) {
                log.error(
                    "References nested too deeply: evaluating \(key) needs more than \(Self.maximumDepth) nested "
                        + "references (locals, resources, outputs); drift stops there rather than exhaust its stack",
                    at: range)
            }
            return nil
        }
        stack.keys.append(key)
        defer { stack.keys.removeLast() }
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

/// Moves chunks' resources into their places in a result buffer: each thread is given distinct
/// chunks and the distinct range of the result they fill.
private struct UnsafeChunkMove: @unchecked Sendable {
    let chunks: UnsafeMutablePointer<[DeclaredResource]>
    let result: UnsafeMutablePointer<DeclaredResource>

    func run(order: ArraySlice<Int>, ends: [Int]) {
        for position in order.indices {
            var end = ends[position]
            // `popLast` moves each resource out: no retain of its members.
            while let resource = chunks[order[position]].popLast() {
                end -= 1
                (result + end).initialize(to: resource)
            }
        }
    }
}
