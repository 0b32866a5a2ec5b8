import DriftModel
import Foundation
import Terraform
import Testing

/// Random truncations and byte mutations of a valid module must never crash or hang the loader;
/// a file cut inside a block must end in an error diagnostic with a location.
@Suite("Loader robustness under truncation and mutation")
struct LoaderRobustnessTests {
    /// SplitMix64: a seeded generator, so a failure is reproducible from its seed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let source = DifferentialTests.directory + "/platform"
    static let alphabet = Array("{}[]()\"'$%=:,.<>!*/#\n\t ~\\abcz019-_".utf8) + [0xC3, 0xA9, 0xFF, 0x00]

    /// A scratch copy of the platform fixture with the file `name` replaced by `bytes`.
    static func module(with bytes: [UInt8], as name: String = "main.tf") throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("drift-fuzz-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: source, toPath: directory)
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/" + name))
        return directory
    }

    static func load(_ directory: String) -> Baseline {
        BaselineLoader(directory: directory, environment: [:]).load()
    }

    @Test("files cut right after an opening brace end in a located error", .timeLimit(.minutes(2)))
    func truncations() throws {
        let original = try Array(Data(contentsOf: URL(fileURLWithPath: Self.source + "/main.tf")))
        let cuts = original.indices.filter { original[$0] == UInt8(ascii: "{") }
        var generator = SeededGenerator(state: 4)
        for cut in cuts.shuffled(using: &generator).prefix(25) {
            let directory = try Self.module(with: Array(original[...cut]))
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let baseline = Self.load(directory)
            #expect(baseline.hasErrors, "cut at byte \(cut) gave no error")
            for diagnostic in baseline.diagnostics {
                #expect(diagnostic.location.range(of: #"^[^:]+:\d+:\d+$"#, options: .regularExpression) != nil)
            }
        }
    }

    @Test("random byte mutations and truncations never crash or hang", .timeLimit(.minutes(3)))
    func mutations() throws {
        try mutate(file: Self.source + "/main.tf", as: "main.tf", rounds: 300, seed: 2026)
        try mutate(file: LoaderFixtures.root + "/json/main.tf.json", as: "main.tf.json", rounds: 100, seed: 7)
        try mutate(file: Self.source + "/terraform.tfvars", as: "terraform.tfvars", rounds: 60, seed: 11)
    }

    private func mutate(file: String, as name: String, rounds: Int, seed: UInt64) throws {
        let original = try Array(Data(contentsOf: URL(fileURLWithPath: file)))
        var generator = SeededGenerator(state: seed)
        for round in 0..<rounds {
            var bytes = original
            if round % 3 == 0 {
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator)))
            }
            for _ in 0..<Int.random(in: 1...8, using: &generator) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[at] = Self.alphabet.randomElement(using: &generator) ?? 0
                case 1: bytes.remove(at: at)
                default: bytes.insert(Self.alphabet.randomElement(using: &generator) ?? 0, at: at)
                }
            }
            let directory = try Self.module(with: bytes, as: name)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let baseline = Self.load(directory)
            for diagnostic in baseline.diagnostics {
                #expect(!diagnostic.rendered.isEmpty)
                #expect(diagnostic.location.contains(":"), "round \(round): \(diagnostic.location)")
            }
        }
    }

    @Test("a chain of 20000 locals ends in a value or a located error, not a stack overflow", .timeLimit(.minutes(2)))
    func deepReferenceChain() throws {
        var text = "locals {\n  l0 = \"x\"\n"
        for i in 1..<20_000 { text += "  l\(i) = local.l\(i - 1)\n" }
        text += "}\n\nresource \"test_thing\" \"x\" {\n  v = local.l19999\n}\n"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drift-deep-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/main.tf"))
        let baseline = Self.load(directory)
        #expect(baseline.errorMessages.allSatisfy { $0 == "References nested too deeply" })
        let thing = try #require(baseline.resource("test_thing.x"))
        #expect(thing.attributes["v"] == "x" || thing.unknown == ["v"])
    }
}
