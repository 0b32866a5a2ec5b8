import Foundation
import HCL

/// Reads one module directory the way Terraform does: `*.tf` and `*.tf.json` in that directory
/// only (sorted by name), ignored editor/hidden files skipped, override files merged last.
struct ConfigLoader {
    /// Absolute path of the root module; every filename in diagnostics is relative to it.
    var rootDirectory: String
    var log: DiagnosticLog

    static let topLevelBlocks: Set<String> = [
        "terraform", "variable", "locals", "output", "provider", "resource", "data", "module", "moved", "import",
        "check", "removed",
    ]

    /// `nil` when the directory cannot be read (a diagnostic is logged at `reference`).
    func load(relativePath: String, reference: SourceRange?) -> ModuleConfig? {
        let directory = relativePath == "." ? rootDirectory : rootDirectory + "/" + relativePath
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            let range = reference ?? HCLBridge.emptyRange(relativePath)
            log.error("Unreadable module directory: cannot read the directory \"\(relativePath)\"", at: range)
            return nil
        }
        let files = names.filter(Self.isConfigFile).sorted()
        let sources = files.map { name in
            readFile(directory + "/" + name, display: relativePath == "." ? name : "\(relativePath)/\(name)")
        }
        let parsed = Self.parseAll(sources)
        var primary: [Block] = []
        primary.reserveCapacity(parsed.reduce(0) { $0 + ($1?.body.blocks.count ?? 0) })
        var overrides: [(String, [Block])] = []
        for (name, result) in zip(files, parsed) {
            guard let result else { continue }
            let blocks = topLevelBlocks(result)
            if Self.isOverrideFile(name) {
                overrides.append((name, blocks))
            } else {
                primary.append(contentsOf: blocks)
            }
        }
        let merger = OverrideMerger(log: log)
        for (_, blocks) in overrides { merger.apply(blocks, to: &primary) }
        return ModuleDecoder(log: log).decode(primary, relativePath: relativePath)
    }

    /// Terraform's `IsIgnoredFile` plus the two extensions it reads.
    static func isConfigFile(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#")) {
            return false
        }
        return name.hasSuffix(".tf") || name.hasSuffix(".tf.json")
    }

    static func isOverrideFile(_ name: String) -> Bool {
        let stem = name.hasSuffix(".tf.json") ? String(name.dropLast(8)) : String(name.dropLast(3))
        return stem == "override" || stem.hasSuffix("_override")
    }

    /// A file's text, registered with the log for diagnostics; `nil` (with a diagnostic) when it
    /// cannot be read or is not UTF-8.
    private func readFile(_ path: String, display: String) -> (text: String, display: String)? {
        guard let data = FileManager.default.contents(atPath: path) else {
            log.error("Failed to read file: the file \"\(display)\" could not be read", at: HCLBridge.emptyRange(display))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.error("Invalid file encoding: \"\(display)\" is not valid UTF-8", at: HCLBridge.emptyRange(display))
            return nil
        }
        log.addSource(text, filename: display)
        return (text, display)
    }

    /// Below this much source text, starting threads costs more than parsing on one.
    static let parallelThreshold = 256 << 10

    /// Parses the files, in parallel on the machine's cores when there is enough text: a large
    /// module is split into groups of about equal size, one thread per group.
    static func parseAll(_ sources: [(text: String, display: String)?]) -> [HCLBridge.Parsed?] {
        func parse(_ source: (text: String, display: String)) -> HCLBridge.Parsed {
            source.display.hasSuffix(".json")
                ? HCLBridge.parseJSON(source.text, filename: source.display)
                : HCLBridge.parse(source.text, filename: source.display)
        }
        let sizes = sources.map { $0?.text.utf8.count ?? 0 }
        let cores = min(ProcessInfo.processInfo.activeProcessorCount, sources.count)
        guard cores > 1, sizes.reduce(0, +) >= parallelThreshold else { return sources.map { $0.map(parse) } }
        // Largest files first onto the least loaded group.
        var groups = Array(repeating: [Int](), count: cores)
        var loads = Array(repeating: 0, count: cores)
        for index in sources.indices.sorted(by: { sizes[$0] > sizes[$1] }) {
            let lightest = loads.indices.min { loads[$0] < loads[$1] } ?? 0
            groups[lightest].append(index)
            loads[lightest] += sizes[index]
        }
        let results = LargeStackThread.runAll(groups.map { group in
            { group.map { index in (index, sources[index].map(parse)) } }
        })
        var parsed = [HCLBridge.Parsed?](repeating: nil, count: sources.count)
        for (index, result) in results.joined() { parsed[index] = result }
        return parsed
    }

    /// The parse diagnostics logged, and the file's top-level blocks Terraform knows.
    private func topLevelBlocks(_ parsed: HCLBridge.Parsed) -> [Block] {
        log.add(contentsOf: parsed.diagnostics)
        for attribute in parsed.body.attributes {
            log.error(
                "Unsupported argument: an argument named \"\(attribute.name)\" is not expected here",
                at: attribute.nameRange)
        }
        var blocks: [Block] = []
        for block in parsed.body.blocks {
            guard Self.topLevelBlocks.contains(block.type) else {
                log.error(
                    "Unsupported block type: blocks of type \"\(block.type)\" are not expected here", at: block.typeRange)
                continue
            }
            blocks.append(block)
        }
        return blocks
    }
}
