import DriftModel

/// SARIF 2.1.0 for code-scanning UIs: one rule per finding kind (and one for unreadable
/// resources), one result per drifted argument or missing resource located at the declaring
/// `file:line:col`, unmanaged resources located at the baseline directory (no file declares
/// them; the directory is where one would). `informationUri` only when one is configured: a
/// placeholder would send people to a page that is not drift's.
public struct SARIFRenderer: Sendable {
    public var toolVersion: String
    /// The tool's home page, when the installation names one.
    public var informationURI: String?

    public init(toolVersion: String = DriftVersion.current, informationURI: String? = nil) {
        self.toolVersion = toolVersion
        self.informationURI = informationURI
    }

    static let rules: [(id: String, name: String, text: String, level: String)] = [
        ("drifted", "DriftedResource", "The live resource differs from its declaration; terraform plan would change it back.", "error"),
        ("missing", "MissingResource", "The declared resource is gone live; terraform plan would create it again.", "error"),
        ("orphaned", "OrphanedResource", "A resource the state records that no Terraform file declares any more; terraform apply would destroy it.", "error"),
        ("unmanaged", "UnmanagedResource", "A live resource that no Terraform file declares.", "warning"),
        ("unreadable", "UnreadableResource", "A resource or setting that could not be read or identified.", "error"),
    ]

