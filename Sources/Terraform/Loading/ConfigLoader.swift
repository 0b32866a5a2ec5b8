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
        var primary: [Block] = []
        var overrides: [(String, [Block])] = []
        for name in files {
            let display = relativePath == "." ? name : "\(relativePath)/\(name)"
            guard let blocks = parseFile(directory + "/" + name, display: display) else { continue }
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

    private func parseFile(_ path: String, display: String) -> [Block]? {
        guard let data = FileManager.default.contents(atPath: path) else {
            log.error("Failed to read file: the file \"\(display)\" could not be read", at: HCLBridge.emptyRange(display))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.error("Invalid file encoding: \"\(display)\" is not valid UTF-8", at: HCLBridge.emptyRange(display))
            return nil
        }
        log.addSource(text, filename: display)
        let parsed = display.hasSuffix(".json")
            ? HCLBridge.parseJSON(text, filename: display)
            : HCLBridge.parse(text, filename: display)
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
