import DriftCore
import DriftModel

/// One resource's life in the history: when it appeared, every attribute change seen between
/// consecutive snapshots, and whether each change left the declared value (drift), returned to
/// it (reverted), or touched something no file declares (a snowflake edit).
public struct ResourceTimeline: Sendable, Hashable {
    public enum ChangeClass: String, Sendable, Hashable {
        /// The `.tf` declared the old value: `terraform plan` would change it back.
        case drift
        /// Back to the declared value.
        case reverted
        /// No file declares this attribute (or the resource): an in-place edit only history shows.
        case snowflake
    }

    public struct Change: Sendable, Hashable {
        public var path: String
        public var from: Value
        public var to: Value
        public var classification: ChangeClass
        /// The declared value and where, for `drift` and `reverted`.
        public var declared: Value?
        public var source: String?
    }

    public struct Event: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable { case appeared, changed, gone }
        public var kind: Kind
        public var at: String
        public var scan: Int64
        public var changes: [Change]
    }

    public var target: ScanTarget
    public var type: String
    public var id: String
    public var address: String?
    public var name: String?
    public var events: [Event]

    /// Changes made in place (attribute edits; appearing and disappearing are not edits).
    public var inPlaceChanges: Int { events.filter { $0.kind == .changed }.count }

    /// Builds timelines from stored versions (any order, any number of resources). `drifted`
    /// gives the drifted finding of an address at a scan, to tell drift from snowflake edits
    /// (`nil`: do not classify, every change counts as `snowflake`; a ranking needs only counts);
    /// `scans` (oldest first) tells a resource gone from one still there.
    public static func build(
        _ versions: [ResourceVersion], scans: [ScanRow],
        drifted: ((_ scan: Int64, _ address: String) throws(HistoryError) -> Finding?)?
    ) throws(HistoryError) -> [ResourceTimeline] {
        var groups: [String: [ResourceVersion]] = [:]
        for v in versions { groups[v.target.key + "\u{0}" + v.key, default: []].append(v) }
        var timelines: [ResourceTimeline] = []
        for key in groups.keys.sorted() {
            let runs = (groups[key] ?? []).sorted { $0.firstScan < $1.firstScan }
            guard let first = runs.first, let last = runs.last else { continue }
            var events = [Event(kind: .appeared, at: first.firstSeen, scan: first.firstScan, changes: [])]
            for (old, new) in zip(runs, runs.dropFirst()) {
                let diff = ValueDiff.changes(from: old.resource.attributes, to: new.resource.attributes)
                guard !diff.isEmpty else { continue }  // only the address changed
                var before: [AttributeChange] = [], after: [AttributeChange] = []
                if let drifted {
                    if let address = old.address { before = try drifted(old.lastScan, address)?.changes ?? [] }
                    if let address = new.address { after = try drifted(new.firstScan, address)?.changes ?? [] }
                }
                let changes = diff.map { d -> Change in
                    if let c = after.first(where: { ValueDiff.related($0.path, d.path) }) {
                        return Change(path: d.path, from: d.from, to: d.to, classification: .drift, declared: c.declared, source: c.source)
                    }
                    if let c = before.first(where: { ValueDiff.related($0.path, d.path) }) {
                        return Change(path: d.path, from: d.from, to: d.to, classification: .reverted, declared: c.declared, source: c.source)
                    }
                    return Change(path: d.path, from: d.from, to: d.to, classification: .snowflake, declared: nil, source: nil)
                }
                events.append(Event(kind: .changed, at: new.firstSeen, scan: new.firstScan, changes: changes))
            }
            if let next = scans.first(where: { $0.target == last.target && $0.id > last.lastScan }) {
                events.append(Event(kind: .gone, at: next.scannedAt, scan: next.id, changes: []))
            }
            timelines.append(ResourceTimeline(
                target: last.target, type: last.resource.type, id: last.resource.id,
                address: runs.compactMap(\.address).last, name: last.resource.attributes["tags"]?["Name"]?.stringValue,
                events: events))
        }
        return timelines
    }
}
