/// Why a scan or check could not be done at all (exit 1). Anything narrower — one resource that
/// could not be read or identified — is a report `errors` entry instead.
public enum DriftCoreError: Error, Sendable, CustomStringConvertible {
    /// The baseline has errors; `rendered` holds the diagnostics as `file:line:col: error: ...`.
    case invalidBaseline(rendered: String)
    /// A state that exists but cannot be read (access denied, not JSON, unsupported version).
    case unreadableState(source: String, reason: String)
    /// No region from the provider block, the flags or the environment.
    case noRegion
    /// AWS could not be reached or refused an account-level call.
    case aws(doing: String, reason: String)
    /// A command-line value that cannot be used.
    case invalidArgument(String)
    case cannotWrite(path: String, reason: String)
    /// An estate account's credentials cannot be had (its role cannot be assumed, its profile does
    /// not exist): an `errors` entry for each of its targets in an estate scan.
    case accountUnreachable(AccountAccessError)

    public var description: String {
        switch self {
        case .invalidBaseline(let rendered): return "the baseline has errors:\n\(rendered)"
        case .unreadableState(let source, let reason): return "cannot read the Terraform state at \(source): \(reason)"
        case .noRegion:
            return "no region: the provider \"aws\" block sets none; set AWS_REGION or pass --region"
        case .aws(let doing, let reason): return "\(doing): \(reason)"
        case .invalidArgument(let message): return message
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        case .accountUnreachable(let error): return error.description
        }
    }
}
