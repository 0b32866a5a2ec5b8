import HCL

/// `resource`, `data` and `ephemeral` blocks as Terraform's `decodeResourceBlock`,
/// `decodeDataBlock` and `decodeEphemeralBlock` check them.
extension ConfigChecks {
    enum ResourceMode {
        case managed, data, ephemeral

        var blockName: String {
            switch self {
            case .managed: "resource"
            case .data: "data"
            case .ephemeral: "ephemeral"
            }
        }
    }

    /// Removed in Terraform 0.15; a configuration naming them no longer loads.
    static let removedProvisioners: Set<String> = ["chef", "habitat", "puppet", "salt-masterless"]

    func checkResource(_ block: Block, mode: ResourceMode, override: Bool) {
        let (typeSummary, nameSummary) = switch mode {
        case .managed: ("Invalid resource type name", "Invalid resource name")
        case .data: ("Invalid data source name", "Invalid data resource name")
        case .ephemeral: ("Invalid ephemeral resource type", "Invalid ephemeral resource name")
        }
        for (index, summary) in [typeSummary, nameSummary].enumerated()
        where !Self.isIdentifier(block.labels[index]) && index < block.labelRanges.count {
            log.error("\(summary): \(Self.badIdentifierDetail)", at: block.labelRanges[index])
        }
        if let provider = block.body.attribute("provider") { checkProviderReference(provider) }
        if let dependsOn = block.body.attribute("depends_on"), case .tuple(let items) = dependsOn.expression.kind {
            for item in items { warnQuotedReference(item) }
        }
        let hasDestroyProvisioner = mode == .managed && block.body.blocks.contains { nested in
            nested.type == "provisioner" && nested.body.attribute("when").map(Self.keyword) == "destroy"
        }
        for nested in block.body.blocks {
            switch nested.type {
            case "lifecycle": checkLifecycle(nested, of: block, mode: mode, override: override)
            case "locals":
                log.error(
                    "Reserved block type name in \(mode.blockName) block: the block type name \"locals\" is reserved "
                        + "for use by Terraform in a future version", at: nested.typeRange)
            case "provisioner" where mode == .managed: checkProvisioner(nested)
            case "connection" where mode == .managed && hasDestroyProvisioner: checkDestroyReferences(nested.body)
            default: break
            }
        }
    }

    private func checkLifecycle(_ lifecycle: Block, of block: Block, mode: ResourceMode, override: Bool) {
        for attribute in lifecycle.body.attributes {
            guard mode == .managed else {
                let what = mode == .data ? "data resources" : "ephemeral resources"
                let summary = mode == .data
                    ? "Invalid data resource lifecycle argument" : "Invalid ephemeral resource lifecycle argument"
                log.error(
                    "\(summary): the lifecycle argument \"\(attribute.name)\" is defined only for managed resources "
                        + "(\"resource\" blocks), and is not valid for \(what)", at: attribute.nameRange)
                continue
            }
            switch attribute.name {
            case "create_before_destroy", "prevent_destroy": checkConstantBool(attribute)
            case "ignore_changes": checkIgnoreChanges(attribute)
            case "replace_triggered_by": checkReplaceTriggeredBy(attribute)
            default: break
            }
        }
        let address = (mode == .managed ? "" : mode.blockName + ".") + block.labels.joined(separator: ".")
        for rule in lifecycle.body.blocks where rule.type == "precondition" || rule.type == "postcondition" {
            checkConditionBlock(rule, override: override)
            checkSelfReferences(rule, address: address)
        }
    }

    /// `condition` and `error_message` are required; a condition must refer to something. True
    /// when the block has no error.
    @discardableResult
    func checkConditionBlock(_ rule: Block, override: Bool) -> Bool {
        let errorsBefore = log.errorCount
        guard !override else {
            log.error(
                "Can't override \(rule.type) blocks: override files cannot override \"\(rule.type)\" blocks",
                at: rule.declRange)
            return false
        }
        for name in ["condition", "error_message"] where rule.body.attribute(name) == nil {
            log.error(
                "Missing required argument: the argument \"\(name)\" is required, but no definition was found",
                at: Self.missingItemRange(rule))
        }
        if let condition = rule.body.attribute("condition"), condition.expression.traversals().isEmpty {
            log.error(
                "Invalid \(rule.type) expression: the condition expression must refer to at least one object from "
                    + "elsewhere in the configuration, or else its result would not be checking anything",
                at: condition.expression.range)
        }
        return log.errorCount == errorsBefore
    }

