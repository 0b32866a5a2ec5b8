/// An IAM policy document as the AWS provider's `aws_iam_policy_document` builds it: the source
/// documents, then the block's own statements, then the override documents, merged by `Sid`, and
/// written with Go's `encoding/json` in the provider's key order. Rendering it offline makes every
/// policy built from one known to `drift baseline`, as it is to `terraform plan` (a data source
/// without a call: the provider reads it during plan).
///
/// Shapes follow the provider's model (internal/service/iam, hashicorp/aws 5.x), checked against
/// its output by `scripts/capture-policy-documents`.
struct PolicyDocument {
    var version = ""
    var id = ""
    var statements: [Statement] = []

    /// A list written as one string when it holds one item (the provider's `any` fields).
    enum Strings {
        case one(String)
        case many([String])
    }

    struct Principal {
        var type: String
        var identifiers: Strings
    }

    struct Condition {
        var test: String
        var variable: String
        var values: Strings
    }

    struct Statement {
        var sid = ""
        var effect = ""
        /// As given: the block's sets are a string or a reverse-sorted list; a source document's
        /// value is written back as it was read.
        var actions: GoJSON?
        var notActions: GoJSON?
        var resources: GoJSON?
        var notResources: GoJSON?
        var principals: [Principal] = []
        var notPrincipals: [Principal] = []
        var conditions: [Condition] = []
    }

    /// The provider's `Merge`: a later document's `Id` wins, its `Version` only when greater, and
    /// each statement with a `Sid` replaces the statement with that `Sid` in place (else appends).
    mutating func merge(_ other: PolicyDocument) {
        if !other.id.isEmpty { id = other.id }
        if GoJSON.goLess(version, other.version) { version = other.version }
        for statement in other.statements {
            if !statement.sid.isEmpty, let i = statements.firstIndex(where: { $0.sid == statement.sid }) {
                statements[i] = statement
            } else {
                statements.append(statement)
            }
        }
    }

    var json: GoJSON {
        var members: [(String, GoJSON)] = []
        if !version.isEmpty { members.append(("Version", .string(version))) }
        if !id.isEmpty { members.append(("Id", .string(id))) }
        if !statements.isEmpty { members.append(("Statement", .array(statements.map(\.json)))) }
        return .object(members)
    }

    /// `json`, `minified_json` and `id` (the CRC-32 of `json`, as the provider sets it).
    var rendered: (json: String, minified: String, id: String) {
        let tree = json
        let text = tree.indented
        return (text, tree.minified, CRC32.hashString(text))
    }
}

extension PolicyDocument.Strings {
    var items: [String] {
        switch self {
        case .one(let item): return [item]
        case .many(let items): return items
        }
    }

    var json: GoJSON {
        switch self {
        case .one(let item): return .string(item)
        case .many(let items): return .array(items.map(GoJSON.string))
        }
    }

    /// The provider's `policyDecodeConfigStrings`: one item alone, else sorted in reverse (by bytes).
    static func decoded(_ items: [String]) -> Self {
        items.count == 1 ? .one(items[0]) : .many(reverseSorted(items))
    }

    static func reverseSorted(_ items: [String]) -> [String] {
        items.sorted { GoJSON.goLess($1, $0) }
    }

    func map(_ transform: (String) -> String) -> Self {
        switch self {
        case .one(let item): return .one(transform(item))
        case .many(let items): return .many(items.map(transform))
        }
    }
}

extension PolicyDocument.Statement {
    var json: GoJSON {
        var members: [(String, GoJSON)] = []
        if !sid.isEmpty { members.append(("Sid", .string(sid))) }
        if !effect.isEmpty { members.append(("Effect", .string(effect))) }
        if let actions { members.append(("Action", actions)) }
        if let notActions { members.append(("NotAction", notActions)) }
        if let resources { members.append(("Resource", resources)) }
        if let notResources { members.append(("NotResource", notResources)) }
        if !principals.isEmpty { members.append(("Principal", Self.json(principals))) }
        if !notPrincipals.isEmpty { members.append(("NotPrincipal", Self.json(notPrincipals))) }
        if !conditions.isEmpty { members.append(("Condition", Self.json(conditions))) }
        return .object(members)
    }

    /// One principal of type `*` with identifier `*` is the bare `"*"`; otherwise identifiers
    /// gather by type (a list sorted in reverse, a single one appended as it comes).
    static func json(_ principals: [PolicyDocument.Principal]) -> GoJSON {
        if principals.count == 1, principals[0].type == "*", principals[0].identifiers.items == ["*"] {
            return .string("*")
        }
        var byType: [String: PolicyDocument.Strings] = [:]
        for principal in principals {
            let existing = byType[principal.type]
            switch principal.identifiers {
            case .many(let items):
                byType[principal.type] = .many((existing?.items ?? []) + PolicyDocument.Strings.reverseSorted(items))
            case .one(let item):
                switch existing {
                case nil: byType[principal.type] = .one(item)
                case .one(let first)?: byType[principal.type] = .many([first, item])
                case .many(let items)?: byType[principal.type] = .many(items + [item])
                }
            }
        }
        return .object(byType.sorted { GoJSON.goLess($0.key, $1.key) }.map { ($0.key, $0.value.json) })
    }

    /// Conditions by test, then variable; values of one test and variable gathered in order, a
    /// single value written alone.
    static func json(_ conditions: [PolicyDocument.Condition]) -> GoJSON {
        var byTest: [String: [String: [String]]] = [:]
        for condition in conditions {
            byTest[condition.test, default: [:]][condition.variable, default: []] += condition.values.items
        }
        return .object(byTest.sorted { GoJSON.goLess($0.key, $1.key) }.map { test, variables in
            (test, .object(variables.sorted { GoJSON.goLess($0.key, $1.key) }.map { variable, values in
                (variable, values.count == 1 ? .string(values[0]) : .array(values.map(GoJSON.string)))
            }))
        })
    }
}
