/// Why a history could not be opened, written or read. One error type for the module; the
/// command renders it as a "could not run" failure (exit 1).
public enum HistoryError: Error, Sendable, CustomStringConvertible {
    /// The database file cannot be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The database was written by a newer drift (a schema version this build does not know).
    case newerSchema(path: String, version: Int, known: Int)
    /// A statement failed while recording or reading.
    case database(doing: String, reason: String)
    /// Stored content that does not parse back (a damaged or foreign database).
    case corrupt(String)
    /// A history query that names nothing (`@-7` with five scans, an unknown resource).
    case notFound(String)
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open the history \(path): \(reason)"
        case .newerSchema(let path, let version, let known):
            return "the history \(path) has schema version \(version); this drift knows up to \(known): upgrade drift"
        case .database(let doing, let reason): return "history: \(doing): \(reason)"
        case .corrupt(let what): return "history: stored data does not read back: \(what)"
        case .notFound(let what): return what
        case .invalidArgument(let message): return message
        }
    }
}
