import HCL

/// One pass over a parsed `drift.hcl`: the schema, the values and the cross-references, each
/// mistake logged once at the place to fix. A value that failed is treated as absent afterwards
/// (never also "missing"), so one mistake never turns into several diagnostics.
struct EstateConfigDecoder {
    let file: String
    /// The file's directory: relative paths are resolved against it.
    let directory: String
    let context: EvalContext
    let pathKind: ((String) -> EstateConfigLoader.PathKind)?
    var diagnostics: [Diagnostic] = []

    init(file: String, environment: [String: String], pathKind: ((String) -> EstateConfigLoader.PathKind)?) {
        self.file = file
        self.directory = EstatePath.directory(of: file)
        self.context = EvalContext(functions: EstateFunctions.all(environment: environment))
        self.pathKind = pathKind
    }

    static let rootArguments: Set<String> = ["path", "var_files", "vars", "state", "accounts"]
    static let accountArguments: Set<String> = [
        "profile", "role_arn", "external_id", "session_name", "duration", "regions",
    ]

    /// The configuration, or nil when there were errors (then `diagnostics` says which).
    mutating func decode(_ body: Body) -> EstateConfig? {
        var config = EstateConfig(roots: [], file: file)
        for attribute in body.attributes {
            if attribute.name == "ignore" {
                config.ignore = stringList(attribute) ?? []
            } else {
                unsupportedArgument(attribute, allowed: ["ignore"], blocks: ["root", "account", "history", "notify"])
            }
        }
        var rootBlocks: [(root: EstateRoot, accounts: Attribute?)] = []
        var rootLabels: [String: SourceRange] = [:]
        var accountLabels: [String: SourceRange] = [:]
        var historyBlock: SourceRange?
        for block in body.blocks {
            switch block.type {
            case "root":
                let name = label(block, kind: "root", seen: &rootLabels)
                rootBlocks.append((root(block, name: name ?? ""), block.body.attribute("accounts")))
            case "account":
                let name = label(block, kind: "account", seen: &accountLabels)
                config.accounts.append(account(block, name: name ?? ""))
            case "history":
                guard noLabels(block) else {
                    _ = history(block)
                    continue
                }
                if let first = historyBlock {
                    error(
                        "Duplicate history block", "A history block was already declared at \(first.hclDescription). There is one history per configuration.",
                        at: block.typeRange)
                    _ = history(block)
                    continue
                }
                historyBlock = block.typeRange
                config.historyURL = history(block)
            case "notify":
                guard noLabels(block) else {
                    _ = notify(block)
                    continue
                }
                if let url = notify(block) { config.notifyURLs.append(url) }
            default:
                var detail = "Blocks of type \"\(block.type)\" are not expected here."
                if let guess = Self.suggestion(for: block.type, among: ["root", "account", "history", "notify"]) {
                    detail += " Did you mean \"\(guess)\"?"
                }
                error("Unsupported block type", detail, at: block.typeRange)
            }
        }
        // Cross-references, once every account is known.
        for (root, accountsAttribute) in rootBlocks {
            var root = root
            if let accountsAttribute { root.accounts = accountReferences(accountsAttribute, declared: accountLabels) }
            config.roots.append(root)
        }
        if body.blocks.allSatisfy({ $0.type != "root" }) {
            error(
                "No roots", "The configuration declares no root block: add one per Terraform root module, e.g. root \"app\" { path = \"infra/app\" }.",
                at: EstateConfigLoader.startOfFile(file))
        }
        return diagnostics.isEmpty ? config : nil
    }

    // MARK: blocks

