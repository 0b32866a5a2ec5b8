import DriftModel

/// One difference found below a top-level argument.
struct Difference: Sendable, Hashable {
    var path: String
    var declared: Value
    var live: Value
}

/// Compares one argument's declared value with its live value under the provider schema: maps
/// key by key, sets without order, nested blocks field by field where a field the configuration
/// leaves unset counts only when the provider does not compute it. Every rule here is read from
/// the `AttributeSchema`, none from the argument's name.
enum SchemaDiffer {
    static func diff(path: String, schema: AttributeSchema?, declared: Value, live: Value) -> [Difference] {
        guard let schema else { return diffWithoutSchema(path: path, declared: declared, live: live) }
        switch (schema.kind, schema.nesting) {
        case (.attribute, .map):
            return diffMap(path: path, declared: declared.objectValue ?? [:], live: live.objectValue ?? [:])
        case (.attribute, .set):
            return sameSet(declared.arrayValue ?? [], live.arrayValue ?? [], schema: schema)
                ? [] : [Difference(path: path, declared: declared, live: live)]
        case (.attribute, .list):
            let d = declared.arrayValue ?? [], l = live.arrayValue ?? []
            let same = d.count == l.count && zip(d, l).allSatisfy { ScalarEquivalence.equal($0, $1) }
            return same ? [] : [Difference(path: path, declared: declared, live: live)]
        case (.attribute, .single):
            if declared.objectValue != nil || declared.arrayValue != nil {
                return diffWithoutSchema(path: path, declared: declared, live: live)
            }
            return ScalarEquivalence.equal(declared, live) ? [] : [Difference(path: path, declared: declared, live: live)]
        case (.block, .set) where !schema.setKey.isEmpty:
            return diffKeyedSet(path: path, schema: schema, declared: blocks(declared), live: blocks(live))
        case (.block, .set):
            return diffBlockSet(path: path, schema: schema, declared: blocks(declared), live: blocks(live))
        case (.block, _):
            return diffBlockList(path: path, schema: schema, declared: blocks(declared), live: blocks(live))
        }
    }

    /// A block value as a list of objects (a single-nested block may come as one object).
    private static func blocks(_ value: Value) -> [Value] {
        switch value {
        case .array(let items): return items
        case .object: return [value]
        default: return []
        }
    }

    private static func diffMap(path: String, declared: [String: Value], live: [String: Value]) -> [Difference] {
        var out: [Difference] = []
        for key in Set(declared.keys).union(live.keys).sorted() {
            let d = declared[key] ?? .null, l = live[key] ?? .null
            if d.isNull && l.isNull { continue }
            if d.isNull || l.isNull || !ScalarEquivalence.equal(d, l) {
                out.append(Difference(path: "\(path).\(key)", declared: d, live: l))
            }
        }
        return out
    }

    private static func diffBlockList(path: String, schema: AttributeSchema, declared: [Value], live: [Value]) -> [Difference] {
        var d = declared, l = live
        if d.count != l.count {
            // A block whose every field is zero is how the provider writes "not configured".
            d.removeAll(where: \.isZeroish)
            l.removeAll(where: \.isZeroish)
        }
        guard d.count == l.count else {
            return [Difference(path: path, declared: .array(declared), live: .array(project(live, schema: schema.nested, samples: declared, typed: true)))]
        }
        var out: [Difference] = []
        for (i, (de, le)) in zip(d, l).enumerated() {
            out += diffBlock(path: "\(path)[\(i)]", nested: schema.nested, declared: de.objectValue ?? [:], live: le.objectValue ?? [:])
        }
        return out
    }

    /// One block's fields: what the configuration sets, plus unset fields the provider does not
    /// compute (their default, or the zero value, is what Terraform would write back).
    static func diffBlock(path: String, nested: [String: AttributeSchema], declared: [String: Value], live: [String: Value]) -> [Difference] {
        var out: [Difference] = []
        let keys = Set(declared.filter { !$0.value.isNull }.keys).union(nested.keys)
        for key in keys.sorted() {
            let schema = nested[key]
            if schema?.isComputedOnly == true { continue }
            if PlanRules.isSuppressed(key, schema: nested, in: declared) { continue }
            guard let l = live[key] else { continue }  // not described live: nothing to compare
            let d: Value
            if let value = declared[key], !value.isNull {
                d = value
            } else {
                guard let schema, !schema.computed else { continue }
                if let same = schema.unsetEquivalent, ScalarEquivalence.equal(same, l) { continue }
                d = schema.defaultValue ?? .null
            }
            out += diff(path: "\(path).\(key)", schema: schema, declared: d, live: l)
        }
        return out
    }

