import ArgumentParser
import DriftCore
import Foundation

/// `drift ignore --from REPORT.json`: onboard an existing account by silencing what a scan found,
/// so that the next scan fails only on what is new. Appends to `.driftignore`; never rewrites
/// what is there.
struct IgnoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ignore",
        abstract: "Append .driftignore patterns for the findings of a JSON report.",
        discussion: """
            Reads a report written by drift scan --format json and appends one precise pattern per \
            finding to the .driftignore of the baseline directory, under a dated comment: a changed \
            argument of a drifted resource (aws_instance.web.instance_type), the address of a missing \
            resource, type.id of an unmanaged one. Patterns already in the file are not repeated. \
            After it, the same scan exits 0; a new finding still fails.
            """)

    @Option(help: "The report (drift scan --format json --out REPORT.json).")
    var from: String

    @Option(help: "Only findings of these kinds (comma-separated; default: every kind).")
    var kinds: String?

    @Option(help: "The baseline directory whose .driftignore to extend.")
    var baseline: String = "."

    func run() throws {
        var selected: Set<String>?
        if let kinds {
            let known = Set(Finding.Kind.allCases.map(\.rawValue))
            let names = Set(kinds.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            if let unknown = names.subtracting(known).sorted().first {
                throw ReportOutput.fail("--kinds: unknown kind \"\(unknown)\" (use \(known.sorted().joined(separator: ", ")))")
            }
            selected = names
        }
        guard let data = FileManager.default.contents(atPath: from) else {
            throw ReportOutput.fail("cannot read \(from)")
        }
        let suggestion: IgnoreSuggestion
        do {
            suggestion = try IgnoreSuggestion(reportJSON: String(decoding: data, as: UTF8.self), kinds: selected)
        } catch {
            throw ReportOutput.fail("\(from): \(error)")
        }
        let path = URL(fileURLWithPath: baseline).appendingPathComponent(".driftignore").path
        let existing = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let date = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC") ?? .current, formatOptions: [.withFullDate])
        let what = selected.map { " (\($0.sorted().joined(separator: ", ")))" } ?? ""
        let comment = "\(date): drift ignore --from \((from as NSString).lastPathComponent), \(suggestion.findings) findings\(what)"
        guard let text = suggestion.appended(to: existing, comment: comment) else {
            ReportOutput.stderr("drift: \(path) already holds a pattern for each of the \(suggestion.findings) findings")
            return
        }
        do { try AtomicFile.write(text, to: path) } catch {
            throw ReportOutput.fail("cannot write \(path): \(error)")
        }
        let added = text.split(whereSeparator: \.isNewline).count - existing.split(whereSeparator: \.isNewline).count - 1
        ReportOutput.stderr("drift: \(path): \(max(0, added)) patterns added for \(suggestion.findings) findings")
    }
}

/// Writes a file so that a reader sees the old or the new content, never half: a temporary file in
/// the same directory, then rename(2).
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        try Data(text.utf8).write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw DriftCoreError.cannotWrite(path: path, reason: reason)
        }
    }
}
