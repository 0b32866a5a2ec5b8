import DriftModel

/// IAM's notion of "the same policy": whitespace and key order do not matter, statements are an
/// unordered set, a one-element list equals its single string, `Action`/`Resource` (and their
/// `Not` forms, principals and condition values) are unordered sets, `"*"` equals `{"AWS": "*"}`,
/// and condition values `true` and `"true"` are one value. This is the equivalence the AWS
/// provider applies before it shows a policy diff.
enum PolicyDocument {
    static func isPolicy(_ document: Value) -> Bool {
        document["Statement"] != nil
    }

    /// A canonical form: two documents are IAM-equivalent exactly when their forms are equal.
    static func normalized(_ document: Value) -> Value {
        guard case .object(var members) = document else { return document }
        if let statement = members["Statement"] {
            let statements = statement.arrayValue ?? [statement]
            let normalized = statements.map(normalizedStatement)
            let unique = Dictionary(normalized.map { ($0.canonicalJSON(), $0) }, uniquingKeysWith: { a, _ in a })
            members["Statement"] = .array(unique.keys.sorted().compactMap { unique[$0] })
        }
        return .object(members.mapValues { $0.textNormalized })
    }

    private static let setKeys: Set<String> = ["Action", "NotAction", "Resource", "NotResource"]

    private static func normalizedStatement(_ statement: Value) -> Value {
        guard case .object(let members) = statement else { return statement }
        var out: [String: Value] = [:]
        for (key, value) in members {
            switch key {
            case _ where setKeys.contains(key): out[key] = stringSet(value)
            case "Principal", "NotPrincipal": out[key] = principal(value)
            case "Condition": out[key] = condition(value)
            case "Sid": if value.scalarText?.isEmpty == false { out[key] = value.textNormalized }
            default: out[key] = value.textNormalized
            }
        }
        return .object(out)
    }

    /// A string or list of strings as a sorted, duplicate-free list.
    private static func stringSet(_ value: Value) -> Value {
        let items = value.arrayValue ?? [value]
        let texts = Set(items.compactMap(\.scalarText))
        return .array(texts.sorted().map(Value.string))
    }

    private static func principal(_ value: Value) -> Value {
        if value.scalarText == "*" { return .object(["AWS": .array(["*"])]) }
        guard case .object(let members) = value else { return value.textNormalized }
        return .object(members.mapValues(stringSet))
    }

    private static func condition(_ value: Value) -> Value {
        guard case .object(let operators) = value else { return value.textNormalized }
        return .object(operators.mapValues { keys in
            guard case .object(let members) = keys else { return keys.textNormalized }
            return .object(members.mapValues(stringSet))
        })
    }
}