    /// A resource's own conditions refer to it as `self`, never by its address.
    private func checkSelfReferences(_ rule: Block, address: String) {
        let parts = address.split(separator: ".").map(String.init)
        for name in ["condition", "error_message"] {
            guard let expression = rule.body.attribute(name)?.expression else { continue }
            for traversal in expression.traversals() {
                let steps = traversal.steps.compactMap { step -> String? in
                    if case .attribute(let name) = step { return name }
                    return nil
                }
                guard [traversal.root] + steps.prefix(parts.count - 1) == parts else { continue }
                log.error(
                    "Invalid reference in \(rule.type): configuration for \(address) may not refer to itself",
                    at: expression.range)
                break
            }
        }
    }

    private func checkIgnoreChanges(_ attribute: Attribute) {
        let expression = attribute.expression
        if case .variable("all") = expression.kind { return }
        if expression.range.filename.hasSuffix(".json"), expression.staticString == "all" { return }
        guard case .tuple(let items) = expression.kind else {
            log.error("Invalid expression: a static list expression is required", at: Self.valueRange(expression))
            return
        }
        var wildcard: Expression?
        var others = 0
        for item in items {
            if item.staticString == "*" {
                wildcard = item
                log.error(
                    "Invalid ignore_changes wildcard: the [\"*\"] form of ignore_changes wildcard is was deprecated "
                        + "and is now invalid. Use \"ignore_changes = all\" to ignore changes to all attributes",
                    at: expression.range)
                continue
            }
            warnQuotedReference(item)
            others += 1
        }
        if let wildcard, others > 0 {
            log.error(
                "Invalid ignore_changes ruleset: cannot mix wildcard string \"*\" with non-wildcard references",
                at: wildcard.range)
        }
    }

    /// Each element names exactly one resource (instance); of `count` and `each` only
    /// `count.index` and `each.key` may appear.
    /// Terraform stops at the first element with an error.
    private func checkReplaceTriggeredBy(_ attribute: Attribute) {
        guard case .tuple(let items) = attribute.expression.kind else { return }
        let errorsBefore = log.errorCount
        for original in items where log.errorCount == errorsBefore {
            var item = original
            if item.range.filename.hasSuffix(".json") {
                guard item.staticString != nil else {
                    log.error("Invalid reference expression: a single reference string is required", at: item.range)
                    continue
                }
                item = item.jsonKeywordExpression
            }
            var resources = 0
            var failed = false
            for traversal in item.traversals() {
                let first: String? = if case .attribute(let name)? = traversal.steps.first { name } else { nil }
                switch traversal.root {
                case "each":
                    if first != "key" {
                        log.error(
                            "Invalid each reference in replace_triggered_by expression: only each.key may be used in "
                                + "replace_triggered_by", at: item.range)
                    }
                case "count":
                    if first != "index" {
                        log.error(
                            "Invalid count reference in replace_triggered_by expression: only count.index may be used "
                                + "in replace_triggered_by", at: item.range)
                    }
                case "var", "local", "module", "data", "path", "terraform", "self", "ephemeral":
                    log.error(
                        "Invalid reference in replace_triggered_by expression: only resources, count.index, and "
                            + "each.key may be used in replace_triggered_by", at: item.range)
                default:
                    guard first != nil else {
                        log.error(
                            "Invalid reference: a reference to a resource type must be followed by at least one "
                                + "attribute access, specifying the resource name", at: item.range)
                        failed = true
                        continue
                    }
                    resources += 1
                }
            }
            guard !failed else { continue }
            if resources != 1 {
                log.error(
                    "Invalid replace_triggered_by expression: \(resources == 0 ? "missing" : "multiple") resource "
                        + "reference\(resources == 0 ? "" : "s") in replace_triggered_by expression", at: item.range)
            }
        }
    }

