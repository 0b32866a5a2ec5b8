import Foundation
import HCL

/// Reads `drift.hcl`, the estate's configuration file, into an `EstateConfig`.
///
/// The file is HCL native syntax, parsed by the same parser as `.tf` files, and checked against a
/// fixed schema (`root`, `account`, `history`, `notify` blocks and a top-level `ignore`): every
/// mistake is one diagnostic with `file:line:col` and a caret, all of them reported at once.
/// Expressions may call `env("NAME")` (and `env("NAME", default)`) and a few string and list
/// functions; there are no variables. Paths are relative to the file's directory.
/// docs/estate.md is the reference for users.
public enum EstateConfigLoader {
    /// Reads and checks `file`. Besides what `decode` checks, the roots' directories and their
    /// var files must exist. `environment` serves `env("NAME")` (pass the process environment).
    public static func load(file: String, environment: [String: String]) throws(EstateConfigError) -> EstateConfig {
        guard let data = FileManager.default.contents(atPath: file) else {
            let what = isDirectory(file) ? "is a directory, not a file" : "could not be read"
            throw failure(file, [Diagnostic(message: "Failed to read file", range: startOfFile(file), notes: ["The file \"\(file)\" \(what)."])], source: "")
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw failure(file, [Diagnostic(message: "Invalid file encoding", range: startOfFile(file), notes: ["The file \"\(file)\" is not UTF-8 text."])], source: "")
        }
        return try decode(source: source, file: file, environment: environment, pathKind: pathKind)
    }

    /// Checks `source`, the text of `file`, without touching the file system: `pathKind`, when
    /// given, says whether a resolved path is a directory, a regular file or missing (the roots'
    /// paths and var files are checked with it). `file` names the file in diagnostics and decides
    /// the directory relative paths are resolved against.
    public static func decode(
        source: String, file: String, environment: [String: String], pathKind: ((String) -> PathKind)? = nil
    ) throws(EstateConfigError) -> EstateConfig {
        let parsed = HCLParser.parse(source, filename: file)
        let masked = SecretMask.masked(source, body: parsed.body, lineByLine: parsed.hasErrors)
        if parsed.hasErrors {
            throw failure(file, parsed.diagnostics.filter { $0.severity == .error }, source: masked)
        }
        var decoder = EstateConfigDecoder(file: file, environment: environment, pathKind: pathKind)
        let config = decoder.decode(parsed.body)
        guard let config, decoder.diagnostics.isEmpty else {
            throw failure(file, decoder.diagnostics, source: masked)
        }
        return config
    }

    /// What a path on disk is, as `decode`'s `pathKind` reports it.
    public enum PathKind: Sendable, Hashable { case directory, file, missing }

    /// The file system's answer for `path` (symbolic links followed).
    public static func pathKind(_ path: String) -> PathKind {
        var directory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &directory) else { return .missing }
        return directory.boolValue ? .directory : .file
    }

    private static func isDirectory(_ path: String) -> Bool { pathKind(path) == .directory }

    static func startOfFile(_ file: String) -> SourceRange {
        let start = SourcePosition(line: 1, column: 1, offset: 0)
        return SourceRange(filename: file, start: start, end: start)
    }

    /// The error for `diagnostics`, in file order, rendered against the masked source.
    static func failure(_ file: String, _ diagnostics: [Diagnostic], source: String) -> EstateConfigError {
        let ordered = diagnostics.enumerated().sorted { a, b in
            let (x, y) = (a.element.range.start, b.element.range.start)
            if x.line != y.line { return x.line < y.line }
            if x.column != y.column { return x.column < y.column }
            return a.offset < b.offset
        }.map(\.element)
        return EstateConfigError(
            file: file, diagnostics: ordered, rendered: DiagnosticRenderer.render(ordered, source: source))
    }
}

/// Paths in `drift.hcl` are relative to the file's directory; they are joined and cleaned
/// lexically (as Go's `filepath.Clean`), never looked up, so the result does not depend on
/// symbolic links or the current directory beyond the file's own path.
enum EstatePath {
    /// The directory of `file`: `.` for a bare file name, `/` for a file at the root.
    static func directory(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "." }
        let directory = String(file[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    /// `path` resolved against `directory` (absolute paths are kept), cleaned.
    static func resolve(_ path: String, against directory: String) -> String {
        if path.hasPrefix("/") || directory == "." { return clean(path) }
        return clean(directory + "/" + path)
    }

    /// Removes empty and `.` components and folds `name/..` pairs; `..` above `/` is dropped,
    /// above a relative start kept.
    static func clean(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !absolute {
                    parts.append(part)
                }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
