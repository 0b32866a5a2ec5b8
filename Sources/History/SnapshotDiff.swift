import DriftCore
import DriftModel

/// What changed in an account between two snapshots: resources added, removed, and changed
/// attribute by attribute, whether or not a baseline declares them.
public struct SnapshotDiff: Sendable, Hashable {
    public struct Side: Sendable, Hashable {
        /// How the user named it: a file path, `scan #12`.
        public var label: String
        public var takenAt: String
    }

    public struct ChangedResource: Sendable, Hashable {
        public var resource: LiveResource
        public var changes: [ValueDiff.Change]
    }

    public var from: Side
    public var to: Side
    public var added: [LiveResource]
    public var removed: [LiveResource]
    public var changed: [ChangedResource]

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    public init(from a: Snapshot, label fromLabel: String, to b: Snapshot, label toLabel: String) {
        from = Side(label: fromLabel, takenAt: a.takenAt)
        to = Side(label: toLabel, takenAt: b.takenAt)
        func key(_ r: LiveResource) -> String { r.type + "\u{0}" + r.id }
        var before: [String: LiveResource] = [:]
        for r in a.resources { before[key(r)] = r }
        var after: [String: LiveResource] = [:]
        for r in b.resources { after[key(r)] = r }
        added = b.resources.filter { before[key($0)] == nil }.sorted { ($0.type, $0.id) < ($1.type, $1.id) }
        removed = a.resources.filter { after[key($0)] == nil }.sorted { ($0.type, $0.id) < ($1.type, $1.id) }
        changed = b.resources.compactMap { r -> ChangedResource? in
            guard let old = before[key(r)], old != r else { return nil }
            let changes = ValueDiff.changes(from: old.attributes, to: r.attributes)
            return changes.isEmpty ? nil : ChangedResource(resource: r, changes: changes)
        }.sorted { ($0.resource.type, $0.resource.id) < ($1.resource.type, $1.resource.id) }
    }

    public var text: String {
        var lines = ["drift diff: \(from.label) (\(from.takenAt)) → \(to.label) (\(to.takenAt))", ""]
        func title(_ r: LiveResource) -> String {
            "\(r.type) \(r.id)" + (r.attributes["tags"]?["Name"]?.stringValue.map { " (\($0))" } ?? "")
        }
        for r in added { lines.append("+ " + title(r)) }
        for r in removed { lines.append("- " + title(r)) }
        for c in changed {
            lines.append("~ " + title(c.resource))
            for d in c.changes {
                lines += ChangeText.render(declared: d.from, live: d.to).lines("    ~ \(d.path)", indent: "        ")
            }
        }
        if !isEmpty { lines.append("") }
        lines.append(isEmpty ? "No changes." : "\(added.count) added, \(removed.count) removed, \(changed.count) changed")
        return lines.joined(separator: "\n") + "\n"
    }

    public var jsonValue: Value {
        func brief(_ r: LiveResource) -> [String: Value] {
            ["type": .string(r.type), "id": .string(r.id), "name": r.attributes["tags"]?["Name"] ?? .null]
        }
        return .object([
            "from": .object(["label": .string(from.label), "takenAt": .string(from.takenAt)]),
            "to": .object(["label": .string(to.label), "takenAt": .string(to.takenAt)]),
            "added": .array(added.map { .object(brief($0).merging(["attributes": .object($0.attributes)]) { a, _ in a }) }),
            "removed": .array(removed.map { .object(brief($0)) }),
            "changed": .array(changed.map { c in
                var doc = brief(c.resource)
                doc["changes"] = .array(c.changes.map { .object(["path": .string($0.path), "from": $0.from, "to": $0.to]) })
                return .object(doc)
            }),
            "summary": .object([
                "added": .number(Double(added.count)), "removed": .number(Double(removed.count)),
                "changed": .number(Double(changed.count)),
            ]),
        ])
    }
}