    /// `provider = name` or `name.alias`, never quoted (accepted with a warning), the name normalized.
    func checkProviderReference(_ attribute: Attribute) {
        let expression = attribute.expression
        let quoted = warnQuotedReference(expression)
        guard let reference = expression.providerReference else {
            log.error(
                "Invalid provider configuration reference: the provider argument requires a provider type name, "
                    + "optionally followed by a period and then a configuration alias", at: expression.range)
            return
        }
        var range = expression.range
        if !quoted, let traversal = expression.asTraversal {
            range = SourceRange(
                filename: range.filename, start: traversal.range.start,
                end: SourcePosition(
                    line: range.start.line, column: range.start.column + reference.name.count,
                    offset: range.start.offset + reference.name.utf8.count))
        }
        checkProviderLocalName(reference.name, at: range)
    }

    private func checkProvisioner(_ provisioner: Block) {
        let type = provisioner.labels.first ?? ""
        if Self.removedProvisioners.contains(type), let range = provisioner.labelRanges.first {
            log.error(
                "The \"\(type)\" provisioner has been removed: the \"\(type)\" provisioner was deprecated in Terraform "
                    + "0.13.4 has been removed from Terraform. Visit "
                    + "https://learn.hashicorp.com/collections/terraform/provision for alternatives to using "
                    + "provisioners that are a better fit for the Terraform workflow", at: range)
        }
        for name in ["when", "on_failure"] {
            guard let attribute = provisioner.body.attribute(name) else { continue }
            let allowed: Set<String> = name == "when" ? ["create", "destroy"] : ["continue", "fail"]
            let word = Self.keyword(attribute)
            if let word, allowed.contains(word) {
                if attribute.expression.staticString != nil, !attribute.expression.range.filename.hasSuffix(".json") {
                    log.warning(
                        "Quoted keywords are deprecated: in this context, keywords are expected literally rather than "
                            + "in quotes. Terraform 0.11 and earlier required quotes, but quoted keywords are now "
                            + "deprecated and will be removed in a future version of Terraform. Remove the quotes "
                            + "surrounding this keyword to silence this warning", at: attribute.expression.range)
                }
            } else {
                let list = name == "when" ? "create or destroy" : "continue or fail"
                log.error(
                    "Invalid \"\(name)\" keyword: the \"\(name)\" argument requires one of the following keywords: "
                        + "\(list)", at: attribute.expression.range)
            }
        }
        if Self.keyword(provisioner.body.attribute("when")) == "destroy" {
            checkDestroyReferences(provisioner.body)
        }
    }

    /// Destroy-time provisioners (and the connection they use) may refer only to `self`,
    /// `count.index`, `each.key`, `path` and `terraform`: nothing else exists when they run.
    private func checkDestroyReferences(_ body: Body) {
        for attribute in body.attributes where attribute.name != "when" && attribute.name != "on_failure" {
            let invalid = attribute.expression.traversals().contains { traversal in
                let first: String? = if case .attribute(let name)? = traversal.steps.first { name } else { nil }
                switch traversal.root {
                case "self", "path", "terraform": return false
                case "count": return first != "index"
                case "each": return first != "key"
                default: return true
                }
            }
            if invalid {
                log.error(
                    "Invalid reference from destroy provisioner: destroy-time provisioners and their connection "
                        + "configurations may only reference attributes of the related resource, via 'self', "
                        + "'count.index', or 'each.key'.\n\nReferences to other resources during the destroy phase "
                        + "can cause dependency cycles and interact poorly with create_before_destroy",
                    at: attribute.expression.range)
            }
        }
        for nested in body.blocks where nested.type == "connection" { checkDestroyReferences(nested.body) }
    }

    /// `hcl.ExprAsKeyword`, with the quoted form Terraform still accepts (it warns).
    static func keyword(_ attribute: Attribute?) -> String? {
        guard let expression = attribute?.expression else { return nil }
        if case .variable(let name) = expression.kind { return name }
        return expression.staticString
    }
}
