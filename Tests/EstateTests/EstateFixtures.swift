import Estate
import Foundation

/// The fixture configurations under `Fixtures/`: `valid/NAME/` (a `drift.hcl` with the roots it
/// names, and `expected.txt`), `invalid/NAME.hcl` (each with `# ERROR: LINE:COL Summary` markers).
enum EstateFixtures {
    static var root: String {
        (Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.path ?? "Fixtures")
    }

    /// The environment every fixture is read with.
    static let environment = [
        "DRIFT_EXTERNAL_ID": "ext-7c1f9d",
        "DRIFT_HISTORY": "postgres://drift:hunter2@db.internal:5432/drift",
        "DRIFT_SLACK_WEBHOOK": "https://hooks.slack.com/services/T000/B000/XXXXSECRET",
        "DRIFT_ENVIRONMENT": "prod",
        "DRIFT_UNSET_OPTIONAL": "",
    ]

    static func names(_ kind: String, suffix: String = "") -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + kind)) ?? []
        return names.filter { suffix.isEmpty ? !$0.hasPrefix(".") : $0.hasSuffix(suffix) }.sorted()
    }

    /// The valid fixture's configuration file (`conf/drift.hcl` when there is a `conf/`).
    static func validFile(_ name: String) -> String {
        let directory = root + "/valid/" + name
        let nested = directory + "/conf/drift.hcl"
        return FileManager.default.fileExists(atPath: nested) ? nested : directory + "/drift.hcl"
    }

    /// One `# ERROR: LINE:COL Summary` marker.
    struct Marker: Equatable, CustomStringConvertible {
        var line: Int
        var column: Int
        var summary: String
        var description: String { "\(line):\(column) \(summary)" }
    }

    static func markers(in source: String) -> [Marker] {
        source.split(separator: "\n").compactMap { line -> Marker? in
            guard line.hasPrefix("# ERROR: ") else { return nil }
            let rest = line.dropFirst("# ERROR: ".count)
            guard let space = rest.firstIndex(of: " ") else { return nil }
            let position = rest[..<space].split(separator: ":")
            guard position.count == 2, let line = Int(position[0]), let column = Int(position[1]) else { return nil }
            return Marker(line: line, column: column, summary: String(rest[rest.index(after: space)...]))
        }
    }
}
