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
