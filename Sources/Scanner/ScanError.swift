import Foundation
import AWSClient
import DriftModel

/// Why a scan could not produce a snapshot at all.
///
/// Only account-level listings throw: without them the scanner cannot know what exists. Anything
/// that fails for one resource becomes a `ReadError` in `Snapshot.errors` instead.
public enum ScanError: Error, CustomStringConvertible, Sendable {
    /// A listing call (DescribeInstances page, ListBuckets, ListTables) failed after retries.
    case listingFailed(service: AWSService, operation: String, underlying: AWSError)
    /// A listing answered with a document that is not the listing asked for.
    case malformedListing(service: AWSService, operation: String, root: String)

    public var description: String {
        switch self {
        case .listingFailed(let service, let operation, let error):
            return "could not list \(ScanError.what(service)) (\(operation)): \(error.code): \(ScanError.oneLine(error.message))"
                + (error.httpStatus > 0 ? " [HTTP \(error.httpStatus)]" : "")
        case .malformedListing(let service, let operation, let root):
            return "could not list \(ScanError.what(service)) (\(operation)): unexpected answer (\(root))"
        }
    }

    /// The listing's error entry when the `--deadline` (not AWS) stopped it: the scan then goes on
    /// without that listing's types, which are reported as not read, never as missing.
    public var cutByDeadline: ReadError? {
        guard case .listingFailed(let service, let operation, let error) = self, error.code == "DeadlineExceeded" else { return nil }
        return ReadError(service: service.rawValue, operation: operation, resource: nil, code: error.code, message: error.message)
    }

    static func what(_ service: AWSService) -> String {
        switch service {
        case .ec2: return "EC2 instances"
        case .s3: return "S3 buckets"
        case .dynamodb: return "DynamoDB tables"
        }
    }

    /// AWS messages sometimes span lines (HTML error pages, stack dumps of emulators); a CLI error is one line.
    static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        return flat.count > 300 ? String(flat.prefix(300)) + "…" : flat
    }
}
