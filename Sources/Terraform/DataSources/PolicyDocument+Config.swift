import Foundation
import HCL

/// `aws_iam_policy_document` from its evaluated arguments, as the provider's read builds it.
extension PolicyDocument {
    /// What rendering a block gives: the document, nothing known yet (an argument unknown offline,
    /// or input the provider would reject in a way drift does not reproduce), or the provider's error.
    enum Outcome {
        case rendered(PolicyDocument)
        case unknown
        case failed(String)
    }

    /// `arguments`: the block's attributes and its `statement` blocks (a tuple of objects, each
    /// with `principals`, `not_principals` and `condition` tuples), as `BodyEvaluator` gives them.
    static func build(_ arguments: [String: HCLValue]) -> Outcome {
        var merged = PolicyDocument()
        guard let sources = documentList(arguments["source_policy_documents"]),
            let overrides = documentList(arguments["override_policy_documents"])
        else { return .unknown }
        var sids: Set<String> = []
        for (index, text) in sources {
            guard let source = PolicyDocument(sourceJSON: text) else { return .unknown }
            for (position, statement) in source.statements.enumerated() where !statement.sid.isEmpty {
                guard sids.insert(statement.sid).inserted else {
                    return .failed(
                        "writing IAM Policy Document: merging source document \(index): duplicate Sid (\(statement.sid)) in "
                            + "source_policy_documents (statement \(position)). Remove the Sid or ensure Sids are unique.")
                }
            }
            merged.merge(source)
        }
        var own = PolicyDocument()
        guard let version = optionalString(arguments["version"]), let policyID = optionalString(arguments["policy_id"])
        else { return .unknown }
        own.version = version ?? "2012-10-17"
        guard own.version == "2012-10-17" || own.version == "2008-10-17" else {
            return .failed("expected version to be one of [\"2008-10-17\" \"2012-10-17\"], got \(own.version)")
        }
        own.id = policyID ?? ""
        switch arguments["statement"] {
        case nil, .null?: break
        case .tuple(let blocks)?:
            var ownSids: Set<String> = []
            for block in blocks {
                switch Statement.build(block, version: own.version) {
                case .unknown: return .unknown
                case .failed(let message): return .failed(message)
                case .built(let statement):
                    if !statement.sid.isEmpty, !ownSids.insert(statement.sid).inserted {
                        return .failed(
                            "writing IAM Policy Document: duplicate Sid (\(statement.sid)). Remove the Sid or ensure the "
                                + "Sid is unique.")
                    }
                    own.statements.append(statement)
                }
            }
        default: return .unknown
        }
        merged.merge(own)
        for (_, text) in overrides {
            guard let override = PolicyDocument(sourceJSON: text) else { return .unknown }
            merged.merge(override)
        }
        return .rendered(merged)
    }

    /// The documents of a list argument with their positions (null items skipped); `nil` when unknown.
    private static func documentList(_ value: HCLValue?) -> [(Int, String)]? {
        switch value {
        case nil, .null?: return []
        case .tuple(let items)?:
            var out: [(Int, String)] = []
            for (index, item) in items.enumerated() {
                switch item {
                case .null: continue
                case .string(let text): out.append((index, text))
                default: return nil
                }
            }
            return out
        default: return nil
        }
    }

    /// `.some(nil)` for an unset or null string argument, `nil` when not a known string.
    static func optionalString(_ value: HCLValue?) -> String?? {
        switch value {
        case nil, .null?: return .some(nil)
        case .string(let text)?: return .some(text)
        case .number?, .bool?: return value?.asString.map { .some($0) } ?? nil
        default: return nil
        }
    }

    /// A set of strings as the provider's SDK holds it: distinct by hash, in the order of their
    /// hash codes' decimal text (`schema.Set.List`); with no set function of its own, the SDK
    /// hashes a string element as it serializes it, `text;`. `nil` when unknown or not strings.
    static func stringSet(_ value: HCLValue?) -> [String]? {
        switch value {
        case nil, .null?: return []
        case .tuple(let items)?, .set(let items)?:
            var byCode: [String: String] = [:]
            for item in items {
                guard case .string(let text)? = Self.scalarString(item) else { return nil }
                let code = CRC32.hashString(text + ";")
                if byCode[code] == nil { byCode[code] = text }
            }
            return byCode.sorted { GoJSON.goLess($0.key, $1.key) }.map(\.value)
        default: return nil
        }
    }

    /// A list of strings in order; `nil` when unknown or not strings.
    static func stringList(_ value: HCLValue?) -> [String]? {
        switch value {
        case nil, .null?: return []
        case .tuple(let items)?:
            var out: [String] = []
            for item in items {
                guard case .string(let text)? = Self.scalarString(item) else { return nil }
                out.append(text)
            }
            return out
        default: return nil
        }
    }

    /// Terraform converts a number or bool set where a string is expected to its text.
    private static func scalarString(_ value: HCLValue) -> HCLValue? {
        switch value {
        case .string: return value
        case .number, .bool: return value.asString.map(HCLValue.string)
        default: return nil
        }
    }

    /// `&{aws:username}` is written `${aws:username}` (Terraform would interpolate `${`); version
    /// 2008-10-17 has no policy variables.
    static func replacingVariables(_ items: [String], version: String, name: String) -> Result<[String], Failure> {
        var out: [String] = []
        for item in items {
            if version == "2008-10-17", item.contains("&{") {
                return .failure(Failure(
                    message: "reading \(name): found &{ sequence in (\(item)), which is not supported in document "
                        + "version 2008-10-17"))
            }
            out.append(item.replacingOccurrences(of: "&{", with: "${"))
        }
        return .success(out)
    }

    struct Failure: Error {
        var message: String
    }
}
