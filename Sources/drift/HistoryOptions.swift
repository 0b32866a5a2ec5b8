import ArgumentParser
import Foundation
import History

/// `--history PATH`, else `DRIFT_HISTORY`: where every command finds the scan history.
struct HistoryOptions: ParsableArguments {
    @Option(name: .customLong("history"), help: ArgumentHelp(
        "The scan history database (SQLite; default: $DRIFT_HISTORY).", valueName: "path"))
    var path: String?

    /// The path given, else the environment's; `nil` when neither names one.
    var resolvedPath: String? {
        if let path, !path.isEmpty { return path }
        if let env = ProcessInfo.processInfo.environment["DRIFT_HISTORY"], !env.isEmpty { return env }
        return nil
    }

    /// Opens the history, or fails the command (exit 1) saying why. `readOnly` commands (check)
    /// never create one: without a database there is nothing to read.
    func open(required: Bool, readOnly: Bool = false) throws -> SQLiteHistoryStore? {
        guard let path = resolvedPath else {
            if required { throw ReportOutput.fail("no history: pass --history PATH or set DRIFT_HISTORY") }
            return nil
        }
        if readOnly && !required && !FileManager.default.fileExists(atPath: path) {
            ReportOutput.stderr("drift: note: no history at \(path) yet: nothing to say since when")
            return nil
        }
        if required && !FileManager.default.fileExists(atPath: path) {
            throw ReportOutput.fail("no history at \(path) (drift scan --history \(path) creates it)")
        }
        let hold = Double(ProcessInfo.processInfo.environment["DRIFT_TEST_HOLD_HISTORY_WRITE"] ?? "") ?? 0
        do { return try SQLiteHistoryStore(path: path, holdBeforeCommit: hold) } catch {
            throw ReportOutput.fail(error.description)
        }
    }
}
