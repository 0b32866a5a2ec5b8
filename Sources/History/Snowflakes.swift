import DriftCore
import DriftModel
import Foundation

/// `drift history snowflakes`: servers ranked by in-place changes since launch. Immutable
/// infrastructure replaces a server instead of editing it, so the most edited are the ones to
/// replace first; the cleanest were never touched.
public struct SnowflakeRank: Sendable, Hashable {
    public var timeline: ResourceTimeline
    /// `launch_time` when the scanner read it, else when the history first saw the server.
    public var launched: String
    public var lastChange: String?
    public var gone: Bool

    public var changes: Int { timeline.inPlaceChanges }

    /// Worst first: most in-place changes, then most recent change, then id.
    public static func rank(_ timelines: [ResourceTimeline], versions: [ResourceVersion]) -> [SnowflakeRank] {
        var launch: [String: String] = [:]
        for v in versions {
            if let t = v.resource.attributes["launch_time"]?.stringValue { launch[v.target.key + "\u{0}" + v.key] = t }
        }
        return timelines.map { t in
            let key = t.target.key + "\u{0}" + t.type + "\u{0}" + t.id
            return SnowflakeRank(
                timeline: t, launched: launch[key] ?? t.events.first?.at ?? "",
                lastChange: t.events.last { $0.kind == .changed }?.at, gone: t.events.last?.kind == .gone)
        }.sorted {
            ($1.changes, $1.lastChange ?? "", $0.timeline.id) < ($0.changes, $0.lastChange ?? "", $1.timeline.id)
        }
    }
}
