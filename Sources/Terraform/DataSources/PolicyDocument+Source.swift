import DriftModel

/// A policy document given as JSON text (`source_policy_documents`, `override_policy_documents`),
/// read as the provider's Go `json.Unmarshal` reads it into its model: field names matched without
/// regard to case, unknown fields dropped, `Action`/`Resource` kept as they were, a principal list
/// sorted, `"*"` as principal type `*`, a boolean condition value as its text.
extension PolicyDocument {
    /// `nil` when the provider would fail or crash on the text (it is then not drift's to guess).
    init?(sourceJSON text: String) {
        guard case .object(let members)? = try? JSONParser.parse(text) else { return nil }
        self.init()
        guard let version = Self.optionalString(Self.field("Version", in: members)),
            let id = Self.optionalString(Self.field("Id", in: members))
        else { return nil }
        self.version = version
        self.id = id
        switch Self.field("Statement", in: members) {
        case nil, .null?: break
        case .array(let items)?:
            for item in items {
                guard case .object(let fields) = item, let statement = Statement(source: fields) else { return nil }
                statements.append(statement)
            }
        default: return nil
        }
    }

    /// Go matches a JSON key to a struct field exactly, else ignoring case.
    static func field(_ name: String, in members: [String: Value]) -> Value? {
        if let exact = members[name] { return exact }
        let folded = name.lowercased()
        return members.first { $0.key.lowercased() == folded }?.value
    }

    /// A string field: `""` when absent or null, `nil` when of another type.
    static func optionalString(_ value: Value?) -> String? {
        switch value {
        case nil, .null?: return ""
        case .string(let text)?: return text
        default: return nil
        }
    }

    /// An `any` field written back by `json.Marshal`: `nil` for absent or null (omitted).
    static func anyJSON(_ value: Value?) -> GoJSON?? {
        switch value {
        case nil, .null?: return .some(nil)
        case let value?: return GoJSON(value).map { .some($0) } ?? nil
        }
    }
}

extension PolicyDocument.Statement {
    init?(source fields: [String: Value]) {
        self.init()
        guard let sid = PolicyDocument.optionalString(PolicyDocument.field("Sid", in: fields)),
            let effect = PolicyDocument.optionalString(PolicyDocument.field("Effect", in: fields)),
            let actions = PolicyDocument.anyJSON(PolicyDocument.field("Action", in: fields)),
            let notActions = PolicyDocument.anyJSON(PolicyDocument.field("NotAction", in: fields)),
            let resources = PolicyDocument.anyJSON(PolicyDocument.field("Resource", in: fields)),
            let notResources = PolicyDocument.anyJSON(PolicyDocument.field("NotResource", in: fields)),
            let principals = Self.principals(PolicyDocument.field("Principal", in: fields)),
            let notPrincipals = Self.principals(PolicyDocument.field("NotPrincipal", in: fields)),
            let conditions = Self.conditions(PolicyDocument.field("Condition", in: fields))
        else { return nil }
        (self.sid, self.effect, self.actions, self.notActions) = (sid, effect, actions, notActions)
        (self.resources, self.notResources) = (resources, notResources)
        (self.principals, self.notPrincipals, self.conditions) = (principals, notPrincipals, conditions)
    }

    /// `"*"` (any string) is type `*`; an object maps types to one identifier or a list (sorted).
    static func principals(_ value: Value?) -> [PolicyDocument.Principal]? {
        switch value {
        case nil: return []
        case .string?: return [PolicyDocument.Principal(type: "*", identifiers: .many(["*"]))]
        case .object(let byType)?:
            var out: [PolicyDocument.Principal] = []
            for (type, identifiers) in byType.sorted(by: { GoJSON.goLess($0.key, $1.key) }) {
                switch identifiers {
                case .string(let one): out.append(.init(type: type, identifiers: .one(one)))
                case .array(let items):
                    var strings: [String] = []
                    for item in items {
                        guard case .string(let text) = item else { return nil }
                        strings.append(text)
                    }
                    out.append(.init(type: type, identifiers: .many(strings.sorted(by: GoJSON.goLess))))
                default: return nil
                }
            }
            return out
        default: return nil
        }
    }

    /// Test → variable → a string, a boolean (as text) or a list of strings; other values are dropped.
    static func conditions(_ value: Value?) -> [PolicyDocument.Condition]? {
        switch value {
        case nil, .null?: return []
        case .object(let byTest)?:
            var out: [PolicyDocument.Condition] = []
            for (test, variables) in byTest.sorted(by: { GoJSON.goLess($0.key, $1.key) }) {
                if case .null = variables { continue }
                guard case .object(let byVariable) = variables else { return nil }
                for (variable, values) in byVariable.sorted(by: { GoJSON.goLess($0.key, $1.key) }) {
                    switch values {
                    case .string(let one): out.append(.init(test: test, variable: variable, values: .many([one])))
                    case .bool(let flag): out.append(.init(test: test, variable: variable, values: .one(flag ? "true" : "false")))
                    case .array(let items):
                        var strings: [String] = []
                        for item in items {
                            guard case .string(let text) = item else { return nil }
                            strings.append(text)
                        }
                        out.append(.init(test: test, variable: variable, values: .many(strings)))
                    default: continue
                    }
                }
            }
            return out
        default: return nil
        }
    }
}

extension GoJSON {
    /// A decoded JSON value as Go writes an `any` back: object keys sorted; `nil` for a number Go
    /// would write in a form drift does not reproduce (exponents, 16 or more digits).
    init?(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .string(let text): self = .string(text)
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 {
                self = .number(String(Int64(n)))
            } else if abs(n) >= 1e-6, abs(n) < 1e15, !"\(n)".contains("e") {
                self = .number("\(n)")
            } else {
                return nil
            }
        case .array(let items):
            var out: [GoJSON] = []
            for item in items {
                guard let converted = GoJSON(item) else { return nil }
                out.append(converted)
            }
            self = .array(out)
        case .object(let members):
            var out: [(String, GoJSON)] = []
            for (key, item) in members.sorted(by: { GoJSON.goLess($0.key, $1.key) }) {
                guard let converted = GoJSON(item) else { return nil }
                out.append((key, converted))
            }
            self = .object(out)
        }
    }
}
