import Foundation

/// `--keep 90d`: how much history to keep, in days (`d`), weeks (`w`) or hours (`h`).
public struct RetentionPeriod: Sendable, Hashable, CustomStringConvertible {
    public var seconds: TimeInterval
    public var description: String

    public init(_ text: String) throws(HistoryError) {
        let units: [Character: TimeInterval] = ["h": 3600, "d": 86_400, "w": 604_800]
        guard let unit = text.last, let factor = units[unit], let n = Int(text.dropLast()), n >= 0 else {
            throw .invalidArgument("--keep: \"\(text)\" is not a period (use e.g. 90d, 12w or 48h)")
        }
        seconds = TimeInterval(n) * factor
        description = text
    }

    /// The oldest timestamp kept, counted back from `now`.
    public func cutoff(now: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: now.addingTimeInterval(-seconds))
    }
}
