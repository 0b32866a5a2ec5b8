import DriftModel
import HCL

/// A resource body (or nested block body) evaluated: argument values, nested blocks as tuples of
/// objects (`dynamic` blocks expanded), where each top-level name is set, and which derive from
/// sensitive values.
struct EvaluatedBody {
    /// Where each top-level name is set, and the order: the same for every instance of a
    /// resource, so computed for the first and reused.
    struct Layout {
        var sources: [String: String] = [:]
        /// Names in the order the body declares them.
        var order: [String] = []
        /// The schema entry of each name in `order`: arguments first, in the body's order, so
        /// that later instances look up none.
        var entries: [AttributeSchema?] = []
    }

    var values: [String: HCLValue] = [:]
    var layout = Layout()
    var sensitive: Set<String> = []
}

/// Evaluates a body against the provider schema: which names are arguments and which blocks comes
/// from `ProviderSchema`; a type the table does not describe is taken as written.
struct BodyEvaluator {
    let module: ModuleInstance
    /// The block's context cache, when every instance of one block is evaluated by this thread.
    var contexts: BlockContexts?
    var log: DiagnosticLog { module.log }

    /// `owner` is the range reported for a missing required argument (the block's type keyword).
    /// `layout`: an earlier instance's, when this body is one more instance of the same block.
    func evaluate(
        _ body: Body, schema: [String: AttributeSchema]?, scope: [String: HCLValue], owner: SourceRange,
        layout: EvaluatedBody.Layout? = nil, nested: Bool = false, checks: Bool? = nil
    ) -> EvaluatedBody {
        var result = EvaluatedBody()
        // Names are checked once per resource (nested blocks with it: the same static bodies give
        // the same diagnostics); a nested block's layout is never read.
        let checks = checks ?? (layout == nil)
        let recordsLayout = layout == nil && !nested
        if let layout { result.layout = layout }
        // An earlier instance's entries: the same body, so the same names at the same indices.
        let knownEntries = layout.map(\.entries)
        result.values.reserveCapacity(body.attributes.count + body.blocks.count)
        for index in body.attributes.indices {
            let attribute = body.attributes[index]
            // Which names are set is the same for every instance: checked once.
            if let schema, checks { check(attribute: attribute, schema: schema) }
            let entry = knownEntries.map { $0[index] } ?? schema?[attribute.name]
            let value = module.evaluate(attribute.expression, scope: scope, contexts: contexts)
            result.values[attribute.name] = SchemaConversion.converted(
                value.value, schema: entry, name: attribute.name, expression: attribute.expression.range, log: log)
            if recordsLayout {
                result.layout.sources[attribute.name] = attribute.range.location
                result.layout.order.append(attribute.name)
                result.layout.entries.append(entry)
            }
            if value.sensitive || entry?.sensitive == true { result.sensitive.insert(attribute.name) }
        }
        var groups: [String: [HCLValue]] = [:]
        var unknownGroups: Set<String> = []
        // Blocks written for an attribute of list or set of objects (`ingress { ... }`), as
        // Terraform's blocktoattr accepts them, with the first block's range for conversion errors.
        var attributeBlocks: [String: SourceRange] = [:]
        for block in body.blocks {
            let type = OverrideMerger.effectiveType(block)
            if let schema, checks ? !check(block: block, type: type, schema: schema)
                : (schema[type]?.kind != .block && Self.objectElement(schema[type]) == nil)
            {
                continue
            }
            if let schema, let element = Self.objectElement(schema[type]) {
                if attributeBlocks[type] == nil { attributeBlocks[type] = block.range }
                if recordsLayout, result.layout.sources[type] == nil {
                    result.layout.sources[type] = block.range.location
                    result.layout.order.append(type)
                    result.layout.entries.append(schema[type])
                }
                // `dynamic "ingress" { ... }` generates such blocks too, as Terraform expands it
                // before blocktoattr sees them.
                let objects: [HCLValue]
                if block.type == "dynamic" {
                    guard let items = expandDynamic(block, schema: nil, scope: scope, into: &result, name: type, checks: false) else {
                        unknownGroups.insert(type)
                        continue
                    }
                    objects = items
                } else {
                    objects = [.object(evaluate(block.body, schema: nil, scope: scope, owner: block.typeRange, nested: true, checks: false).values)]
                }
                for object in objects {
                    guard case .object(var members) = object else { continue }
                    for name in element.keys where members[name] == nil { members[name] = .null }
                    groups[type, default: []].append(.object(members))
                }
                continue
            }
            if recordsLayout, result.layout.sources[type] == nil {
                result.layout.sources[type] = block.range.location
                result.layout.order.append(type)
                result.layout.entries.append(schema?[type])
            }
            let nested = schema?[type]?.nested
            if block.type == "dynamic" {
                guard let items = expandDynamic(
                    block, schema: nested, scope: scope, into: &result, name: type, checks: checks)
                else {
                    unknownGroups.insert(type)
                    continue
                }
                groups[type, default: []].append(contentsOf: items)
            } else {
                let inner = evaluate(
                    block.body, schema: nested, scope: scope, owner: block.typeRange, nested: true, checks: checks)
                if !inner.sensitive.isEmpty { result.sensitive.insert(type) }
                groups[type, default: []].append(.object(inner.values))
            }
        }
        for (type, items) in groups {
            if let range = attributeBlocks[type] {
                result.values[type] = SchemaConversion.converted(
                    .tuple(items), schema: schema?[type], name: type, expression: range, log: log)
            } else {
                result.values[type] = .tuple(items)
            }
        }
        for type in unknownGroups { result.values[type] = .unknown }
        if let schema, checks { checkRequired(result, schema: schema, owner: owner) }
        return result
    }

