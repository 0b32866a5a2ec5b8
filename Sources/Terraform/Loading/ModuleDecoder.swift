import HCL

/// Sorts a module's merged top-level blocks into a `ModuleConfig`, checking label counts and
/// duplicate declarations with Terraform's messages.
struct ModuleDecoder {
    var log: DiagnosticLog

    private static let labelCounts: [String: Int] = [
        "terraform": 0, "variable": 1, "locals": 0, "output": 1, "provider": 1, "resource": 2, "data": 2,
        "module": 1, "moved": 0, "import": 0, "check": 1, "removed": 0, "ephemeral": 2,
    ]

    /// One file's top-level blocks: the positions of those Terraform knows, in order, and the
    /// `resource` blocks already split into declarations (index-aligned with `blocks`).
    struct File {
        var blocks: [Block]
        var kept: [Int]
        var resources: [ResourceDecl?]
    }

    func decode(_ blocks: [Block], relativePath: String) -> ModuleConfig {
        decode(
            files: [File(blocks: blocks, kept: Array(blocks.indices), resources: blocks.map { _ in nil })],
            relativePath: relativePath)
    }

    /// The files' blocks in order. A resource declared on the parsing threads is taken as it is:
    /// its block is not copied again (copies retain every member, on memory long gone cold).
    func decode(files: [File], relativePath: String) -> ModuleConfig {
        var progress = Progress(relativePath: relativePath)
        for file in files { add(file, to: &progress) }
        return finish(progress)
    }

    /// A module being decoded file by file, in order, while later files are still being parsed.
    struct Progress {
        fileprivate var config: ModuleConfig
        fileprivate var declared: [String: SourceRange] = [:]

        init(relativePath: String) { config = ModuleConfig(relativePath: relativePath) }
    }

    func add(_ file: File, to progress: inout Progress) {
        for position in file.kept {
            if let decl = file.resources[position] {
                add(decl, to: &progress.config)
            } else {
                decode(file.blocks[position], into: &progress.config, declared: &progress.declared)
            }
        }
    }

    func finish(_ progress: consuming Progress) -> ModuleConfig {
        var config = progress.config
        config.buildIndexes()
        RequiredProviders(config).warnDuplicates(in: config, log: log)
        return config
    }

    private func add(_ decl: ResourceDecl, to config: inout ModuleConfig) {
        // The position index doubles as the duplicate check: one table, not two.
        if let previous = config.resourceIndex[decl.type]?[decl.name] {
            log.error(
                "Duplicate resource \"\(decl.type)\" configuration: A \(decl.type) resource named \"\(decl.name)\" was "
                    + "already declared at \(config.resources[previous].block.declRange.hclDescription). Resource names "
                    + "must be unique per type in each module.", at: decl.block.declRange)
            return
        }
        config.resourceIndex[decl.type, default: [:]][decl.name] = config.resources.count
        config.resources.append(decl)
    }

    private func decode(_ block: Block, into config: inout ModuleConfig, declared: inout [String: SourceRange]) {
        let expected = Self.labelCounts[block.type] ?? 0
        guard block.labels.count == expected else {
            let what = expected == 1 ? "a name" : expected == 2 ? "a type and a name" : "no labels"
            log.error(
                "Invalid \(block.type) block: a \(block.type) block must have \(what), "
                    + "but this one has \(block.labels.count) label(s)", at: block.typeRange)
            return
        }
        switch block.type {
        case "variable":
            guard unique("var.\(block.labels[0])", block, &declared, duplicate: { previous in
                "Duplicate variable declaration: A variable named \"\(block.labels[0])\" was already declared at "
                    + "\(previous). Variable names must be unique within a module."
            }) else { return }
            config.variables.append(VariableDecl(name: block.labels[0], block: block))
        case "locals":
            for attribute in block.body.attributes {
                if let previous = config.locals[attribute.name] {
                    log.error(
                        "Duplicate local value definition: A local value named \"\(attribute.name)\" was "
                            + "already defined at \(previous.range.hclDescription). Local value names must be unique "
                            + "within a module.", at: attribute.range)
                    continue
                }
                config.locals[attribute.name] = attribute
            }
        case "output":
            guard unique("output.\(block.labels[0])", block, &declared, duplicate: { previous in
                "Duplicate output definition: An output named \"\(block.labels[0])\" was already defined at \(previous). "
                    + "Output names must be unique within a module."
            }) else { return }
            config.outputs[block.labels[0]] = OutputDecl(name: block.labels[0], block: block)
        case "resource":
            add(ResourceDecl(type: block.labels[0], name: block.labels[1], block: block), to: &config)
        case "data":
            let key = "data.\(block.labels[0]).\(block.labels[1])"
            guard unique(key, block, &declared, duplicate: { previous in
                "Duplicate data \"\(block.labels[0])\" configuration: A \(block.labels[0]) data resource named "
                    + "\"\(block.labels[1])\" was already declared at \(previous). Resource names must be unique per "
                    + "type in each module."
            }) else { return }
            config.dataSources["\(block.labels[0]).\(block.labels[1])"] = block
        case "ephemeral":
            // Never in a plan, so never compared: only declared, so that references to it are
            // unknown rather than undeclared.
            let key = "ephemeral.\(block.labels[0]).\(block.labels[1])"
            guard unique(key, block, &declared, duplicate: { previous in
                "Duplicate ephemeral \"\(block.labels[0])\" configuration: A \(block.labels[0]) ephemeral resource "
                    + "named \"\(block.labels[1])\" was already declared at \(previous). Resource names must be unique "
                    + "per type in each module."
            }) else { return }
            config.ephemeralResources.insert("\(block.labels[0]).\(block.labels[1])")
        case "module":
            guard unique("module.\(block.labels[0])", block, &declared, duplicate: { previous in
                "Duplicate module call: A module call named \"\(block.labels[0])\" was already defined at \(previous). "
                    + "Module calls must have unique names within a module."
            }) else { return }
            config.moduleCalls.append(ModuleCallDecl(name: block.labels[0], block: block))
        case "provider":
            config.providers.append(block)
        case "moved":
            config.moves.append(block)
        case "removed":
            config.removals.append(block)
        case "terraform":
            for backend in block.body.blocks where backend.type == "backend" || backend.type == "cloud" {
                config.backend = backend
            }
            for required in block.body.blocks(ofType: "required_providers") {
                // Terraform keeps the first and rejects every other one of the module's files.
                if let first = config.requiredProviders.first {
                    log.error(
                        "Duplicate required providers configuration: A module may have only one required providers "
                            + "configuration. The required providers were previously configured at "
                            + "\(first.declRange.hclDescription).", at: required.declRange)
                    continue
                }
                config.requiredProviders.append(required)
            }
        default:
            break
        }
    }

    /// Records `block` under `key`; a second declaration is reported in Terraform's words
    /// (`duplicate` gets the first one's range as Terraform prints it) at the block's DeclRange.
    private func unique(
        _ key: String, _ block: Block, _ declared: inout [String: SourceRange], duplicate: (String) -> String
    ) -> Bool {
        if let previous = declared[key] {
            log.error(duplicate(previous.hclDescription), at: block.declRange)
            return false
        }
        declared[key] = block.declRange
        return true
    }
}
