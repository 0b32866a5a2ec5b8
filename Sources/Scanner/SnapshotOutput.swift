import DriftModel
import Foundation

/// Writing a snapshot where a scheduled job can rely on it: canonical pretty JSON, and a file that
/// is either the old one or the complete new one, never half written.
public enum SnapshotOutput {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// The document `drift snapshot` prints: `snapshot.jsonValue.canonicalJSON(pretty: true)` and a
    /// final newline, byte for byte (`parts` joined).
    public static func render(_ snapshot: Snapshot) -> String {
        parts(snapshot).joined()
    }

    /// The same document in pieces, one per resource, each rendered only when it is asked for:
    /// written with `OutputFile.write(parts:)`, a snapshot of 20,000 real-sized instances (hundreds
    /// of MB of JSON) is never held whole, nor a second copy of every resource as one `Value`.
    public static func parts(_ snapshot: Snapshot) -> some Sequence<String> {
        let n = snapshot.normalized()
        var header = n
        header.resources = []
        var members = header.jsonValue.objectValue ?? [:]
        members["resources"] = nil
        let keys = (Array(members.keys) + ["resources"]).sorted()
        func member(_ key: String, first: Bool) -> String {
            var out = first ? "\n  " : ",\n  "
            Value.string(key).writeCanonicalJSON(to: &out, pretty: true, indent: 1)
            out += ": "
            if key != "resources" { members[key]?.writeCanonicalJSON(to: &out, pretty: true, indent: 1) }
            return out
        }
        var opening = "{"
        var closing = ""
        var seenResources = false
        for (i, key) in keys.enumerated() {
            if key == "resources" {
                opening += member(key, first: i == 0) + (n.resources.isEmpty ? "[]" : "[")
                closing = n.resources.isEmpty ? "" : "\n  ]"
                seenResources = true
            } else if seenResources {
                closing += member(key, first: false)
            } else {
                opening += member(key, first: i == 0)
            }
        }
        closing += "\n}\n"
        // `indices.lazy`: `lazy.enumerated()` is not lazy, its `map` would render every resource at once.
        let all = n.resources
        let resources = all.indices.lazy.map { j in
            var out = j > 0 ? ",\n    " : "\n    "
            all[j].jsonValue.writeCanonicalJSON(to: &out, pretty: true, indent: 2)
            return out
        }
        return [AnySequence([opening]), AnySequence(resources), AnySequence([closing])].joined()
    }

    /// Writes `text` through the shared `OutputFile` (atomic for files, written through for devices).
    public static func writeAtomically(_ text: String, to path: String) throws(WriteError) {
        do { try OutputFile.prepare(path).write(text) } catch { throw WriteError(path: path, reason: error.reason) }
    }
}

extension ScanProgress: CustomStringConvertible {
    /// One progress line: `42 resources, 97 requests, 0 retries · s3: reading 50 buckets`.
    public var description: String {
        "\(resourcesFound) resources, \(requestsMade) requests, \(retries) retries · \(phase)"
    }
}
