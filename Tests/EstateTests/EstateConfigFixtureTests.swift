import Estate
import Foundation
import HCL
import Testing

/// Every fixture under `Fixtures/valid` loads to its `expected.txt` (paths shown relative to the
/// fixture; `DRIFT_RECORD_ESTATE=1` re-records, review the diff); every fixture under
/// `Fixtures/invalid` fails with exactly the diagnostics its `# ERROR:` markers name, each at its
/// `file:line:col` with the caret under that column.
@Suite("drift.hcl fixtures")
struct EstateConfigFixtureTests {
    @Test("each valid configuration loads to what its expected.txt says", arguments: EstateFixtures.names("valid"))
    func valid(_ name: String) throws {
        let file = EstateFixtures.validFile(name)
        let config = try EstateConfigLoader.load(file: file, environment: EstateFixtures.environment)
        let actual = Self.text(config).replacingOccurrences(of: EstateFixtures.root + "/valid/" + name, with: "<fixture>")
        let expectedPath = EstateFixtures.root + "/valid/" + name + "/expected.txt"
        if ProcessInfo.processInfo.environment["DRIFT_RECORD_ESTATE"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/valid/\(name)/expected.txt")
            try actual.write(to: source, atomically: true, encoding: .utf8)
            return
        }
        #expect(actual == (try String(contentsOfFile: expectedPath, encoding: .utf8)))
    }

    @Test("each invalid configuration gives one diagnostic per marker, at the marker's line:col", arguments: EstateFixtures.names("invalid", suffix: ".hcl"))
    func invalid(_ name: String) throws {
        let file = EstateFixtures.root + "/invalid/" + name
        let source = try String(contentsOfFile: file, encoding: .utf8)
        let markers = EstateFixtures.markers(in: source)
        #expect(!markers.isEmpty, "no # ERROR: marker in \(name)")
        do {
            let config = try EstateConfigLoader.load(file: file, environment: EstateFixtures.environment)
            Issue.record("\(name) loaded: \(config)")
        } catch {
            let found = error.diagnostics.map {
                EstateFixtures.Marker(line: $0.range.start.line, column: $0.range.start.column, summary: $0.message)
            }
            #expect(found == markers, "\(error.rendered)")
            // Rendered as a .tf diagnostic is: file:line:col: error: summary, the line, the caret.
            let blocks = error.rendered.components(separatedBy: "\n\n")
            #expect(blocks.count == markers.count)
            for (block, marker) in zip(blocks, markers) {
                let lines = block.components(separatedBy: "\n")
                #expect(lines.first == "\(file):\(marker.line):\(marker.column): error: \(marker.summary)")
                #expect(lines.count >= 3)
                if lines.count >= 3 {
                    #expect(lines[2] == String(repeating: " ", count: marker.column - 1) + "^", "\(block)")
                }
            }
            #expect(!error.rendered.contains("SECRETXYZ"), "\(error.rendered)")
            #expect(error.description == error.rendered)
        }
    }

    @Test("the fixture directories are there")
    func present() {
        #expect(EstateFixtures.names("valid").count >= 3)
        #expect(EstateFixtures.names("invalid", suffix: ".hcl").count >= 40)
    }

    /// Every field, secrets as `<secret N chars>` so the golden file holds none.
    static func text(_ config: EstateConfig) -> String {
        var lines: [String] = []
        for root in config.roots {
            lines.append("root \(root.name)")
            lines.append("  path: \(root.path)")
            for file in root.varFiles { lines.append("  var_file: \(file)") }
            for variable in root.vars { lines.append("  var: \(variable)") }
            if let state = root.state { lines.append("  state: \(state)") }
            if let accounts = root.accounts { lines.append("  accounts: \(accounts.joined(separator: ", "))") }
            if let source = root.source { lines.append("  source: \(source.description.split(separator: "/").last ?? "")") }
        }
        for account in config.accounts {
            lines.append("account \(account.name)")
            if let profile = account.profile { lines.append("  profile: \(profile)") }
            if let arn = account.roleARN { lines.append("  role_arn: \(arn)") }
            if let id = account.externalID { lines.append("  external_id: <secret \(id.count) chars>") }
            if let session = account.sessionName { lines.append("  session_name: \(session)") }
            if let duration = account.durationSeconds { lines.append("  duration_seconds: \(duration)") }
            lines.append("  regions: \(account.regions.joined(separator: ", "))")
        }
        if let url = config.historyURL {
            lines.append("history: " + (url.contains("://") ? "<secret \(url.count) chars>" : url))
        }
        for url in config.notifyURLs { lines.append("notify: <secret \(url.count) chars>") }
        for pattern in config.ignore { lines.append("ignore: \(pattern)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
