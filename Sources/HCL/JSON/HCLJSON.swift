/// HCL's JSON syntax (`.tf.json`), read into the same `Body` tree as the native syntax.
///
/// A JSON object is a body; a property is a block when the schema names it (its value then holds
/// one nested object per label level, each level possibly an array of objects), otherwise an
/// attribute. `"//"` properties in bodies are comments. String values are templates, so
/// `"${var.x}"` means what it means in native syntax.
public enum HCLJSON {
    public static func parse(_ source: String, filename: String, schema: BodySchema) -> ParseResult {
        var bytes = Array(source.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let map = SourceMap(bytes: bytes, filename: filename)
        switch JSONReader.read(bytes) {
        case .failure(let failure):
            let range = map.range(failure.offset, min(bytes.count, failure.offset + 1))
            let diagnostic = Diagnostic(message: "Invalid JSON", range: range, notes: [failure.message + "."])
            return ParseResult(body: Body(attributes: [], blocks: [], range: map.range(0, 0)), diagnostics: [diagnostic])
        case .success(let root):
            var builder = JSONBodyBuilder(map: map)
            guard case .object(let properties, let start, let end) = root else {
                builder.error("Root value must be object", "The root value in a JSON-based configuration must be a JSON object.", root.start, root.end)
                return ParseResult(body: Body(attributes: [], blocks: [], range: map.range(0, 0)), diagnostics: builder.diagnostics)
            }
            let body = builder.body(properties, schema: schema, start: start, end: end)
            return ParseResult(body: body, diagnostics: builder.diagnostics)
        }
    }
}

struct JSONBodyBuilder {
    let map: SourceMap
    var diagnostics: [Diagnostic] = []

    mutating func error(_ message: String, _ detail: String, _ start: Int, _ end: Int) {
        diagnostics.append(Diagnostic(message: message, range: map.range(start, end), notes: [detail]))
    }

    mutating func body(_ properties: [JSONProperty], schema: BodySchema?, start: Int, end: Int) -> Body {
        var attributes: [Attribute] = []
        var blocks: [Block] = []
        var seen: [String: SourceRange] = [:]
        for property in properties where property.name != "//" {
            if let blockSchema = schema?.blocks[property.name] {
                var labels: [(String, SourceRange)] = []
                collectBlocks(property, property.value, schema: blockSchema, labels: &labels, into: &blocks)
                continue
            }
            let nameRange = map.range(property.nameStart, property.nameEnd)
            if let first = seen[property.name] {
                error(
                    "Duplicate argument", "The argument \"\(property.name)\" was already set at \(first.hclDescription). Each argument may be set only once.",
                    property.nameStart, property.nameEnd)
                continue
            }
            seen[property.name] = nameRange
            attributes.append(
                Attribute(
                    name: property.name, expression: expression(property.value),
                    range: map.range(property.nameStart, property.value.end), nameRange: nameRange))
        }
        return Body(attributes: attributes, blocks: blocks, range: map.range(start, end))
    }

    /// Descends one label level per nested object; arrays at any level hold several objects.
    private mutating func collectBlocks(
        _ property: JSONProperty, _ node: JSONNode, schema: BlockSchema, labels: inout [(String, SourceRange)], into blocks: inout [Block]
    ) {
        switch node {
        case .array(let items, _, _):
            for item in items { collectBlocks(property, item, schema: schema, labels: &labels, into: &blocks) }
        case .object(let properties, let start, let end):
            if labels.count < schema.labelCount {
                for child in properties where child.name != "//" {
                    labels.append((child.name, map.range(child.nameStart, child.nameEnd)))
                    collectBlocks(property, child.value, schema: schema, labels: &labels, into: &blocks)
                    labels.removeLast()
                }
                return
            }
            let bodySchema = schema.bodyForLabels.flatMap { $0(labels.map(\.0)) } ?? schema.body
            // A block's `typeRange` is its body's opening brace, HCL's DefRange for JSON blocks:
            // where Terraform reports problems with the block as a whole.
            let content = body(properties, schema: bodySchema, start: start, end: end)
            blocks.append(
                Block(
                    type: property.name, labels: labels.map(\.0), labelRanges: labels.map(\.1), body: content,
                    range: map.range(property.nameStart, end), typeRange: map.range(start, start + 1)))
        default:
            let what = labels.count < schema.labelCount ? "an object whose property names are block labels" : "a JSON object (or an array of objects)"
            error(
                "Incorrect JSON value type", "The block \"\(property.name)\" must be \(what).", node.start, node.end)
        }
    }

    /// A JSON value as an expression: strings are templates, arrays tuples, objects objects whose
    /// keys are templates too.
    mutating func expression(_ node: JSONNode) -> Expression {
        let range = map.range(node.start, node.end)
        switch node {
        case .null: return Expression(.literal(.null), range: range)
        case .bool(let value, _, _): return Expression(.literal(.bool(value)), range: range)
        case .number(let value, _, _): return Expression(.literal(.number(value)), range: range)
        case .string(let text, let start, _): return template(text, start: start, range: range)
        case .array(let items, _, _): return Expression(.tuple(items.map { expression($0) }), range: range)
        case .object(let properties, _, _):
            let items = properties.map { property in
                ObjectItem(
                    key: template(property.name, start: property.nameStart, range: map.range(property.nameStart, property.nameEnd)),
                    value: expression(property.value))
            }
            return Expression(.object(items), range: range)
        }
    }

    private mutating func template(_ text: String, start: Int, range: SourceRange) -> Expression {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return Expression(.literal(.string(text)), range: range) }
        let (parsed, problems) = HCLParser.parseTemplate(text, filename: map.filename, base: map.position(start + 1))
        diagnostics += problems
        var result = parsed
        result.range = range
        return result
    }
}
