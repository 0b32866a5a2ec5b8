extension HCLJSON {
    /// Reads a JSON document as a plain value, strings taken literally (no templates). This is
    /// how HCL reads JSON without an evaluation context, and how Terraform reads
    /// `*.tfvars.json` values and `variable` defaults in `.tf.json` files.
    public static func parseLiteral(_ source: String, filename: String) -> (HCLValue?, [Diagnostic]) {
        var bytes = Array(source.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        switch JSONReader.read(bytes) {
        case .failure(let failure):
            let map = SourceMap(bytes: bytes, filename: filename)
            let range = map.range(failure.offset, min(bytes.count, failure.offset + 1))
            return (nil, [Diagnostic(message: "Invalid JSON", range: range, notes: [failure.message + "."])])
        case .success(let root):
            return (literal(root), [])
        }
    }

    static func literal(_ node: JSONNode) -> HCLValue {
        switch node {
        case .null: return .null
        case .bool(let value, _, _): return .bool(value)
        case .number(let value, _, _): return .number(value)
        case .string(let text, _, _): return .string(text)
        case .array(let items, _, _): return .tuple(items.map(literal))
        case .object(let properties, _, _):
            var members: [String: HCLValue] = [:]
            for property in properties { members[property.name] = literal(property.value) }
            return .object(members)
        }
    }
}
