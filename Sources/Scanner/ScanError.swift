import Foundation
import AWSClient

/// Why a scan could not produce a snapshot at all.
///
/// Only account-level listings throw: without them the scanner cannot know what exists. Anything
/// that fails for one resource becomes a `ReadError` in `Snapshot.errors` instead.
public enum ScanError: Error, CustomStringConvertible, Sendable {
    /// A listing call (DescribeInstances page, ListBuckets, ListTables) failed after retries.
    case listingFailed(service: AWSService, operation: String, underlying: AWSError)

    public var description: String {
        switch self {
        case .listingFailed(let service, let operation, let error):
            let what: String
            switch service {
            case .ec2: what = "EC2 instances"
            case .s3: what = "S3 buckets"
            case .dynamodb: what = "DynamoDB tables"
            }
            return "could not list \(what) (\(operation)): \(error.code): \(ScanError.oneLine(error.message))"
                + (error.httpStatus > 0 ? " [HTTP \(error.httpStatus)]" : "")
        }
    }

    /// AWS messages sometimes span lines (HTML error pages, stack dumps of emulators); a CLI error is one line.
    static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        return flat.count > 300 ? String(flat.prefix(300)) + "…" : flat
    }
}
