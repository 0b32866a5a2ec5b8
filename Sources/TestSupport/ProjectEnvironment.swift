import Foundation

/// Where the project's own tools are: the repository root (found from this file's path, so it
/// holds for `swift test` run from anywhere) and the virtual environment `scripts/bootstrap` makes
/// in `.venv`. The tests use that environment's `python3` and `moto_server`, as every script does;
/// a distribution's Python refuses `pip install` outside one (PEP 668).
public enum ProjectEnvironment {
    /// The repository root: `Sources/TestSupport/` is two levels below it.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `.venv/bin` of the repository.
    public static var venvBin: URL { root.appendingPathComponent(".venv/bin") }

    /// The executable `name` from `.venv/bin` when bootstrap made it; else `name` itself, for
    /// `/usr/bin/env` to find on PATH.
    public static func tool(_ name: String) -> String {
        let candidate = venvBin.appendingPathComponent(name).path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : name
    }

    /// The process environment with `.venv/bin` first on PATH.
    public static func environment(adding extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        if FileManager.default.fileExists(atPath: venvBin.path) {
            env["PATH"] = venvBin.path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
            env["VIRTUAL_ENV"] = venvBin.deletingLastPathComponent().path
        }
        for (k, v) in extra { env[k] = v }
        return env
    }
}