    public func render(_ report: Report) -> String {
        var results: [Value] = []
        for f in report.findings {
            // A finding of an estate scan: its files are under its root's directory.
            let baseline = report.roots.first { $0.name == f.root }?.path ?? report.baseline
            switch f.kind {
            case .drifted:
                for c in f.changes {
                    let text = "\(f.address ?? f.type): \(c.path) is \(c.live.displayText) live, declared \(c.declared.displayText)"
                    results.append(result("drifted", text, location: c.source, baseline: baseline, logical: f.address))
                }
            case .missing:
                let text = "\(f.address ?? f.type) (\(f.id ?? "unknown id")) is gone live; terraform plan would create it"
                results.append(result("missing", text, location: f.source, baseline: baseline, logical: f.address))
            case .orphaned:
                let text = "\(f.address ?? f.type) (\(f.id ?? "unknown id")) is in the state but declared by no file; terraform apply would destroy it"
                results.append(result("orphaned", text, location: nil, baseline: baseline, logical: f.address))
            case .unmanaged:
                let text = "\(f.type) \(f.id ?? "")\(f.name.map { " (\($0))" } ?? "") is declared by no file"
                results.append(result(
                    "unmanaged", text, location: nil, baseline: baseline, logical: "\(f.type).\(f.id ?? "")",
                    atBaseline: report.roots.isEmpty))
            }
        }
        // With a history: SARIF's baselineState (new/unchanged), and resolved findings as absent.
        let perResult = report.findings.flatMap { f in Array(repeating: f, count: f.kind == .drifted ? f.changes.count : 1) }
        results = zip(results, perResult).map { result, f in
            Self.withPlace(
                Self.withBaselineState(result, f.status == nil ? nil : (f.status == .new ? "new" : "unchanged")),
                root: f.root, account: f.account, region: f.region)
        }
        for f in report.resolved ?? [] {
            let paths = f.changes.isEmpty ? "" : " (" + f.changes.map(\.path).joined(separator: ", ") + ")"
            let text = "\(f.displayName)\(paths) is no longer \(f.kind.rawValue)"
            let location = f.changes.first?.source ?? f.source
            results.append(Self.withBaselineState(
                result(f.kind.rawValue, text, location: location, baseline: report.baseline, logical: f.address ?? "\(f.type).\(f.id ?? "")"),
                "absent"))
        }
        for e in report.errors {
            results.append(Self.withPlace(
                result("unreadable", e.description, location: nil, baseline: report.baseline, logical: e.resource),
                root: e.root, account: e.account, region: e.region))
        }
        let rules: [Value] = Self.rules.map { rule in
            .object([
                "id": .string(rule.id), "name": .string(rule.name),
                "shortDescription": .object(["text": .string(rule.text)]),
                "defaultConfiguration": .object(["level": .string(rule.level)]),
            ])
        }
        var driver: [String: Value] = ["name": "drift", "version": .string(toolVersion), "rules": .array(rules)]
        if let informationURI { driver["informationUri"] = .string(informationURI) }
        let document: Value = .object([
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": .array([
                .object([
                    "tool": .object(["driver": .object(driver)]),
                    "results": .array(results),
                    "properties": .object(["coverage": report.summary.coverage.jsonValue]),
                ])
            ]),
        ])
        return document.canonicalJSON(pretty: true) + "\n"
    }

    /// An estate scan's root, account and region as result properties (absent otherwise).
    static func withPlace(_ result: Value, root: String?, account: String?, region: String?) -> Value {
        var place: [String: Value] = [:]
        if let root { place["root"] = .string(root) }
        if let account { place["account"] = .string(account) }
        if let region { place["region"] = .string(region) }
        // A single root's report keeps its shape (its findings' regions are in the message's context).
        guard root != nil || account != nil, case .object(var doc) = result else { return result }
        doc["properties"] = .object(place)
        return .object(doc)
    }

    static func withBaselineState(_ result: Value, _ state: String?) -> Value {
        guard let state, case .object(var doc) = result else { return result }
        doc["baselineState"] = .string(state)
        return .object(doc)
    }

    private func result(
        _ ruleID: String, _ text: String, location: String?, baseline: String, logical: String?, atBaseline: Bool = false
    ) -> Value {
        let level = Self.rules.first { $0.id == ruleID }?.level ?? "error"
        var doc: [String: Value] = [
            "ruleId": .string(ruleID), "level": .string(level), "message": .object(["text": .string(text)]),
        ]
        var locations: [String: Value] = [:]
        if let loc = SourceLocation(location) {
            locations["physicalLocation"] = .object([
                "artifactLocation": .object(["uri": .string(Self.uri(file: loc.file, baseline: baseline))]),
                "region": .object(["startLine": .number(Double(loc.line)), "startColumn": .number(Double(loc.column))]),
            ])
        } else if atBaseline {
            locations["physicalLocation"] = .object([
                "artifactLocation": .object(["uri": .string(Self.directoryURI(baseline: baseline))])
            ])
        }
        if let logical { locations["logicalLocations"] = .array([.object(["fullyQualifiedName": .string(logical)])]) }
        if !locations.isEmpty { doc["locations"] = .array([.object(locations)]) }
        return .object(doc)
    }

    /// The declaring file as a URI relative to where drift ran (the baseline path joined with
    /// the file), so code-scanning tools can open it in the repository.
    static func uri(file: String, baseline: String) -> String {
        let (joined, absolute) = normalized(baseline + "/" + file)
        let encoded = joined.addingPercentEncodingForURI()
        return absolute ? "file:///" + encoded : encoded
    }

    /// The baseline directory as a URI relative to where drift ran, with the trailing `/` of a
    /// directory (`infra/prod/`, `./` for the current directory).
    static func directoryURI(baseline: String) -> String {
        let (joined, absolute) = normalized(baseline)
        let encoded = joined.addingPercentEncodingForURI()
        if absolute { return "file:///" + encoded + (encoded.isEmpty ? "" : "/") }
        return encoded.isEmpty ? "./" : encoded + "/"
    }

    /// The path without `.`, empty parts and resolvable `..`; whether it was absolute.
    private static func normalized(_ path: String) -> (String, Bool) {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return (parts.joined(separator: "/"), path.hasPrefix("/"))
    }
}

extension String {
    /// Percent-encodes what a URI path may not hold raw (spaces, `%`, `#`, `?`).
    func addingPercentEncodingForURI() -> String {
        var out = ""
        for byte in utf8 {
            let c = Character(UnicodeScalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~/!$&'()*+,;=:@".contains(c)) {
                out.append(c)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
