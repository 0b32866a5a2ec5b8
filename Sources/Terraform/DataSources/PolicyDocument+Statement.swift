import HCL

/// One `statement` block of `aws_iam_policy_document`, as the provider decodes it.
extension PolicyDocument.Statement {
    enum Outcome {
        case built(PolicyDocument.Statement)
        case unknown
        case failed(String)
    }

    static func build(_ block: HCLValue, version: String) -> Outcome {
        guard case .object(let arguments) = block else { return .unknown }
        var statement = PolicyDocument.Statement()
        guard let effect = PolicyDocument.optionalString(arguments["effect"]),
            let sid = PolicyDocument.optionalString(arguments["sid"])
        else { return .unknown }
        statement.effect = effect ?? "Allow"
        guard statement.effect == "Allow" || statement.effect == "Deny" else {
            return .failed("expected statement effect to be one of [\"Allow\" \"Deny\"], got \(statement.effect)")
        }
        statement.sid = sid ?? ""
        guard statement.sid.unicodeScalars.allSatisfy({ ("a"..."z").contains($0)
            || ("A"..."Z").contains($0) || ("0"..."9").contains($0) })
        else { return .failed("invalid value for statement sid (must only include alphanumeric characters)") }
        guard let actions = PolicyDocument.stringSet(arguments["actions"]),
            let notActions = PolicyDocument.stringSet(arguments["not_actions"]),
            let resources = PolicyDocument.stringSet(arguments["resources"]),
            let notResources = PolicyDocument.stringSet(arguments["not_resources"])
        else { return .unknown }
        if !actions.isEmpty { statement.actions = PolicyDocument.Strings.decoded(actions).json }
        if !notActions.isEmpty { statement.notActions = PolicyDocument.Strings.decoded(notActions).json }
        for (items, name) in [(resources, "resources"), (notResources, "not_resources")] where !items.isEmpty {
            let decoded = PolicyDocument.Strings.decoded(items)
            switch PolicyDocument.replacingVariables(decoded.items, version: version, name: name) {
            case .failure(let failure): return .failed(failure.message)
            case .success(let replaced):
                let json = decoded.count == 1 ? GoJSON.string(replaced[0]) : .array(replaced.map(GoJSON.string))
                if name == "resources" { statement.resources = json } else { statement.notResources = json }
            }
        }
        for name in ["principals", "not_principals"] {
            switch principals(arguments[name], version: version) {
            case .failure(let failure): return .failed(failure.message)
            case .success(nil): return .unknown
            case .success(let list?):
                if name == "principals" { statement.principals = list } else { statement.notPrincipals = list }
            }
        }
        switch conditions(arguments["condition"], version: version) {
        case .failure(let failure): return .failed(failure.message)
        case .success(nil): return .unknown
        case .success(let list?): statement.conditions = list
        }
        return .built(statement)
    }

    /// The blocks in the SDK's set order: by the decimal hash of each block's serialization.
    private static func setOrdered<T>(_ items: [(serialized: String, item: T)]) -> [T] {
        var byCode: [String: T] = [:]
        for (serialized, item) in items {
            let code = CRC32.hashString(serialized)
            if byCode[code] == nil { byCode[code] = item }
        }
        return byCode.sorted { GoJSON.goLess($0.key, $1.key) }.map(\.value)
    }

    private static func blocks(_ value: HCLValue?) -> [[String: HCLValue]]? {
        switch value {
        case nil, .null?: return []
        case .tuple(let items)?, .set(let items)?:
            var out: [[String: HCLValue]] = []
            for item in items {
                guard case .object(let members) = item else { return nil }
                out.append(members)
            }
            return out
        default: return nil
        }
    }

    private static func principals(
        _ value: HCLValue?, version: String
    ) -> Result<[PolicyDocument.Principal]?, PolicyDocument.Failure> {
        guard let blocks = blocks(value) else { return .success(nil) }
        var items: [(serialized: String, item: PolicyDocument.Principal)] = []
        for block in blocks {
            guard case .string(let type)? = block["type"], let identifiers = PolicyDocument.stringSet(block["identifiers"])
            else { return .success(nil) }
            let serialized = "identifiers:{" + identifiers.map { $0 + ";" }.joined() + "};type:" + type + ";"
            let decoded = PolicyDocument.Strings.decoded(identifiers)
            switch PolicyDocument.replacingVariables(decoded.items, version: version, name: "principals") {
            case .failure(let failure): return .failure(failure)
            case .success(let replaced):
                let strings: PolicyDocument.Strings = decoded.count == 1 ? .one(replaced[0]) : .many(replaced)
                items.append((serialized, PolicyDocument.Principal(type: type, identifiers: strings)))
            }
        }
        return .success(setOrdered(items))
    }

    private static func conditions(
        _ value: HCLValue?, version: String
    ) -> Result<[PolicyDocument.Condition]?, PolicyDocument.Failure> {
        guard let blocks = blocks(value) else { return .success(nil) }
        var items: [(serialized: String, item: PolicyDocument.Condition)] = []
        for block in blocks {
            guard case .string(let test)? = block["test"], case .string(let variable)? = block["variable"],
                let values = PolicyDocument.stringList(block["values"])
            else { return .success(nil) }
            let serialized = "test:" + test + ";values:(" + values.map { $0 + ";" }.joined() + ");variable:" + variable + ";"
            switch PolicyDocument.replacingVariables(values, version: version, name: "condition") {
            case .failure(let failure): return .failure(failure)
            case .success(let replaced):
                let strings: PolicyDocument.Strings = replaced.count == 1 ? .one(replaced[0]) : .many(replaced)
                items.append((serialized, PolicyDocument.Condition(test: test, variable: variable, values: strings)))
            }
        }
        return .success(setOrdered(items))
    }
}

extension PolicyDocument.Strings {
    var count: Int { items.count }
}
