import HCL

/// cty's unification, for `list(any)`, `set(any)`, `map(any)` and `tolist`/`toset`/`tomap`: the
/// one type every element can convert to. Mixed primitives become strings (numbers and bools
/// alone have no common type); objects with the same attributes unify attribute-wise, objects with
/// different ones become a map; tuples of one length unify element-wise, of different lengths a list.
enum TypeUnification {
    /// The type cty infers for a value (null and unknown carry no type: `.any`).
    static func inferred(_ value: HCLValue) -> TypeConstraint {
        switch value {
        case .null, .unknown: return .any
        case .string: return .string
        case .number: return .number
        case .bool: return .bool
        case .tuple(let items): return .tuple(items.map(inferred))
        case .set(let items): return .set(unify(items.map(inferred)) ?? .any)
        case .object(let members): return .object(members.mapValues { ObjectAttribute(type: inferred($0)) })
        }
    }

    /// The common type, or nil when there is none.
    static func unify(_ types: [TypeConstraint]) -> TypeConstraint? {
        let known = types.filter { $0 != .any }
        guard let first = known.first else { return .any }
        if known.allSatisfy({ $0 == first }) { return first }
        if known.allSatisfy(\.isPrimitive) {
            return known.contains(.string) ? .string : nil
        }
        if known.allSatisfy({ if case .object = $0 { return true } else { return false } }) {
            let objects = known.compactMap { type -> [String: ObjectAttribute]? in
                if case .object(let attributes) = type { return attributes } else { return nil }
            }
            let names = Set(objects[0].keys)
            if objects.allSatisfy({ Set($0.keys) == names }) {
                var unified: [String: ObjectAttribute] = [:]
                for name in names {
                    guard let type = unify(objects.compactMap { $0[name]?.type }) else { return nil }
                    unified[name] = ObjectAttribute(type: type)
                }
                return .object(unified)
            }
            return unify(objects.flatMap { $0.values.map(\.type) }).map(TypeConstraint.map)
        }
        if known.allSatisfy({ if case .map = $0 { return true } else { return false } }) {
            return unify(known.compactMap { if case .map(let element) = $0 { return element } else { return nil } }).map(TypeConstraint.map)
        }
        let sequences = known.compactMap { type -> [TypeConstraint]? in
            switch type {
            case .tuple(let elements): return elements
            case .list(let element): return [element]
            default: return nil
            }
        }
        if sequences.count == known.count {
            let tuples = known.compactMap { if case .tuple(let elements) = $0 { return elements } else { return nil } }
            if tuples.count == known.count, let length = tuples.first?.count, tuples.allSatisfy({ $0.count == length }) {
                var unified: [TypeConstraint] = []
                for index in 0..<length {
                    guard let type = unify(tuples.map { $0[index] }) else { return nil }
                    unified.append(type)
                }
                return .tuple(unified)
            }
            return unify(sequences.flatMap { $0 }).map(TypeConstraint.list)
        }
        if known.allSatisfy({ if case .set = $0 { return true } else { return false } }) {
            return unify(known.compactMap { if case .set(let element) = $0 { return element } else { return nil } }).map(TypeConstraint.set)
        }
        return nil
    }
}
