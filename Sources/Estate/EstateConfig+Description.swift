/// Descriptions that never show secrets: `external_id`, the history URL and the notification
/// URLs are written as `<redacted>` (present) or left out (absent), in `print`, string
/// interpolation, `dump` and test failure messages alike.
extension EstateConfig: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        var parts = ["roots: [\(roots.map(\.description).joined(separator: ", "))]"]
        if !accounts.isEmpty { parts.append("accounts: [\(accounts.map(\.description).joined(separator: ", "))]") }
        if !ignore.isEmpty { parts.append("ignore: \(ignore)") }
        if historyURL != nil { parts.append("history: <redacted>") }
        if !notifyURLs.isEmpty { parts.append("notify: \(notifyURLs.count) × <redacted>") }
        if let file { parts.append("file: \(file)") }
        return "EstateConfig(" + parts.joined(separator: ", ") + ")"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: [
            "roots": roots, "accounts": accounts, "ignore": ignore,
            "historyURL": historyURL.map { _ in "<redacted>" } as Any,
            "notifyURLs": notifyURLs.map { _ in "<redacted>" }, "file": file as Any,
        ])
    }
}

extension EstateRoot: CustomStringConvertible {
    public var description: String {
        var parts = ["path: \(path)"]
        if !varFiles.isEmpty { parts.append("var_files: \(varFiles)") }
        if !vars.isEmpty { parts.append("vars: \(vars)") }
        if let state { parts.append("state: \(state)") }
        if let accounts { parts.append("accounts: \(accounts)") }
        return "root \"\(name)\"(" + parts.joined(separator: ", ") + ")"
    }
}

extension EstateAccount: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        var parts: [String] = []
        if let profile { parts.append("profile: \(profile)") }
        if let roleARN { parts.append("role_arn: \(roleARN)") }
        if externalID != nil { parts.append("external_id: <redacted>") }
        if let sessionName { parts.append("session_name: \(sessionName)") }
        if let durationSeconds { parts.append("duration: \(durationSeconds)s") }
        if !regions.isEmpty { parts.append("regions: \(regions)") }
        return "account \"\(name)\"(" + parts.joined(separator: ", ") + ")"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: [
            "name": name, "profile": profile as Any, "roleARN": roleARN as Any,
            "externalID": externalID.map { _ in "<redacted>" } as Any, "sessionName": sessionName as Any,
            "durationSeconds": durationSeconds as Any, "regions": regions,
        ])
    }
}
