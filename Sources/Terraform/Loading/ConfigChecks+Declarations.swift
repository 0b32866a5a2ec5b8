import HCL

/// Variables, outputs, provider configurations, the `terraform` block, module calls and
/// `import` blocks as Terraform's loader checks them.
extension ConfigChecks {
    func checkVariable(_ block: Block, override: Bool) {
        let name = block.labels[0]
        if !Self.isIdentifier(name), let range = block.labelRanges.first {
            log.error("Invalid variable name: \(Self.badIdentifierDetail)", at: range)
        }
        var type: TypeConstraint?
        if let attribute = block.body.attribute("type") {
            switch VariableType.parse(attribute.expression.jsonKeywordExpression) {
            case .success(let parsed): type = parsed.constraint
            case .failure(let e): log.add(Diagnostic(message: e.summary, range: e.range, notes: [e.detail]))
            }
        }
        for flag in ["sensitive", "ephemeral", "nullable"] {
            if let attribute = block.body.attribute(flag) { checkConstantBool(attribute) }
        }
        if let attribute = block.body.attribute("default"), checkNoReferences(attribute.expression),
            let value = TypeConstraint.constantValue(attribute.expression)
        {
            if let type, value != .null, case .failure(let error) = type.convert(value) {
                log.error(
                    "Invalid default value for variable: this default value is not compatible with the variable's "
                        + "type constraint: \(error)", at: attribute.expression.range)
            }
            let nullable = block.body.attribute("nullable").flatMap { TypeConstraint.constantValue($0.expression) }
            if value == .null, nullable == .bool(false) {
                log.error(
                    "Invalid default value for variable: a null default value is not valid when nullable=false",
                    at: attribute.expression.range)
            }
        }
        for rule in block.body.blocks where rule.type == "validation" {
            checkConditionBlock(rule, override: override)
            guard let condition = rule.body.attribute("condition") else { continue }
            let refersToSelf = condition.expression.traversals().contains { traversal in
                traversal.root == "var" && traversal.steps.first == .attribute(name)
            }
            if !refersToSelf {
                log.error(
                    "Invalid variable validation condition: the condition for variable \"\(name)\" must refer to "
                        + "var.\(name) in order to test incoming values", at: condition.expression.range)
            }
        }
    }

    func checkOutput(_ block: Block) {
        for flag in ["sensitive", "ephemeral"] {
            if let attribute = block.body.attribute(flag) { checkConstantBool(attribute) }
        }
        if let dependsOn = block.body.attribute("depends_on"), case .tuple(let items) = dependsOn.expression.kind {
            for item in items { warnQuotedReference(item) }
        }
        for rule in block.body.blocks where rule.type == "precondition" {
            checkConditionBlock(rule, override: false)
        }
        if isRoot, let attribute = block.body.attribute("ephemeral"),
            TypeConstraint.constantValue(attribute.expression) == .bool(true)
        {
            log.error(
                "Ephemeral output not allowed: ephemeral outputs are not allowed in context of a root module",
                at: block.declRange)
        }
    }

    func checkProvider(_ block: Block) {
        checkProviderLocalName(block.labels[0], at: block.declRange)
        for attribute in block.body.attributes {
            switch attribute.name {
            case "version":
                log.warning(
                    "Version constraints inside provider configuration blocks are deprecated: Terraform 0.13 and "
                        + "earlier allowed provider version constraints inside the provider configuration block, but "
                        + "that is now deprecated and will be removed in a future version of Terraform. To silence "
                        + "this warning, move the provider version constraint into the required_providers block",
                    at: attribute.expression.range)
            case "alias":
                if let alias = attribute.expression.staticString ?? Self.keyword(attribute), !Self.isIdentifier(alias) {
                    log.error(
                        "Invalid provider configuration alias: an alias must be a valid name. \(Self.badIdentifierDetail)",
                        at: attribute.expression.range)
                }
            case "count", "depends_on", "for_each", "source":
                log.error(
                    "Reserved argument name in provider block: the provider argument name \"\(attribute.name)\" is "
                        + "reserved for use by Terraform in a future version", at: attribute.nameRange)
            default: break
            }
        }
        for nested in block.body.blocks where nested.type == "lifecycle" || nested.type == "locals" {
            log.error(
                "Reserved block type name in provider block: the block type name \"\(nested.type)\" is reserved for "
                    + "use by Terraform in a future version", at: nested.typeRange)
        }
    }

