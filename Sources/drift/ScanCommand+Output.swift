import ArgumentParser
import DriftCore
import Foundation
import Scanner

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `scan` and `check` write: the report on stdout, everything else on stderr, colour and
/// progress only on a terminal and never with `NO_COLOR`.
enum ReportOutput {
    static func stdout(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func stderr(_ line: String) {
        FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
    }

    static var colourOnStdout: Bool {
        isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// A "could not run" failure: the message on stderr, exit 1.
    static func fail(_ message: String) -> ExitCode {
        stderr("drift: error: \(message)")
        return ExitCode(1)
    }

    /// `drifted,missing`, or `new` with or without kinds.
    static func failPolicy(_ text: String) throws -> FailPolicy {
        var kinds: Set<Finding.Kind> = []
        var onlyNew = false
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            if part == "new" { onlyNew = true; continue }
            guard let kind = Finding.Kind(rawValue: part) else {
                let known = Finding.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail("--fail-on: unknown kind \"\(part)\" (use \(known), or new)")
            }
            kinds.insert(kind)
        }
        return FailPolicy(kinds: kinds, onlyNew: onlyNew)
    }

    /// A single self-overwriting progress line on stderr, only when stderr is a terminal.
    static func progressLine() -> ScanProgressLine? {
        isatty(2) != 0 ? ScanProgressLine() : nil
    }
}

/// Rewrites one stderr line with the scan's counters; cleared when the scan ends.
final class ScanProgressLine: Sendable {
    func update(_ p: ScanProgress) {
        let line = "\r\u{1B}[2Kdrift: \(p.phase): \(p.resourcesFound) resources, \(p.requestsMade) requests"
            + (p.retries > 0 ? ", \(p.retries) retries" : "")
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
