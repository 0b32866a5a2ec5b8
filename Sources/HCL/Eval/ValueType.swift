/// The structural type of an `HCLValue`, as far as HCL's type unification needs it: the
/// conditional operator converts both results to one unified type (`true ? 1 : "x"` is `"1"`,
/// `true ? [1] : ["a"]` is `["1"]`), following cty's unification rules.
indirect enum ValueType: Equatable {
    case dynamic
    case string, number, bool
    case tuple([ValueType])
    case list(ValueType)
    case set(ValueType)
    case object([String: ValueType])
    case map(ValueType)

    init(of value: HCLValue) {
        switch value {
        case .null, .unknown: self = .dynamic
        case .string: self = .string
        case .number: self = .number
        case .bool: self = .bool
        case .tuple(let items): self = .tuple(items.map(ValueType.init(of:)))
        case .set(let items): self = .set(ValueType.unifyAll(items.map(ValueType.init(of:))) ?? .dynamic)
        case .object(let members): self = .object(members.mapValues(ValueType.init(of:)))
        }
    }

    static func unifyAll(_ types: [ValueType]) -> ValueType? {
        var result = ValueType.dynamic
        for type in types {
            guard let unified = unify(result, type) else { return nil }
            result = unified
        }
        return result
    }

    /// The type both `a` and `b` convert to, or nil when there is none.
    static func unify(_ a: ValueType, _ b: ValueType) -> ValueType? {
        if a == b { return a }
        switch (a, b) {
        case (.dynamic, _): return b
        case (_, .dynamic): return a
        case (.string, .number), (.number, .string), (.string, .bool), (.bool, .string): return .string
        case (.tuple(let x), .tuple(let y)) where x.count == y.count:
            var elements: [ValueType] = []
            for (l, r) in zip(x, y) {
                guard let element = unify(l, r) else { return nil }
                elements.append(element)
            }
            return .tuple(elements)
        case (.tuple(let x), .tuple(let y)):
            return unifyAll(x + y).map(ValueType.list)
        case (.tuple(let x), .list(let e)), (.list(let e), .tuple(let x)):
            return unifyAll(x + [e]).map(ValueType.list)
        case (.list(let x), .list(let y)):
            return unify(x, y).map(ValueType.list)
        case (.set(let x), .set(let y)):
            return unify(x, y).map(ValueType.set)
        case (.object(let x), .object(let y)) where Set(x.keys) == Set(y.keys):
            var members: [String: ValueType] = [:]
            for (key, l) in x {
                guard let r = y[key], let member = unify(l, r) else { return nil }
                members[key] = member
            }
            return .object(members)
        case (.object(let x), .object(let y)):
            return unifyAll(Array(x.values) + Array(y.values)).map(ValueType.map)
        case (.object(let x), .map(let e)), (.map(let e), .object(let x)):
            return unifyAll(Array(x.values) + [e]).map(ValueType.map)
        case (.map(let x), .map(let y)):
            return unify(x, y).map(ValueType.map)
        default:
            return nil
        }
    }

    /// `value` converted to this type (only the conversions unification can call for).
    func convert(_ value: HCLValue) -> HCLValue {
        switch (self, value) {
        case (_, .null), (_, .unknown), (.dynamic, _):
            return value
        case (.string, _):
            return value.asString.map(HCLValue.string) ?? value
        case (.tuple(let types), .tuple(let items)) where types.count == items.count:
            return .tuple(zip(types, items).map { $0.convert($1) })
        case (.list(let element), .tuple(let items)):
            return .tuple(items.map(element.convert))
        case (.set(let element), .set(let items)):
            return HCLValue.normalizedSet(items.map(element.convert))
        case (.object(let types), .object(let members)):
            return .object(members.reduce(into: [:]) { $0[$1.key] = types[$1.key]?.convert($1.value) ?? $1.value })
        case (.map(let element), .object(let members)):
            return .object(members.mapValues(element.convert))
        default:
            return value
        }
    }
}

extension ValueType {
    /// How HCL names a type in messages.
    var friendlyName: String {
        switch self {
        case .dynamic: return "dynamic"
        case .string: return "string"
        case .number: return "number"
        case .bool: return "bool"
        case .tuple: return "tuple"
        case .list: return "list"
        case .set: return "set"
        case .object: return "object"
        case .map: return "map"
        }
    }

    /// Why the two results of a conditional cannot be unified, in HCL's words.
    static func mismatch(_ a: ValueType, _ b: ValueType) -> String? {
        if case .object(let x) = a, case .object(let y) = b {
            if let name = x.keys.sorted().first(where: { y[$0] == nil }) {
                return "The 'true' value includes object attribute \"\(name)\", which is absent in the 'false' value."
            }
            if let name = y.keys.sorted().first(where: { x[$0] == nil }) {
                return "The 'false' value includes object attribute \"\(name)\", which is absent in the 'true' value."
            }
            return nil
        }
        guard a.friendlyName != b.friendlyName else { return nil }
        return "The 'true' value is \(a.friendlyName), but the 'false' value is \(b.friendlyName)."
    }
}

extension SourceRange {
    /// From this range's start to `other`'s end.
    func spanning(_ other: SourceRange) -> SourceRange {
        SourceRange(filename: filename, start: start, end: other.end)
    }
}
