import DriftModel

/// IaC coverage: the share of live resources that the baseline manages, per inventoried type
/// and overall: managed ÷ (managed + unmanaged). Counted after `.driftignore` (an ignored
/// resource is in neither count) and without what AWS creates by itself (never unmanaged, so
/// never counted). Only types a scan lists in full are counted: for others drift cannot know
/// how many live ones no file declares. This is the figure a platform team tracks over time.
public struct Coverage: Sendable, Hashable {
    public struct Count: Sendable, Hashable {
        /// Live resources a declared resource is.
        public var managed: Int
        /// Live resources no declared resource is.
        public var unmanaged: Int

        public init(managed: Int = 0, unmanaged: Int = 0) {
            self.managed = managed
            self.unmanaged = unmanaged
        }

        public var live: Int { managed + unmanaged }

        /// managed ÷ live, rounded to 4 places; nil when nothing of the kind is live.
        public var fraction: Double? {
            guard live > 0 else { return nil }
            return (Double(managed) / Double(live) * 10_000).rounded() / 10_000
        }

        /// Whole percent, never 100 unless everything is managed nor 0 unless nothing is.
        public var percent: Int? {
            guard live > 0 else { return nil }
            let rounded = Int((Double(managed) * 100 / Double(live)).rounded())
            if managed < live && rounded == 100 { return 99 }
            if managed > 0 && rounded == 0 { return 1 }
            return rounded
        }

        var jsonValue: Value {
            .object([
                "managed": .number(Double(managed)), "unmanaged": .number(Double(unmanaged)),
                "fraction": fraction.map(Value.number) ?? .null,
            ])
        }
    }

    /// Per inventoried type (`aws_instance`), including types with nothing live.
    public var byType: [String: Count]

    public init(byType: [String: Count] = [:]) { self.byType = byType }

    public var total: Count {
        byType.values.reduce(into: Count()) {
            $0.managed += $1.managed
            $0.unmanaged += $1.unmanaged
        }
    }

    /// `{"managed": 55, "unmanaged": 6, "fraction": 0.9016, "types": {"aws_instance": {...}}}`.
    public var jsonValue: Value {
        let total = total
        return .object([
            "managed": .number(Double(total.managed)), "unmanaged": .number(Double(total.unmanaged)),
            "fraction": total.fraction.map(Value.number) ?? .null,
            "types": .object(byType.mapValues(\.jsonValue)),
        ])
    }

    /// `coverage: 87% (instances 40/46, buckets 12/12, tables 3/3)`; types with nothing live are
    /// left out; nil when nothing inventoried is live.
    public var line: String? {
        guard let percent = total.percent else { return nil }
        let parts = byType.keys.sorted { Self.order($0) < Self.order($1) }.compactMap { type -> String? in
            guard let count = byType[type], count.live > 0 else { return nil }
            return "\(Self.label(type)) \(count.managed)/\(count.live)"
        }
        return "coverage: \(percent)% (\(parts.joined(separator: ", ")))"
    }

    /// The plural a person says for a type (the registry's `pluralName`).
    static func label(_ type: String) -> String {
        ResourceType.named(type)?.pluralName ?? (type.hasPrefix("aws_") ? String(type.dropFirst(4)) : type) + "s"
    }

    /// Types a person has a word for (instances, buckets, tables) first, in the registry's order,
    /// then by name.
    private static func order(_ type: String) -> (Int, String) {
        let first = ResourceType.all.filter { $0.plural != nil }.map(\.name)
        return (first.firstIndex(of: type) ?? first.count, type)
    }
}