    /// The root (its `accounts` are checked later, once every account is known).
    private mutating func root(_ block: Block, name: String) -> EstateRoot {
        let body = block.body
        checkSchema(body, allowed: Self.rootArguments, in: "root")
        var root = EstateRoot(name: name, path: "", source: block.range)
        if let attribute = body.attribute("path") {
            if let path = string(attribute, required: true) {
                root.path = EstatePath.resolve(path, against: directory)
                exists(root.path, as: .directory, attribute.expression.range, "Root directory not found")
            }
        } else {
            missing("path", in: block, example: "path = \"infra/app\"")
        }
        if let attribute = body.attribute("var_files") {
            for (index, file) in (stringList(attribute) ?? []).enumerated() {
                let resolved = EstatePath.resolve(file, against: directory)
                exists(resolved, as: .file, elementRange(attribute.expression, index), "Variable file not found")
                root.varFiles.append(resolved)
            }
        }
        if let attribute = body.attribute("vars") { root.vars = variables(attribute) ?? [] }
        if let attribute = body.attribute("state"), let state = string(attribute) {
            if state.hasPrefix("s3://") {
                if Self.isS3URL(state) {
                    root.state = state
                } else {
                    error(
                        "Invalid state location", "An S3 state is written s3://BUCKET/KEY, with both a bucket and a key.",
                        at: attribute.expression.range)
                }
            } else if state.contains("://") {
                error(
                    "Invalid state location", "A state is a file path (relative to this file) or s3://BUCKET/KEY.",
                    at: attribute.expression.range)
            } else {
                root.state = EstatePath.resolve(state, against: directory)
            }
        }
        return root
    }

    private mutating func account(_ block: Block, name: String) -> EstateAccount {
        let body = block.body
        checkSchema(body, allowed: Self.accountArguments, in: "account")
        var account = EstateAccount(name: name, source: block.range)
        if let attribute = body.attribute("profile") { account.profile = string(attribute) }
        if let attribute = body.attribute("role_arn"), let arn = string(attribute) {
            if EstateChecks.isRoleARN(arn) {
                account.roleARN = arn
            } else {
                error(
                    "Invalid role ARN",
                    "A role to assume is written arn:PARTITION:iam::ACCOUNT_ID:role/NAME (a 12-digit account id, an optional path).",
                    at: attribute.expression.range)
            }
        }
        if let attribute = body.attribute("external_id"), let value = string(attribute, secret: true) {
            if EstateChecks.isExternalID(value) {
                account.externalID = value
            } else {
                error(
                    "Invalid external ID",
                    "An external ID has 2 to 1224 characters: letters, digits and +=,.@:/-. (The value is not shown: it is a secret.)",
                    at: attribute.expression.range)
            }
        }
        if let attribute = body.attribute("session_name"), let value = string(attribute) {
            if EstateChecks.isSessionName(value) {
                account.sessionName = value
            } else {
                error(
                    "Invalid session name", "A role session name has 2 to 64 characters: letters, digits and +=,.@-.",
                    at: attribute.expression.range)
            }
        }
        if let attribute = body.attribute("duration") { account.durationSeconds = duration(attribute) }
        if let attribute = body.attribute("regions") { account.regions = regions(attribute) ?? [] }
        // AssumeRole's settings without a role to assume: the configuration says something that
        // would be ignored.
        if body.attribute("role_arn") == nil {
            for name in ["external_id", "session_name", "duration"] {
                guard let attribute = body.attribute(name) else { continue }
                error(
                    "Argument requires role_arn",
                    "\"\(name)\" applies to the role drift assumes, and this account has no role_arn.", at: attribute.nameRange)
            }
        }
        return account
    }

    private mutating func history(_ block: Block) -> String? {
        checkSchema(block.body, allowed: ["url"], in: "history")
        guard let attribute = block.body.attribute("url") else {
            missing("url", in: block, example: "url = env(\"DRIFT_HISTORY\")")
            return nil
        }
        guard let url = string(attribute, required: true, secret: true) else { return nil }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") { return url }
        if url.contains("://") {
            error(
                "Unsupported history location",
                "The history is a SQLite file path (relative to this file) or a postgres:// URL. (The value is not shown: it may hold a password.)",
                at: attribute.expression.range)
            return nil
        }
        return EstatePath.resolve(url, against: directory)
    }

