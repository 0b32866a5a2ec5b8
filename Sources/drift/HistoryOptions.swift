import ArgumentParser
import Foundation
import History
import HistoryPostgres

/// `--history PATH|URL`, else `DRIFT_HISTORY`: where every command finds the scan history.
struct HistoryOptions: ParsableArguments {
    @Option(name: .customLong("history"), help: ArgumentHelp(
        "The scan history: a SQLite file, or postgres://user@host:port/db (password from PGPASSWORD) "
            + "(default: $DRIFT_HISTORY).", valueName: "path|url"))
    var path: String?

    /// The path or URL given, else the environment's; `nil` when neither names one.
    var resolvedPath: String? {
        if let path, !path.isEmpty { return path }
        if let env = ProcessInfo.processInfo.environment["DRIFT_HISTORY"], !env.isEmpty { return env }
        return nil
    }

    /// Opens the history, or fails the command (exit 1) saying why. `readOnly` commands (check)
    /// never create a SQLite file: without a database there is nothing to read. A PostgreSQL
    /// history is a server: opening it creates (migrates) the schema in the named database.
    func open(required: Bool, readOnly: Bool = false) throws -> (any HistoryStore)? {
        guard let text = resolvedPath else {
            if required { throw ReportOutput.fail("no history: pass --history PATH or set DRIFT_HISTORY") }
            return nil
        }
        let location: HistoryLocation
        do { location = try HistoryLocation(parsing: text) } catch { throw ReportOutput.fail(error.description) }
        if case .sqlite(let path) = location {
            if readOnly && !required && !FileManager.default.fileExists(atPath: path) {
                ReportOutput.stderr("drift: note: no history at \(path) yet: nothing to say since when")
                return nil
            }
            if required && !FileManager.default.fileExists(atPath: path) {
                throw ReportOutput.fail("no history at \(path) (drift scan --history \(path) creates it)")
            }
        }
        let hold = Double(ProcessInfo.processInfo.environment["DRIFT_TEST_HOLD_HISTORY_WRITE"] ?? "") ?? 0
        do { return try HistoryEngines.open(location, holdBeforeCommit: hold) } catch {
            throw ReportOutput.fail(error.description)
        }
    }
}
