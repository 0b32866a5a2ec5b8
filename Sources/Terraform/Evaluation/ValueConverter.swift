import DriftModel
import HCL

/// `HCLValue` → the provider's JSON shapes (`Value`), guided by the schema: nested blocks as
/// arrays of objects (with the provider's defaults for their unset arguments), map values as
/// strings, string sets sorted and de-duplicated as Terraform orders them.
enum ValueConverter {
    static func convert(_ value: HCLValue, schema: AttributeSchema?) -> Value {
        guard let schema else { return plain(value) }
        if schema.kind == .block {
            let items: [HCLValue]
            switch value {
            case .tuple(let list), .set(let list): items = list
            case .object: items = [value]
            default: return plain(value)
            }
            var objects: [Value] = items.map { item in
                guard case .object(let members) = item else { return plain(item) }
                return .object(convertObject(members, schema: schema))
            }
            if schema.nesting == .set { objects = dedup(objects) }
            return .array(objects)
        }
        switch (schema.nesting, value) {
        case (.map, .object(let members)):
            // Terraform converts a map's numbers to strings with their exact decimal text.
            return .object(members.mapValues { member in
                if case .number(let n) = member { return .string(n.text) }
                return plain(member).stringified
            })
        case (.set, .tuple(let items)), (.set, .set(let items)):
            return .array(sortedSet(items.map(plain)))
        default:
            return plain(value)
        }
    }

    /// A declared block's members, plus the default plan fills in for each unset one that has one,
    /// and the schema's conditional rules (`PlanRules`).
    private static func convertObject(_ members: [String: HCLValue], schema: AttributeSchema) -> [String: Value] {
        var out: [String: Value] = [:]
        for (name, member) in members where member != .null && !isNoBlocks(member, schema: schema.nested[name]) {
            out[name] = convert(member, schema: schema.nested[name])
        }
        for (name, defaultValue) in schema.nestedDefaults where out[name] == nil {
            out[name] = defaultValue
        }
        PlanRules.apply(schema.nestedConditional, schema: schema.nested, to: &out)
        return out
    }

    /// Zero blocks of a block type: what a `dynamic` block over an empty collection makes. As in
    /// Terraform, that is the same as writing no block at all, so the argument is left unset (for
    /// an optional+computed block: not compared), never declared as "no blocks".
    static func isNoBlocks(_ value: HCLValue, schema: AttributeSchema?) -> Bool {
        guard schema?.kind == .block else { return false }
        switch value {
        case .tuple(let items), .set(let items): return items.isEmpty
        default: return false
        }
    }

    /// No schema: tuples and sets as arrays (sets in canonical order), objects as objects.
    static func plain(_ value: HCLValue) -> Value {
        switch value {
        case .null, .unknown: return .null
        case .bool(let b): return .bool(b)
        // A number no Double holds as Terraform prints it is not compared, like an unknown.
        case .number(let n): return n.modelDouble.map(Value.number) ?? .null
        case .string(let s): return .string(s)
        case .tuple(let items): return .array(items.map(plain))
        case .set(let items): return .array(sortedSet(items.map(plain)))
        case .object(let members): return .object(members.mapValues(plain))
        }
    }

    static func hclValue(_ value: Value) -> HCLValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(HCLNumber(modelDouble: n))
        case .string(let s): return .string(s)
        case .array(let items): return .tuple(items.map(hclValue))
        case .object(let members): return .object(members.mapValues(hclValue))
        }
    }

    /// Strings sort lexically (Terraform's order for sets of strings); other elements keep
    /// first-seen order without duplicates.
    private static func sortedSet(_ items: [Value]) -> [Value] {
        let unique = dedup(items)
        let strings = unique.compactMap(\.stringValue)
        if strings.count == unique.count { return strings.sorted().map(Value.string) }
        let numbers = unique.compactMap(\.numberValue)
        if numbers.count == unique.count { return numbers.sorted().map(Value.number) }
        return unique
    }

    private static func dedup(_ items: [Value]) -> [Value] {
        var seen: Set<Value> = []
        return items.filter { seen.insert($0).inserted }
    }
}

extension Value {
    /// Numbers and bools as Terraform converts them to strings (`80` → `"80"`).
    var stringified: Value {
        switch self {
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { return .string(String(Int64(n))) }
            return .string(String(n))
        case .bool(let b): return .string(b ? "true" : "false")
        default: return self
        }
    }
}