    private mutating func notify(_ block: Block) -> String? {
        checkSchema(block.body, allowed: ["url"], in: "notify")
        guard let attribute = block.body.attribute("url") else {
            missing("url", in: block, example: "url = env(\"DRIFT_SLACK_WEBHOOK\")")
            return nil
        }
        guard let url = string(attribute, required: true, secret: true) else { return nil }
        guard EstateChecks.isWebhookURL(url) else {
            error(
                "Invalid notification URL",
                "A notification target is an https:// (or http://) webhook URL. (The value is not shown: webhook URLs are secrets.)",
                at: attribute.expression.range)
            return nil
        }
        return url
    }

    // MARK: references and checks

    private mutating func accountReferences(_ attribute: Attribute, declared: [String: SourceRange]) -> [String]? {
        guard let names = stringList(attribute) else { return nil }
        var seen: Set<String> = []
        for (index, name) in names.enumerated() {
            let range = elementRange(attribute.expression, index)
            if declared[name] == nil {
                var detail = "There is no account block named \"\(name)\"."
                if let guess = Self.suggestion(for: name, among: Array(declared.keys)) { detail += " Did you mean \"\(guess)\"?" }
                error("Reference to undeclared account", detail, at: range)
            } else if !seen.insert(name).inserted {
                error("Duplicate account", "The account \"\(name)\" is already listed for this root.", at: range)
            }
        }
        return names
    }

    private mutating func regions(_ attribute: Attribute) -> [String]? {
        guard let names = stringList(attribute) else { return nil }
        var seen: Set<String> = []
        var valid = true
        for (index, name) in names.enumerated() {
            let range = elementRange(attribute.expression, index)
            if !EstateChecks.isRegion(name) {
                error(
                    "Invalid region", "\"\(name)\" is not an AWS region name: regions are written like eu-west-1 or us-gov-west-1.",
                    at: range)
                valid = false
            } else if !seen.insert(name).inserted {
                error("Duplicate region", "The region \"\(name)\" is already listed for this account.", at: range)
                valid = false
            }
        }
        return valid ? names : nil
    }

    private mutating func duration(_ attribute: Attribute) -> Int? {
        let (value, range) = evaluate(attribute)
        guard let value else { return nil }
        guard case .string(let text) = value else {
            let hint = value.asNumber.map { " Write seconds with a unit: \"\(HCLValue.formatNumber($0))s\"." } ?? ""
            error(
                "Incorrect attribute value type",
                "Inappropriate value for attribute \"duration\": a duration string like \"1h\" or \"45m\" is required.\(hint)",
                at: range)
            return nil
        }
        guard let seconds = EstateChecks.durationSeconds(text) else {
            error(
                "Invalid duration",
                "A duration is a number with a unit, or several: \"1h\", \"90m\", \"1h30m\", \"3600s\" (units h, m, s; whole seconds).",
                at: range)
            return nil
        }
        guard EstateChecks.durationRange.contains(seconds) else {
            error(
                "Invalid duration", "STS grants a role session from 15m to 12h; \"\(text)\" is \(seconds) seconds.", at: range)
            return nil
        }
        return seconds
    }

    /// Logs when `path` is not what it should be (only when the file system is consulted).
    private mutating func exists(
        _ path: String, as kind: EstateConfigLoader.PathKind, _ range: SourceRange, _ summary: String
    ) {
        guard let pathKind else { return }
        let found = pathKind(path)
        guard found != kind else { return }
        let noun = kind == .directory ? "directory" : "file"
        let detail = found == .missing ? "There is no \(noun) at \(path)." : "\(path) is not a \(noun)."
        error(summary, detail + " Paths are relative to the directory of \(file).", at: range)
    }

    static func isS3URL(_ url: String) -> Bool {
        let rest = url.dropFirst("s3://".count)
        guard let slash = rest.firstIndex(of: "/") else { return false }
        return slash != rest.startIndex && rest.index(after: slash) != rest.endIndex
    }
}
