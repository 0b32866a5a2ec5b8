import HCL

/// The checks Terraform's configuration loader (`internal/configs`) makes on each block as it
/// decodes a file, before anything is evaluated: names, meta-arguments, lifecycle rules,
/// conditions, provider blocks, the `terraform` block, module sources, imports. Each mistake is
/// reported once, in Terraform's words, at the range Terraform's diagnostic names. A module whose
/// files fail these checks is not evaluated (Terraform does not plan it either), so no later
/// message — "No value for required variable" among them — hides the configuration error.
struct ConfigChecks {
    var log: DiagnosticLog
    /// The root module: some rules (ephemeral outputs) apply there only.
    var isRoot: Bool

    static let badIdentifierDetail =
        "A name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes."

    /// One file's top-level blocks, in order (`override` for `*_override.tf` and `override.tf`).
    func check(file blocks: [Block], kept: [Int], override: Bool) {
        var cloud: Block?
        for position in kept {
            let block = blocks[position]
            check(block, override: override)
            guard block.type == "terraform" else { continue }
            for nested in block.body.blocks where nested.type == "cloud" {
                if let first = cloud {
                    log.error(
                        "Duplicate HCP Terraform configurations: a module may have only one 'cloud' block configuring "
                            + "HCP Terraform or Terraform Enterprise. HCP Terraform was previously configured at "
                            + "\(first.declRange.hclDescription)", at: nested.declRange)
                } else {
                    cloud = nested
                }
            }
        }
    }

    func check(_ block: Block, override: Bool) {
        switch block.type {
        case "resource" where block.labels.count == 2: checkResource(block, mode: .managed, override: override)
        case "data" where block.labels.count == 2: checkResource(block, mode: .data, override: override)
        case "ephemeral" where block.labels.count == 2: checkResource(block, mode: .ephemeral, override: override)
        case "variable" where block.labels.count == 1: checkVariable(block, override: override)
        case "output" where block.labels.count == 1: checkOutput(block)
        case "provider" where block.labels.count == 1: checkProvider(block)
        case "terraform": checkTerraform(block)
        case "module" where block.labels.count == 1: checkModuleCall(block)
        case "import": checkImport(block)
        case "check" where block.labels.count == 1: checkCheck(block, override: override)
        default: break
        }
    }

    // MARK: - Shared rules

    /// HCL's `ValidIdentifier`: a letter or `_`, then letters, digits, `_` and `-`.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isIDStart || first == "_" else { return false }
        return name.unicodeScalars.dropFirst().allSatisfy { $0.properties.isIDContinue || $0 == "-" }
    }

    /// `gohcl.DecodeExpression(expr, nil, &bool)`: a constant that converts to bool (`true`,
    /// `"false"`); references and function calls are not available here.
    func checkConstantBool(_ attribute: Attribute) {
        guard checkNoReferences(attribute.expression) else {
            // The value is then unknown, which is no bool either.
            log.error("Unsuitable value type: unsuitable value: a bool is required", at: attribute.expression.range)
            return
        }
        guard let value = TypeConstraint.constantValue(attribute.expression) else { return }
        switch value {
        case .bool, .null, .string("true"), .string("false"): return
        default:
            log.error("Unsuitable value type: unsuitable value: a bool is required", at: Self.valueRange(attribute.expression))
        }
    }

    /// Arguments Terraform evaluates with no scope: a reference is "Variables not allowed" (at the
    /// reference), a function call "Function calls not allowed". True when there is neither.
    @discardableResult
    func checkNoReferences(_ expression: Expression) -> Bool {
        if let traversal = expression.traversals().first {
            log.error("Variables not allowed: variables may not be used here", at: traversal.range)
            return false
        }
        if let call = Self.firstCall(expression) {
            log.error("Function calls not allowed: functions may not be called here", at: call.range)
            return false
        }
        return true
    }

    private static func firstCall(_ expression: Expression) -> Expression? {
        switch expression.kind {
        case .functionCall: return expression
        case .parenthesized(let inner), .unary(_, let inner): return firstCall(inner)
        case .binary(_, let a, let b): return firstCall(a) ?? firstCall(b)
        case .tuple(let items): return items.lazy.compactMap(firstCall).first
        case .object(let items): return items.lazy.compactMap { firstCall($0.key) ?? firstCall($0.value) }.first
        case .template(let parts):
            for case .interpolation(let inner) in parts { if let call = firstCall(inner) { return call } }
            return nil
        case .conditional(let c, let t, let e): return firstCall(c) ?? firstCall(t) ?? firstCall(e)
        default: return nil
        }
    }

    /// A quoted string's range as HCL reports it for its value: inside the quotes.
    static func valueRange(_ expression: Expression) -> SourceRange {
        var range = expression.range
        guard expression.staticString != nil, !range.filename.hasSuffix(".json"), range.end.column > range.start.column + 1
        else { return range }
        range.start = SourcePosition(line: range.start.line, column: range.start.column + 1, offset: range.start.offset + 1)
        range.end = SourcePosition(line: range.end.line, column: range.end.column - 1, offset: range.end.offset - 1)
        return range
    }

    /// Where HCL reports a missing argument of a block: its opening brace.
    static func missingItemRange(_ block: Block) -> SourceRange {
        let start = block.body.range.start
        guard !block.body.range.filename.hasSuffix(".json"), start.column > 1 else { return block.typeRange }
        let brace = SourcePosition(line: start.line, column: start.column - 1, offset: start.offset - 1)
        return SourceRange(filename: block.body.range.filename, start: brace, end: start)
    }

    /// `"null_resource.a"` where a reference belongs: accepted, with Terraform's deprecation
    /// warning. True for a quoted string.
    @discardableResult
    func warnQuotedReference(_ expression: Expression) -> Bool {
        guard !expression.range.filename.hasSuffix(".json"), expression.staticString != nil else { return false }
        log.warning(
            "Quoted references are deprecated: in this context, references are expected literally rather than in "
                + "quotes. Terraform 0.11 and earlier required quotes, but quoted references are now deprecated and "
                + "will be removed in a future version of Terraform. Remove the quotes surrounding this reference to "
                + "silence this warning", at: expression.range)
        return true
    }

    /// Provider local names are normalized: lower case, letters, digits and dashes.
    func checkProviderLocalName(_ name: String, at range: SourceRange) {
        let allowed = name.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-"
        }
        guard allowed, !name.isEmpty, !name.hasPrefix("-"), !name.hasSuffix("-") else {
            log.error(
                "Invalid provider local name: \(name) is an invalid provider local name: must contain only letters, "
                    + "digits, and dashes, and may not use leading or trailing dashes", at: range)
            return
        }
        let normalized = name.lowercased()
        if normalized != name {
            log.error(
                "Invalid provider local name: provider names must be normalized. Replace \"\(name)\" with "
                    + "\"\(normalized)\" to fix this error", at: range)
        }
    }
}
