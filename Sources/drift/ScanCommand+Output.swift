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

    /// The width of the terminal stdout is, for wrapping warnings; nil when it is not one.
    static var terminalWidth: Int? {
        guard isatty(1) != 0 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 else { return nil }
        return Int(size.ws_col)
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

    /// The progress line on stderr, only when stderr is a terminal.
    static func progressLine() -> ProgressLine? {
        isatty(2) != 0 ? ProgressLine() : nil
    }
}

/// The one progress printer of every command: a single stderr line rewritten at most ten times a
/// second with the phase, calls done/planned, requests per service and resources found, cut to
/// the terminal's width so that it never wraps; `finish` clears it, or leaves a last summary.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var last = Date.distantPast
    private var latest: ScanProgress?
    private let width: Int

    init() {
        var size = winsize()
        width = ioctl(2, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 20 ? Int(size.ws_col) : 100
    }

    func update(_ progress: ScanProgress) {
        let line: String? = lock.withLock {
            latest = progress
            let now = Date()
            guard now.timeIntervalSince(last) >= 0.1 else { return nil }
            last = now
            return "\r\u{1B}[2K" + String(("drift: " + progress.line).prefix(width - 1))
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Clears the line; with `summary`, leaves `drift: N resources, M requests (per service)`.
    func finish(summary: Bool = false) {
        var text = "\r\u{1B}[2K"
        if summary, let final = lock.withLock({ latest }) {
            let services = final.requestsByService.keys.sorted().map { "\($0) \(final.requestsByService[$0] ?? 0)" }
            text += "drift: \(final.resourcesFound) resources, \(final.requestsMade) requests"
            if !services.isEmpty { text += " (\(services.joined(separator: ", ")))" }
            text += ", \(final.retries) retries\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