    func checkTerraform(_ block: Block) {
        if let required = block.body.attribute("required_version"), let text = required.expression.staticString,
            let constraint = VersionConstraint(text), !constraint.allows(TerraformVersion.current)
        {
            log.error(
                "Unsupported Terraform Core version: this configuration does not support Terraform version "
                    + "\(TerraformVersion.current). To proceed, either choose another supported Terraform version or "
                    + "update this version constraint. Version constraints are normally set for good reason, so "
                    + "updating the constraint may lead to other errors or unexpected behavior", at: required.range)
        }
        if let language = block.body.attribute("language") {
            if case .variable(let keyword) = language.expression.kind {
                if keyword != "TF2021" {
                    log.error(
                        "Unsupported language edition: Terraform v\(TerraformVersion.current) only supports language "
                            + "edition TF2021. This module requires a \(keyword > "TF2021" ? "newer" : "different") "
                            + "version of Terraform CLI", at: language.expression.range)
                }
            } else {
                log.error(
                    "Invalid language edition: the language argument expects a bare language edition keyword. "
                        + "Terraform \(TerraformVersion.current) supports only language edition TF2021, which is the "
                        + "default", at: language.expression.range)
            }
        }
        if let experiments = block.body.attribute("experiments") {
            log.error(
                "Module uses experimental features: experimental features are intended only for gathering early "
                    + "feedback on new language designs, and so are available only in alpha releases of Terraform",
                at: experiments.nameRange)
        }
        for meta in block.body.blocks where meta.type == "provider_meta" {
            for attribute in meta.body.attributes { checkNoReferences(attribute.expression) }
        }
        for required in block.body.blocks where required.type == "required_providers" {
            for attribute in required.body.attributes {
                guard case .object(let items) = attribute.expression.kind else { continue }
                for item in items where item.key.staticString == "source" || item.key.kind == .variable("source") {
                    guard let source = item.value.staticString else { continue }
                    let parts = source.split(separator: "/").map(String.init)
                    let type = parts.last ?? ""
                    let full = (parts.count == 2 ? ["registry.terraform.io"] + parts : parts).joined(separator: "/")
                    if type.hasPrefix("terraform-provider-") || type.hasPrefix("terraform-") {
                        let detail = type.hasPrefix("terraform-provider-")
                            ? "Provider source \"\(source)\" has a type with the prefix \"terraform-provider-\", which "
                                + "isn't valid. Although that prefix is often used in the names of version control "
                                + "repositories for Terraform providers, provider source strings should not include "
                                + "it.\n\nDid you mean \"\((parts.dropLast() + [String(type.dropFirst(19))]).joined(separator: "/"))\"?"
                            : "Provider source \"\(full)\" has a type with the prefix \"terraform-\", which isn't "
                                + "allowed because it would be redundant to name a Terraform provider with that prefix. "
                                + "If you are the author of this provider, rename it to not include the prefix"
                        log.error("Invalid provider type: \(detail)", at: item.value.range)
                    }
                }
            }
        }
    }

    func checkModuleCall(_ block: Block) {
        if !Self.isIdentifier(block.labels[0]), let range = block.labelRanges.first {
            log.error("Invalid module instance name: \(Self.badIdentifierDetail)", at: range)
        }
        if let version = block.body.attribute("version") { checkNoReferences(version.expression) }
        if let dependsOn = block.body.attribute("depends_on"), case .tuple(let items) = dependsOn.expression.kind {
            for item in items { warnQuotedReference(item) }
        }
        if block.body.attribute("count") != nil, let forEach = block.body.attribute("for_each") {
            log.error(
                "Invalid combination of \"count\" and \"for_each\": the \"count\" and \"for_each\" meta-arguments are "
                    + "mutually-exclusive, only one should be used to be explicit about the number of resources to be "
                    + "created", at: forEach.nameRange)
        }
        guard let source = block.body.attribute("source"), let text = source.expression.staticString,
            block.body.attribute("version") != nil
        else { return }
        if let problem = ModuleRegistryAddress.problem(text) {
            log.error(
                "Invalid registry module source address: failed to parse module registry address: \(problem).\n\n"
                    + "Terraform assumed that you intended a module registry source address because you also set the "
                    + "argument \"version\", which applies only to registry modules", at: source.expression.range)
        }
    }

    /// A `check` block needs at least one valid `assert`, and at most one scoped `data` block.
    func checkCheck(_ block: Block, override: Bool) {
        guard !override else {
            log.error("Can't override check blocks: override files cannot override check blocks", at: block.declRange)
            return
        }
        if !Self.isIdentifier(block.labels[0]), let range = block.labelRanges.first {
            log.error("Invalid check block name: \(Self.badIdentifierDetail)", at: range)
        }
        var asserts = 0
        for nested in block.body.blocks where nested.type == "assert" {
            if checkConditionBlock(nested, override: false) { asserts += 1 }
        }
        for nested in block.body.blocks where nested.type == "data" && nested.labels.count == 2 {
            checkResource(nested, mode: .data, override: false)
        }
        if asserts == 0 {
            log.error("Zero assert blocks: check blocks must have at least one assert block", at: block.declRange)
        }
    }

    /// `to` is a resource instance address; with `for_each` its keys may be expressions.
    func checkImport(_ block: Block) {
        guard let to = block.body.attribute("to") else { return }
        var expression = to.expression
        if expression.range.filename.hasSuffix(".json") {
            guard expression.staticString != nil else {
                log.error("Invalid reference expression: a single reference string is required", at: expression.range)
                return
            }
            expression = expression.jsonKeywordExpression
        }
        var current = expression
        var steps: [Expression] = []
        while true {
            switch current.kind {
            case .getAttribute(let base, _), .index(let base, _):
                steps.append(current)
                current = base
                continue
            default: break
            }
            break
        }
        guard case .variable(let root) = current.kind else { return }
        // Skip `module.NAME[key]` prefixes: the resource type and name follow them.
        var rest = Array(steps.reversed())
        var head = root
        while head == "module", let name = rest.first, case .getAttribute = name.kind {
            rest.removeFirst()
            if let key = rest.first, case .index = key.kind { rest.removeFirst() }
            guard let next = rest.first, case .getAttribute(_, let type) = next.kind else { return }
            head = type
            rest.removeFirst()
        }
        let managed = head != "data"
        if managed, rest.first.map({ if case .getAttribute = $0.kind { false } else { true } }) ?? true {
            log.error(
                "Invalid address: resource specification must include a resource type and name",
                at: rest.first.map { SourceRange(filename: expression.range.filename, start: expression.range.start,
                                                 end: $0.range.start) } ?? expression.range)
        } else if managed {
            return
        }
        log.error("Invalid import address: only managed resources can be imported", at: to.range)
    }
}

/// The Terraform version whose rules drift follows, for its messages.
enum TerraformVersion {
    static let current = "1.11.4"
}