    private static func diffBlockSet(path: String, schema: AttributeSchema, declared: [Value], live: [Value]) -> [Difference] {
        let d = project(declared, schema: schema.nested, samples: declared)
        let l = project(live, schema: schema.nested, samples: declared)
        if multiset(d) == multiset(l) { return [] }
        return [Difference(path: path, declared: .array(declared), live: .array(project(live, schema: schema.nested, samples: declared, typed: true)))]
    }

    /// A set the provider hashes by `setKey` only: elements are told apart by their key (an unset
    /// key field counts as its zero value), and an element still found never drifts in its other
    /// fields, so the set drifts only when a key is on one side alone (or on both, a different
    /// number of times).
    private static func diffKeyedSet(path: String, schema: AttributeSchema, declared: [Value], live: [Value]) -> [Difference] {
        func keys(_ elements: [Value]) -> [String: Int] {
            var counts: [String: Int] = [:]
            for element in elements {
                let key = schema.setKey.map { name -> Value in
                    let field = element[name] ?? .null
                    return field.isZeroish ? .string("") : field.textNormalized
                }
                counts[Value.array(key).canonicalJSON(), default: 0] += 1
            }
            return counts
        }
        if keys(declared) == keys(live) { return [] }
        return [Difference(path: path, declared: .array(declared), live: .array(project(live, schema: schema.nested, samples: declared, typed: true)))]
    }

    private static func sameSet(_ declared: [Value], _ live: [Value], schema: AttributeSchema) -> Bool {
        let d = declared.filter { !$0.isNull }.map(\.textNormalized), l = live.filter { !$0.isNull }.map(\.textNormalized)
        return Set(d.map { $0.canonicalJSON() }) == Set(l.map { $0.canonicalJSON() })
    }

    private static func multiset(_ items: [Value]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for item in items where !item.isZeroish { counts[item.textNormalized.canonicalJSON(), default: 0] += 1 }
        return counts
    }

    /// Block elements reduced to what can drift: computed-only fields dropped, optional+computed
    /// fields dropped unless some declared element sets them, zero fields dropped (unset ≡ zero).
    /// `typed`: values as they are (for the report, in the provider's types); otherwise as text, so
    /// that `10` and `"10"` compare equal as Terraform's conversion makes them.
    static func project(
        _ elements: [Value], schema nested: [String: AttributeSchema], samples: [Value], typed: Bool = false
    ) -> [Value] {
        var declaredKeys: Set<String> = []
        for sample in samples {
            for (k, v) in sample.objectValue ?? [:] where !v.isNull { declaredKeys.insert(k) }
        }
        return elements.map { element in
            guard case .object(let members) = element else { return typed ? element : element.textNormalized }
            var kept: [String: Value] = [:]
            for (key, value) in members where !value.isZeroish {
                let schema = nested[key]
                if schema?.isComputedOnly == true { continue }
                if schema?.computed == true && !declaredKeys.contains(key) { continue }
                if nested.isEmpty == false && schema == nil && !declaredKeys.contains(key) { continue }
                if let schema, schema.kind == .block {
                    let childSamples = samples.flatMap { blocks($0[key] ?? .null) }
                    kept[key] = .array(project(blocks(value), schema: schema.nested, samples: childSamples, typed: typed))
                } else {
                    kept[key] = typed ? value : value.textNormalized
                }
            }
            return .object(kept)
        }
    }

    /// Without a schema only what the configuration sets is compared.
    private static func diffWithoutSchema(path: String, declared: Value, live: Value) -> [Difference] {
        switch (declared, live) {
        case (.object(let d), .object(let l)):
            var out: [Difference] = []
            for (key, value) in d.sorted(by: { $0.key < $1.key }) where !value.isNull {
                guard let lv = l[key] else { continue }
                out += diffWithoutSchema(path: "\(path).\(key)", declared: value, live: lv)
            }
            return out
        case (.array(let d), .array(let l)) where d.count == l.count:
            return zip(d, l).enumerated().flatMap { i, pair in
                diffWithoutSchema(path: "\(path)[\(i)]", declared: pair.0, live: pair.1)
            }
        default:
            return ScalarEquivalence.equal(declared, live) ? [] : [Difference(path: path, declared: declared, live: live)]
        }
    }
}
