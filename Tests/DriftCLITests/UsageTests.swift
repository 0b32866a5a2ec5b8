import Foundation
import Testing
import TestSupport

/// Usage errors are "could not run" (exit 1) like every other, never ArgumentParser's 64, so a CI
/// gate that tests for 2 cannot mistake a typo for drift nor for a clean run.
@Suite("command-line usage")
struct UsageTests {
    @Test("a missing required option or an unknown flag exits 1 with a usage line on stderr")
    func usageErrors() throws {
        let missing = try DriftBinary.run(["scan"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("--baseline"))
        let unknownFlag = try DriftBinary.run(["baseline", "--baseline", ".", "--no-such-flag"])
        #expect(unknownFlag.status == 1)
        #expect(unknownFlag.stderr.contains("no-such-flag"))
    }

    @Test("--help and --version still exit 0 on stdout")
    func helpAndVersion() throws {
        let help = try DriftBinary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("scan"))
        let version = try DriftBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }
}
