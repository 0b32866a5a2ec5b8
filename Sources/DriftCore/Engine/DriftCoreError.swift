import DriftModel

/// Why a scan or check could not be done at all (exit 1). Anything narrower — one resource that
/// could not be read or identified — is a report `errors` entry instead.
public enum DriftCoreError: Error, Sendable, CustomStringConvertible {
    /// The baseline has errors: its error diagnostics, each `file:line:col: error: ...` with the
    /// line and a caret when rendered.
    case invalidBaseline([BaselineDiagnostic])
    /// A state that exists but cannot be read (access denied, not JSON, unsupported version).
    case unreadableState(source: String, reason: String)
    /// No region from the provider block, the flags or the environment.
    case noRegion
    /// AWS could not be reached or refused an account-level call; `code` is AWS's error code
    /// (`AccessDenied`) when AWS answered one.
    case aws(doing: String, reason: String, code: String? = nil)
    /// A command-line value that cannot be used.
    case invalidArgument(String)
    case cannotWrite(path: String, reason: String)
    /// An estate account's credentials cannot be had (its role cannot be assumed, its profile does
    /// not exist): an `errors` entry for each of its targets in an estate scan.
    case accountUnreachable(AccountAccessError)

    public var description: String {
        switch self {
        case .invalidBaseline(let diagnostics):
            return "the baseline has errors:\n" + diagnostics.map(\.rendered).joined(separator: "\n")
        case .unreadableState(let source, let reason): return "cannot read the Terraform state at \(source): \(reason)"
        case .noRegion:
            return "no region: the provider \"aws\" block sets none; set AWS_REGION or pass --region"
        case .aws(let doing, let reason, _): return "\(doing): \(reason)"
        case .invalidArgument(let message): return message
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        case .accountUnreachable(let error): return error.description
        }
    }

    /// The `code` of the report `errors` entry this failure becomes where it fails one part of an
    /// estate (a root, an account) rather than the whole scan: AWS's own code when AWS answered
    /// (`AccessDenied`, `OptInRequired`), else drift's name for the failure. Read from the typed
    /// error, never guessed from its text.
    public var reportCode: String {
        switch self {
        case .invalidBaseline: return "InvalidBaseline"
        case .unreadableState: return "UnreadableState"
        case .noRegion: return "NoRegion"
        case .aws(_, _, let code): return code ?? "Unreachable"
        case .invalidArgument: return "InvalidArgument"
        case .cannotWrite: return "CannotWrite"
        case .accountUnreachable(let error): return error.code
        }
    }
}
