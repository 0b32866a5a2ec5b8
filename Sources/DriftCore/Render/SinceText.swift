import Foundation

/// How long a finding has been there, in words: `drifting since 2026-12-01 (5 days)`, or
/// `new: drifting since 2026-12-06` the first time. Only findings that came through a history
/// have a `firstSeen`; without one every renderer prints what it printed before.
public enum SinceText {
    public static func describe(_ finding: Finding, at now: String) -> String? {
        guard let firstSeen = finding.firstSeen else { return nil }
        let verb: String
        switch finding.kind {
        case .drifted: verb = "drifting"
        case .missing: verb = "missing"
        case .orphaned: verb = "orphaned"
        case .unmanaged: verb = "unmanaged"
        }
        let day = String(firstSeen.prefix(10))
        if finding.status == .new { return "new: \(verb) since \(day)" }
        guard let age = age(from: firstSeen, to: now) else { return "\(verb) since \(day)" }
        return "\(verb) since \(day) (\(age))"
    }

    /// `5 days`, `3 hours`, `12 minutes`, `1 day`; `nil` when either date does not parse.
    public static func age(from start: String, to end: String) -> String? {
        guard let a = date(start), let b = date(end) else { return nil }
        let seconds = max(0, b.timeIntervalSince(a))
        func plural(_ n: Int, _ unit: String) -> String { "\(n) \(unit)\(n == 1 ? "" : "s")" }
        if seconds >= 86_400 { return plural(Int(seconds / 86_400), "day") }
        if seconds >= 3_600 { return plural(Int(seconds / 3_600), "hour") }
        return plural(Int(seconds / 60), "minute")
    }

    /// An ISO 8601 UTC timestamp as drift writes them (`2026-12-06T13:24:15Z`).
    public static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    /// The inverse of `date`: whole seconds, UTC.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
