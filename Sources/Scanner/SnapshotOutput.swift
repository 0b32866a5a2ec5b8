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

    /// The document `drift snapshot` prints: `Value.canonicalJSON(pretty: true)` and a final newline.
    public static func render(_ snapshot: Snapshot) -> String {
        snapshot.jsonValue.canonicalJSON(pretty: true) + "\n"
    }

    /// Writes `text` to a temporary file next to `path`, then renames it over `path`.
    public static func writeAtomically(_ text: String, to path: String) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw WriteError(path: path, reason: (error as NSError).localizedDescription)
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, reason: reason)
        }
    }
}

extension ScanProgress: CustomStringConvertible {
    /// One progress line: `42 resources, 97 requests, 0 retries · s3: reading 50 buckets`.
    public var description: String {
        "\(resourcesFound) resources, \(requestsMade) requests, \(retries) retries · \(phase)"
    }
}
