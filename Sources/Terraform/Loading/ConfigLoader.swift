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
        "check", "removed", "ephemeral",
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
        let paths = files.map { directory + "/" + $0 }
        let size = paths.reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        let decoder = ModuleDecoder(log: log)
        var progress = ModuleDecoder.Progress(relativePath: relativePath)
        var primary: [ModuleDecoder.File] = []
        var overrides: [(String, [Block])] = []
        // Each file is decoded here, in order, as soon as it is parsed, while the parsing threads
        // go on with the next ones.
        let read = { (index: Int) in
            readFile(paths[index], display: relativePath == "." ? files[index] : "\(relativePath)/\(files[index])")
        }
        // The parsing threads register sources and report unreadable files in the log while this
        // thread decodes: the log's tables need their lock (already on when a worker loads a child
        // module, and then left as it is).
        let lock = log.lock
        let wasShared = lock.isShared
        if !wasShared { lock.isShared = true }
        defer { if !wasShared { lock.isShared = false } }
        let checks = ConfigChecks(log: log, isRoot: relativePath == ".")
        Self.parseAll(count: files.count, size: size, read: read) { index, parsed in
            guard let file = parsed else { return }
            let kept = topLevelBlocks(file.parsed)
            checks.check(file: file.parsed.body.blocks, kept: kept, override: Self.isOverrideFile(files[index]))
            if Self.isOverrideFile(files[index]) {
                overrides.append((files[index], kept.map { file.parsed.body.blocks[$0] }))
            } else {
                let decoded = ModuleDecoder.File(blocks: file.parsed.body.blocks, kept: kept, resources: file.resources)
                if overrides.isEmpty { decoder.add(decoded, to: &progress) }
                primary.append(decoded)
            }
        }
        if overrides.isEmpty { return decoder.finish(progress) }
        // Overrides change blocks after the files were read: their resources are split afresh.
        var merged = primary.flatMap { file in file.kept.map { file.blocks[$0] } }
        let merger = OverrideMerger(log: log)
        for (_, blocks) in overrides { merger.apply(blocks, to: &merged) }
        return ModuleDecoder(log: log).decode(merged, relativePath: relativePath)
    }

    /// One file parsed, with its `resource` blocks already split into declarations (index-aligned
    /// with the body's blocks; `nil` for other blocks): that work runs on the parsing threads too.
    struct ParsedFile {
        var parsed: HCLBridge.Parsed
        var resources: [ResourceDecl?]
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
            InvalidEncoding.report(data, display: display, log: log)
            return nil
        }
        log.addSource(text, filename: display)
        return (text, display)
    }

    /// Below this much source text, starting threads costs more than parsing on one.
    static let parallelThreshold = 256 << 10

    /// Parses the files and hands each to `consume` on the calling thread, in order. With enough
    /// text they parse in parallel on the machine's cores, each thread taking the next file, and
    /// `consume` runs as soon as a file and all before it are parsed.
    /// `read` is called on the parsing threads too (reading and checking UTF-8 is part of the work).
    static func parseAll(
        count: Int, size: Int, read: (Int) -> (text: String, display: String)?,
        consume: (Int, ParsedFile?) -> Void
    ) {
        func parse(_ source: (text: String, display: String)) -> ParsedFile {
            let parsed = source.display.hasSuffix(".json")
                ? HCLBridge.parseJSON(source.text, filename: source.display)
                : HCLBridge.parse(source.text, filename: source.display)
            let blocks = parsed.body.blocks
            var resources: [ResourceDecl?] = []
            resources.reserveCapacity(blocks.count)
            for index in blocks.indices {
                guard blocks[index].type == "resource", blocks[index].labels.count == 2 else {
                    resources.append(nil)
                    continue
                }
                let labels = blocks[index].labels
                resources.append(ResourceDecl(type: labels[0], name: labels[1], block: blocks[index]))
            }
            return ParsedFile(parsed: parsed, resources: resources)
        }
        let cores = min(ProcessInfo.processInfo.activeProcessorCount, count)
        guard cores > 1, size >= parallelThreshold else {
            for index in 0..<count { consume(index, read(index).map(parse)) }
            return
        }
        let results = OrderedResults<ParsedFile?>(count: count)
        // The threads are joined before this returns: `read` does not outlive the call.
        withoutActuallyEscaping(read) { read in
            let workers = LargeStackThread.startAll((0..<cores).map { _ in
                {
                    while let index = results.claim() { results.put(read(index).map(parse), at: index) }
                }
            })
            for index in 0..<count { consume(index, results.take(index) ?? nil) }
            LargeStackThread.joinAll(workers)
        }
    }

    /// The parse diagnostics logged, and the positions of the file's top-level blocks Terraform knows.
    private func topLevelBlocks(_ parsed: HCLBridge.Parsed) -> [Int] {
        log.add(contentsOf: parsed.diagnostics)
        for attribute in parsed.body.attributes {
            log.error(
                "Unsupported argument: an argument named \"\(attribute.name)\" is not expected here",
                at: attribute.nameRange)
        }
        var kept: [Int] = []
        kept.reserveCapacity(parsed.body.blocks.count)
        for index in parsed.body.blocks.indices {
            let type = parsed.body.blocks[index].type
            guard Self.topLevelBlocks.contains(type) else {
                log.error(
                    "Unsupported block type: blocks of type \"\(type)\" are not expected here",
                    at: parsed.body.blocks[index].typeRange)
                continue
            }
            kept.append(index)
        }
        return kept
    }
}
