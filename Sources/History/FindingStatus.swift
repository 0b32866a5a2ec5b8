import DriftCore
import DriftModel

/// New, ongoing and resolved: a pure function of this scan's report and the previous scan's
/// findings (same target). A finding's identity is its kind and its address (type and live id
/// for a resource no file declares); for a drifted finding each attribute path is its own
/// identity, so a second argument changing on an already drifted server is new.
public enum FindingStatus {
    /// The resource-level identity: `drifted|aws_instance.web`, `unmanaged|aws_instance|i-1`.
    public static func identity(_ f: Finding) -> String {
        if let address = f.address { return identity(kind: f.kind, address: address) }
        return "\(f.kind.rawValue)|\(f.type)|\(f.id ?? "")"
    }

    public static func identity(kind: Finding.Kind, address: String) -> String { "\(kind.rawValue)|\(address)" }

    /// `report` with `status` and `firstSeen` on every finding (and `firstSeen` on every change),
    /// and `resolved` set. `previous == nil` means the history holds no scan of this target yet:
    /// everything is new and nothing is resolved.
    public static func annotate(_ report: Report, previous: [Finding]?) -> Report {
        let now = report.scannedAt
        var before: [String: Finding] = [:]
        for f in previous ?? [] { before[identity(f)] = f }
        var annotated = report
        annotated.findings = report.findings.map { finding in
            var f = finding
            let old = before[identity(f)]
            if !f.changes.isEmpty {
                var anyNew = false
                f.changes = f.changes.map { change in
                    var c = change
                    if let oldChange = old?.changes.first(where: { $0.path == c.path }) {
                        c.firstSeen = oldChange.firstSeen ?? old?.firstSeen ?? now
                    } else {
                        c.firstSeen = now
                        anyNew = true
                    }
                    return c
                }
                f.firstSeen = f.changes.compactMap(\.firstSeen).min() ?? now
                f.status = anyNew ? .new : .ongoing
            } else {
                f.firstSeen = old?.firstSeen ?? now
                f.status = old == nil ? .new : .ongoing
            }
            f.resolvedAt = nil
            return f
        }
        var resolved: [Finding] = []
        if let previous {
            var current: [String: Finding] = [:]
            for f in annotated.findings { current[identity(f)] = f }
            let unreadable = Set(report.errors.compactMap(\.resource))
            for old in previous {
                // A resource that could not be read this time is not known to be fixed.
                if let id = old.id, unreadable.contains(id) { continue }
                if let address = old.address, unreadable.contains(address) { continue }
                var gone = old
                gone.status = nil
                gone.resolvedAt = now
                if let still = current[identity(old)] {
                    guard !old.changes.isEmpty else { continue }
                    let paths = Set(still.changes.map(\.path))
                    gone.changes = old.changes.filter { !paths.contains($0.path) }
                    if gone.changes.isEmpty { continue }
                    gone.firstSeen = gone.changes.compactMap(\.firstSeen).min() ?? old.firstSeen
                }
                resolved.append(gone)
            }
        }
        annotated.resolved = Finding.sortedByContract(resolved)
        return annotated
    }
}
