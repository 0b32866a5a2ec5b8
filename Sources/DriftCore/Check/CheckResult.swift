import DriftModel

/// What `drift check` found for one instance: the verdict, and declared next to live for every
/// argument the configuration sets, so the reader sees the whole picture and not only the diff.
public struct CheckResult: Sendable {
    public enum Verdict: String, Sendable {
        case inSync = "managed, in sync"
        case drifted = "managed, drifted"
        case missing = "managed, missing live"
        case orphaned = "orphaned: in the state, declared by no file (terraform apply would destroy it)"
        case snowflake = "snowflake: no file declares it"
        case undetermined = "could not be determined"
    }

    public var target: String
    /// The same report a scan would give, limited to this instance.
    public var report: Report
    public var match: MatchResult
    public var live: [LiveResource]
    /// Its security groups, volumes and elastic IP; `nil` when they could not be listed.
    public var related: RelatedResources?

    /// Launch time and launch template by instance id (`InstanceDetails`), for describing the box.
    public var details: [String: InstanceDetails] = [:]

    public init(target: String, report: Report, match: MatchResult, live: [LiveResource], details: [String: InstanceDetails] = [:]) {
        self.target = target
        self.report = report
        self.match = match
        self.live = live
        self.details = details
    }

    /// Tag keys that say who launched an instance, compared without case, `-` or `_`.
    static let launchedByTags: Set<String> = ["launchedby", "createdby", "creator", "owner", "launcher", "startedby"]

    /// What a person needs to recognise a live instance no file declares: type, AMI, launch time,
    /// key, subnet, security groups, who launched it when a tag says so, and its tags. Only what
    /// the scan read; an attribute it has not is left out, never shown as absent.
    public func description(of live: LiveResource) -> [(label: String, value: String)] {
        var rows: [(label: String, value: String)] = []
        func add(_ label: String, _ value: String?) { if let value, !value.isEmpty { rows.append((label, value)) } }
        add("type", live.attributes["instance_type"]?.stringValue)
        add("ami", live.attributes["ami"]?.stringValue)
        add("launched", details[live.id]?.launchTime)
        add("launch template", details[live.id]?.launchTemplate?.text)
        add("state", live.attributes["instance_state"]?.stringValue)
        add("key", live.attributes["key_name"]?.stringValue)
        add("subnet", live.attributes["subnet_id"]?.stringValue)
        let ids = live.attributes["vpc_security_group_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let names = live.attributes["security_groups"]?.arrayValue?.compactMap(\.stringValue) ?? []
        add("security groups", ids.isEmpty ? names.joined(separator: ", ") : ids.joined(separator: ", ") + (names.isEmpty ? "" : " (" + names.joined(separator: ", ") + ")"))
        add("private ip", live.attributes["private_ip"]?.stringValue)
        let tags = live.tags
        let launcher = tags.keys.sorted().first { key in
            Self.launchedByTags.contains(key.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: ""))
        }
        if let launcher, let who = tags[launcher] { add("launched by", "\(who) (tag \(launcher))") }
        add("tags", tags.keys.sorted().map { "\($0)=\(tags[$0] ?? "")" }.joined(separator: ", "))
        return rows
    }

    public var verdict: Verdict {
        if !report.errors.isEmpty { return .undetermined }
        if report.findings.contains(where: { $0.kind == .drifted }) { return .drifted }
        // A hand-opened port on its group, a volume grown by hand: the box has drifted.
        if related?.items.contains(where: { !$0.changes.isEmpty || !$0.unmanagedRules.isEmpty }) == true,
            !report.findings.contains(where: { $0.kind == .unmanaged })
        {
            return .drifted
        }
        if report.findings.contains(where: { $0.kind == .missing }) { return .missing }
        if report.findings.contains(where: { $0.kind == .orphaned }) { return .orphaned }
        if report.findings.contains(where: { $0.kind == .unmanaged }) { return .snowflake }
        return .inSync
    }

    /// 0 in sync, 2 anything else (as `drift scan`).
    public var exitCode: Int32 { verdict == .inSync ? 0 : 2 }

    /// One declared argument next to its live value.
    public struct Row: Sendable, Hashable {
        public var path: String
        public var declared: Value?
        public var live: Value?
        public var differs: Bool
        public var source: String?
    }

    /// Rows for the matched instance: every configured argument, tags key by key.
    public var rows: [Row] {
        guard let m = match.matches.first, case .found(let liveResource) = m.outcome else { return [] }
        let declared = m.declared
        let changes = Dictionary(
            (report.findings.first { $0.address == declared.address }?.changes ?? []).map { ($0.path, $0) },
            uniquingKeysWith: { a, _ in a })
        var rows: [Row] = []
        let sensitive = Set(declared.sensitive)
        for name in declared.attributes.keys.sorted() where !["tags", "tags_all"].contains(name) {
            guard declared.sources[name] != nil || declared.unknown.contains(name) else { continue }
            let mask = sensitive.contains(name)
            let d: Value? = declared.unknown.contains(name) ? .string("(known after apply)") : declared.attributes[name]
            let pathChanges = changes.filter { $0.key == name || $0.key.hasPrefix("\(name).") || $0.key.hasPrefix("\(name)[") }
            rows.append(Row(
                path: name, declared: mask ? .string(AttributeChange.sensitiveMarker) : d,
                live: mask ? .string(AttributeChange.sensitiveMarker) : liveResource.attributes[name],
                differs: !pathChanges.isEmpty, source: declared.sources[name]))
        }
        let expected = declared.attributes["tags_all"]?.objectValue ?? declared.attributes["tags"]?.objectValue ?? [:]
        let liveTags = liveResource.attributes["tags"]?.objectValue ?? [:]
        let tagsMasked = sensitive.contains("tags") || sensitive.contains("tags_all")
        let marker = Value.string(AttributeChange.sensitiveMarker)
        for key in Set(expected.keys).union(liveTags.keys).sorted() {
            let path = "tags.\(key)"
            rows.append(Row(
                path: path, declared: tagsMasked ? expected[key].map { _ in marker } : expected[key],
                live: tagsMasked ? liveTags[key].map { _ in marker } : liveTags[key], differs: changes[path] != nil,
                source: changes[path]?.source ?? declared.sources["tags"]))
        }
        return rows
    }
}
