import DriftCore
import Estate
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `drift scan` covers: the roots of `--baseline` (repeated, globs expanded to
/// directories), else of `--config FILE`, else of `./drift.hcl`.
enum ScanScope {
    /// The file read when neither `--baseline` nor `--config` is given.
    static let defaultConfigFile = "drift.hcl"

    /// The configuration the flags describe; fails the command (exit 1) saying why.
    static func config(baselines: [String], configFile: String?, statePath: String?) throws -> EstateConfig {
        if let configFile {
            guard baselines.isEmpty else { throw ReportOutput.fail("give --baseline or --config, not both") }
            return try load(configFile, statePath: statePath)
        }
        guard !baselines.isEmpty else {
            if FileManager.default.fileExists(atPath: defaultConfigFile) { return try load(defaultConfigFile, statePath: statePath) }
            throw ReportOutput.fail("no baseline: pass --baseline DIR (repeatable), --config FILE, or write a drift.hcl here")
        }
        var roots: [EstateRoot] = []
        for pattern in baselines {
            for path in try expand(pattern) where !roots.contains(where: { $0.name == path }) {
                roots.append(EstateRoot(name: path, path: path))
            }
        }
        if roots.count > 1, statePath != nil {
            throw ReportOutput.fail("--state names one root's state: with several roots, each reads its own (or give state in drift.hcl)")
        }
        return EstateConfig(roots: roots)
    }

    static func load(_ file: String, statePath: String?) throws -> EstateConfig {
        if statePath != nil { throw ReportOutput.fail("--state names one root's state: with --config, give state in the root block") }
        do { return try EstateConfigLoader.load(file: file, environment: ProcessInfo.processInfo.environment) } catch {
            throw ReportOutput.fail(error.description)
        }
    }

    /// `--shard I/N`: the targets this process scans; every target without one.
    static func selection(_ shard: String?) throws -> @Sendable ([EstateTarget]) -> [EstateTarget] {
        guard let shard else { return { $0 } }
        do {
            let parsed = try Shard(parsing: shard)
            return { parsed.select($0) }
        } catch { throw ReportOutput.fail("--shard: \(error.description)") }
    }

    /// A plain path as given; a pattern (`infra/prod/*`) as the directories it matches, sorted.
    /// A pattern that matches no directory is a mistake, not an empty estate.
    static func expand(_ pattern: String) throws -> [String] {
        guard pattern.contains(where: { "*?[".contains($0) }) else { return [pattern] }
        var matches = glob_t()
        defer { globfree(&matches) }
        var paths: [String] = []
        if glob(pattern, 0, nil, &matches) == 0 {
            for i in 0..<Int(matches.gl_pathc) {
                guard let cString = matches.gl_pathv[i] else { continue }
                let path = String(cString: cString)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    paths.append(path)
                }
            }
        }
        guard !paths.isEmpty else { throw ReportOutput.fail("--baseline \(pattern): no directory matches") }
        return paths.sorted()
    }
}
