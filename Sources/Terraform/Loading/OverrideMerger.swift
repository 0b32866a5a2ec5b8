import HCL

/// Terraform's override files (`override.tf`, `*_override.tf`): merged into the primary files'
/// blocks after every primary file is read, per
/// https://developer.hashicorp.com/terraform/language/files/override.
struct OverrideMerger {
    var log: DiagnosticLog

    /// Applies one override file's top-level blocks to `blocks` (the primary files' blocks).
    func apply(_ overrides: [Block], to blocks: inout [Block]) {
        for override in overrides {
            switch override.type {
            case "locals": mergeLocals(override, into: &blocks)
            case "terraform": mergeTerraform(override, into: &blocks)
            default:
                guard let index = blocks.firstIndex(where: { Self.identity($0) == Self.identity(override) }) else {
                    log.error(
                        "Missing base \(override.type) block for override: there is no \(Self.describe(override)) "
                            + "in a primary configuration file for this override to change",
                        at: override.typeRange)
                    continue
                }
                blocks[index].body = Self.merge(blocks[index].body, with: override.body)
                if override.type == "variable" { checkDefault(blocks[index], override: override) }
            }
        }
    }

    /// An override that changes a variable's type and not its default: the base's default must
    /// suit the new type (Terraform reports it at the override block).
    private func checkDefault(_ merged: Block, override: Block) {
        guard override.body.attribute("type") != nil, override.body.attribute("default") == nil,
            let type = merged.body.attribute("type"), let defaultValue = merged.body.attribute("default"),
            case .success(let constraint) = VariableType.parse(type.expression.jsonKeywordExpression),
            let value = TypeConstraint.constantValue(defaultValue.expression), value != .null,
            case .failure(let error) = constraint.constraint.convert(value)
        else { return }
        log.error(
            "Invalid default value for variable: this default value is not compatible with the variable's type "
                + "constraint: \(error)", at: override.declRange)
    }

    /// Attributes replace by name; blocks of a type the override declares replace all of the base's
    /// blocks of that type (dynamic ones included); `lifecycle` merges argument by argument.
    static func merge(_ base: Body, with override: Body) -> Body {
        var result = base
        for attribute in override.attributes {
            if let i = result.attributes.firstIndex(where: { $0.name == attribute.name }) {
                result.attributes[i] = attribute
            } else {
                result.attributes.append(attribute)
            }
        }
        var replacedTypes: Set<String> = []
        for block in override.blocks {
            let type = effectiveType(block)
            if type == "lifecycle", let i = result.blocks.firstIndex(where: { $0.type == "lifecycle" }) {
                result.blocks[i].body = merge(result.blocks[i].body, with: block.body)
                continue
            }
            if replacedTypes.insert(type).inserted {
                result.blocks.removeAll { effectiveType($0) == type }
            }
            result.blocks.append(block)
        }
        return result
    }

    private func mergeLocals(_ override: Block, into blocks: inout [Block]) {
        for attribute in override.body.attributes {
            var found = false
            for i in blocks.indices where blocks[i].type == "locals" {
                if let j = blocks[i].body.attributes.firstIndex(where: { $0.name == attribute.name }) {
                    blocks[i].body.attributes[j] = attribute
                    found = true
                }
            }
            if !found {
                log.error(
                    "Missing base local value definition to override: there is no local value named "
                        + "\"\(attribute.name)\" in a primary configuration file", at: attribute.nameRange)
            }
        }
    }

    private func mergeTerraform(_ override: Block, into blocks: inout [Block]) {
        let backends = override.body.blocks.filter { $0.type == "backend" || $0.type == "cloud" }
        guard !backends.isEmpty else { return }
        for i in blocks.indices where blocks[i].type == "terraform" {
            blocks[i].body.blocks.removeAll { $0.type == "backend" || $0.type == "cloud" }
        }
        var holder = override
        holder.body.blocks = backends
        holder.body.attributes = []
        blocks.append(holder)
    }

    static func effectiveType(_ block: Block) -> String {
        if block.type == "dynamic", let label = block.labels.first { return label }
        return block.type
    }

    /// Blocks are the same declaration when type and labels match (and, for providers, the alias).
    static func identity(_ block: Block) -> String {
        var key = ([block.type] + block.labels).joined(separator: "\u{1}")
        if block.type == "provider", let alias = block.body.attribute("alias"),
            case .literal(.string(let name)) = alias.expression.kind
        {
            key += "\u{1}alias=\(name)"
        } else if block.type == "provider", let alias = block.body.attribute("alias"),
            case .template(let parts) = alias.expression.kind, parts.count == 1,
            case .literal(let name) = parts[0]
        {
            key += "\u{1}alias=\(name)"
        }
        return key
    }

    static func describe(_ block: Block) -> String {
        ([block.type] + block.labels.map { "\"\($0)\"" }).joined(separator: " ")
    }
}