    /// `dynamic "name" { for_each, iterator, content {} }` → one object per element; `nil` when the
    /// collection is not known offline.
    private func expandDynamic(
        _ block: Block, schema: [String: AttributeSchema]?, scope: [String: HCLValue],
        into result: inout EvaluatedBody, name: String, checks: Bool
    ) -> [HCLValue]? {
        guard block.labels.count == 1 else {
            log.error("Invalid dynamic block: a dynamic block must have exactly one label, the block type to generate",
                      at: block.typeRange)
            return []
        }
        guard let forEach = block.body.attribute("for_each") else {
            log.error("Missing required argument: the argument \"for_each\" is required, but no definition was found",
                      at: block.typeRange)
            return []
        }
        let contents = block.body.blocks(ofType: "content")
        guard contents.count == 1, let content = contents.first else {
            log.error("Invalid dynamic block: a dynamic block must have exactly one nested \"content\" block",
                      at: block.typeRange)
            return []
        }
        var iterator = name
        if let it = block.body.attribute("iterator") {
            if case .variable(let n) = it.expression.kind { iterator = n } else if let s = it.expression.staticString {
                iterator = s
            } else {
                log.error("Invalid expression: a single static variable reference is required", at: it.expression.range)
            }
        }
        let collection = module.evaluate(forEach.expression, scope: scope, contexts: contexts)
        if collection.sensitive { result.sensitive.insert(name) }
        var elements: [(HCLValue, HCLValue)] = []
        switch collection.value {
        case .unknown: return nil
        case .null:
            log.error("Invalid dynamic for_each value: cannot use a null value in for_each", at: forEach.expression.range)
            return []
        case .tuple(let items): elements = items.enumerated().map { (.number(HCLNumber($0.offset)), $0.element) }
        case .set(let items): elements = items.map { ($0, $0) }
        case .object(let members): elements = members.keys.sorted().map { (.string($0), members[$0] ?? .null) }
        default:
            log.error(
                "Invalid dynamic for_each value: cannot use a \(collection.value.typeName) value in for_each. "
                    + "An iterable collection is required", at: forEach.expression.range)
            return []
        }
        var items: [HCLValue] = []
        for (key, value) in elements {
            var inner = scope
            inner[iterator] = .object(["key": key, "value": value])
            let body = evaluate(
                content.body, schema: schema, scope: inner, owner: content.typeRange, nested: true, checks: checks)
            if !body.sensitive.isEmpty { result.sensitive.insert(name) }
            items.append(.object(body.values))
        }
        return items
    }

    private func check(attribute: Attribute, schema: [String: AttributeSchema]) {
        guard let entry = schema[attribute.name] else {
            log.error("Unsupported argument: an argument named \"\(attribute.name)\" is not expected here",
                      at: attribute.nameRange)
            return
        }
        if entry.kind == .block {
            log.error(
                "Unsupported argument: an argument named \"\(attribute.name)\" is not expected here. Did you mean "
                    + "to define a block of type \"\(attribute.name)\"?", at: attribute.nameRange)
        } else if entry.isComputedOnly {
            log.error(
                "Value for unconfigurable attribute: can't configure a value for \"\(attribute.name)\": its value "
                    + "will be decided automatically based on the result of applying this configuration",
                at: attribute.nameRange)
        }
    }

    /// The object type of an attribute that is a list or set of objects: blocks may set it.
    static func objectElement(_ entry: AttributeSchema?) -> [String: AttributeType]? {
        guard let entry, entry.kind == .attribute else { return nil }
        switch entry.type {
        case .list(.object(let members))?, .set(.object(let members))?: return members
        default: return nil
        }
    }

    private func check(block: Block, type: String, schema: [String: AttributeSchema]) -> Bool {
        if Self.objectElement(schema[type]) != nil { return true }
        guard let entry = schema[type], entry.kind == .block else {
            var message = "Unsupported block type: blocks of type \"\(type)\" are not expected here"
            if schema[type] != nil {
                message += ". Did you mean to define argument \"\(type)\"? If so, use the equals sign to assign it a value"
            }
            log.error(message, at: block.typeRange)
            return false
        }
        return true
    }

    private func checkRequired(_ body: EvaluatedBody, schema: [String: AttributeSchema], owner: SourceRange) {
        var missing: [String] = []
        for (name, entry) in schema where entry.required && entry.kind == .attribute && body.values[name] == nil {
            missing.append(name)
        }
        for name in missing.sorted() {
            log.error("Missing required argument: the argument \"\(name)\" is required, but no definition was found",
                      at: owner)
        }
    }
}
