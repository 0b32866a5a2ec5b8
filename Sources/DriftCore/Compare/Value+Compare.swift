import DriftModel

/// The value-level notions the comparer shares: a scalar's text (Terraform converts a
/// configuration's `"5"` to the schema's number 5, so both sides compare as text), and the
/// "zero value" that the provider's SDK treats as the same as unset (`""`, `false`, `0`, empty
/// collections, a block whose every field is zero).
extension Value {
    /// The text of a string, number or bool; `nil` for null and collections.
    var scalarText: String? {
        switch self {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return Value.format(number: n)
        case .null, .array, .object: return nil
        }
    }

    var isZeroish: Bool {
        switch self {
        case .null: return true
        case .string(let s): return s.isEmpty
        case .bool(let b): return !b
        case .number(let n): return n == 0
        case .array(let items): return items.allSatisfy(\.isZeroish)
        case .object(let members): return members.values.allSatisfy(\.isZeroish)
        }
    }

    /// Scalars turned to their text, recursively, so that `5` and `"5"` print alike.
    var textNormalized: Value {
        switch self {
        case .null: return .null
        case .string, .bool, .number: return .string(scalarText ?? "")
        case .array(let items): return .array(items.map(\.textNormalized))
        case .object(let members): return .object(members.mapValues(\.textNormalized))
        }
    }

    /// Object members whose value is zero dropped, recursively: the comparable core of a block.
    var withoutZeroMembers: Value {
        switch self {
        case .array(let items): return .array(items.map(\.withoutZeroMembers))
        case .object(let members):
            var kept: [String: Value] = [:]
            for (k, v) in members where !v.isZeroish { kept[k] = v.withoutZeroMembers }
            return .object(kept)
        default: return self
        }
    }
}

/// Scalar equality as the provider sees it: text equality, unset equal to a zero value, and JSON
/// documents (policies above all) equal when they mean the same thing.
enum ScalarEquivalence {
    static func equal(_ declared: Value, _ live: Value) -> Bool {
        if declared.isNull || live.isNull { return declared.isZeroish && live.isZeroish }
        guard let d = declared.scalarText, let l = live.scalarText else {
            return declared.textNormalized == live.textNormalized
        }
        if d == l { return true }
        return jsonEquivalent(d, l) ?? false
    }

    /// `nil` when either text is not a JSON document; policies compare under IAM's rules.
    static func jsonEquivalent(_ a: String, _ b: String) -> Bool? {
        guard looksLikeJSON(a), looksLikeJSON(b),
            let va = try? JSONParser.parse(a), let vb = try? JSONParser.parse(b)
        else { return nil }
        if PolicyDocument.isPolicy(va) || PolicyDocument.isPolicy(vb) {
            return PolicyDocument.normalized(va) == PolicyDocument.normalized(vb)
        }
        return va == vb
    }

    private static func looksLikeJSON(_ s: String) -> Bool {
        guard let first = s.first(where: { !$0.isWhitespace }) else { return false }
        return first == "{" || first == "["
    }
}
