import DriftCore
import DriftModel

/// `drift history show` and `drift history snowflakes` as text or JSON.
public enum TimelineRenderer {
    public static func text(_ timelines: [ResourceTimeline]) -> String {
        var lines: [String] = []
        for t in timelines {
            if !lines.isEmpty { lines.append("") }
            var title = (t.address.map { "\($0)  " } ?? "") + "\(t.type) \(t.id)"
            if let name = t.name { title += " (\(name))" }
            if t.address == nil { title += "  unmanaged" }
            lines.append(title)
            lines.append("  \(t.target.root) · account \(t.target.account ?? "unknown") · \(t.target.region)")
            for e in t.events {
                switch e.kind {
                case .appeared: lines.append("  \(e.at)  #\(e.scan)  first seen")
                case .gone: lines.append("  \(e.at)  #\(e.scan)  gone")
                case .changed:
                    lines.append("  \(e.at)  #\(e.scan)  changed")
                    for c in e.changes {
                        lines += ChangeText.render(declared: c.from, live: c.to).lines(
                            "      ~ \(c.path)", tail: "  " + describe(c), indent: "          ")
                    }
                }
            }
            lines.append("  \(t.inPlaceChanges) in-place change\(t.inPlaceChanges == 1 ? "" : "s")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ c: ResourceTimeline.Change) -> String {
        let at = c.source.map { " (\($0))" } ?? ""
        switch c.classification {
        case .drift: return "drift: declared \(c.declared.map(Self.declaredText) ?? "?")\(at)"
        case .reverted: return "reverted to the declared value\(at)"
        case .snowflake: return "snowflake: no file declares it"
        }
    }

    /// What the declaration says, when it fits a line: a long list is "otherwise", the lines above show it.
    static func declaredText(_ value: Value) -> String {
        let text = value.humanText
        return text.count <= 60 ? text : "otherwise"
    }

    public static func json(_ timelines: [ResourceTimeline]) -> String {
        Value.object(["resources": .array(timelines.map(\.jsonValue))]).canonicalJSON(pretty: true) + "\n"
    }

    public static func snowflakesText(_ ranks: [SnowflakeRank], now: String) -> String {
        guard !ranks.isEmpty else { return "The history holds no server yet.\n" }
        var lines = ["rank  changes  server                                   age       last change"]
        for (i, r) in ranks.enumerated() {
            var server = r.timeline.address ?? "\(r.timeline.id) (unmanaged)"
            if r.timeline.address != nil { server += " \(r.timeline.id)" }
            if let name = r.timeline.name { server += " (\(name))" }
            if r.gone { server += " [gone]" }
            let age = SinceText.age(from: r.launched, to: now) ?? "?"
            let columns = [
                pad("\(i + 1)", 4), pad("\(r.changes)", 7), pad(server, 40), pad(age, 8),
                r.lastChange.map { "\($0) (\(SinceText.age(from: $0, to: now) ?? "?") ago)" } ?? "never",
            ]
            lines.append(columns.joined(separator: "  "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func snowflakesJSON(_ ranks: [SnowflakeRank]) -> String {
        let items: [Value] = ranks.enumerated().map { i, r in
            .object([
                "rank": .number(Double(i + 1)), "changes": .number(Double(r.changes)), "type": .string(r.timeline.type),
                "id": .string(r.timeline.id), "address": r.timeline.address.map(Value.string) ?? .null,
                "name": r.timeline.name.map(Value.string) ?? .null, "launched": .string(r.launched),
                "lastChange": r.lastChange.map(Value.string) ?? .null, "gone": .bool(r.gone),
                "root": .string(r.timeline.target.root), "region": .string(r.timeline.target.region),
            ])
        }
        return Value.object(["snowflakes": .array(items)]).canonicalJSON(pretty: true) + "\n"
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}

extension ResourceTimeline {
    public var jsonValue: Value {
        .object([
            "type": .string(type), "id": .string(id), "address": address.map(Value.string) ?? .null,
            "name": name.map(Value.string) ?? .null, "root": .string(target.root),
            "account": target.account.map(Value.string) ?? .null, "region": .string(target.region),
            "inPlaceChanges": .number(Double(inPlaceChanges)),
            "events": .array(events.map { e in
                .object([
                    "kind": .string(e.kind.rawValue), "at": .string(e.at), "scan": .number(Double(e.scan)),
                    "changes": .array(e.changes.map { c in
                        .object([
                            "path": .string(c.path), "from": c.from, "to": c.to, "class": .string(c.classification.rawValue),
                            "declared": c.declared ?? .null, "source": c.source.map(Value.string) ?? .null,
                        ])
                    }),
                ])
            }),
        ])
    }
}
