import DriftCore
import DriftModel
import Foundation
import Testing

/// Inputs the state-reader fuzz target (Fuzz/Targets/state-reader.swift) crashed on, kept under
/// Fixtures/fuzz/state-reader: each is now read or refused with an error, never a trap.
@Suite("State reader: fuzzer findings and odd index keys")
struct StateReaderFuzzTests {
    @Test("every input the fuzzer crashed on is read or refused with an error")
    func crashInputs() throws {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("fuzz/state-reader")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let bytes = Array(try Data(contentsOf: root.appendingPathComponent(name)))
            do {
                _ = try TerraformState.parse(bytes, source: name)
            } catch {
                #expect(error.description.contains(name))
            }
        }
    }

    /// The first crash: `"index_key": 66666666666666666666661` trapped converting to `Int`.
    @Test("a numeric index_key that is not a whole number in range makes the state unreadable, naming the resource")
    func numericIndexKeys() throws {
        func state(_ key: String) -> [UInt8] {
            Array("""
                {"version": 4, "resources": [{"mode": "managed", "type": "aws_instance", "name": "web",
                  "instances": [{"index_key": \(key), "attributes": {"id": "i-1"}}]}]}
                """.utf8)
        }
        for key in ["66666666666666666666661", "1.5", "-1e300", "9.3e18"] {
            #expect {
                try TerraformState.parse(state(key), source: "t.tfstate")
            } throws: { error in
                let text = (error as? DriftCoreError)?.description ?? ""
                return text.contains("t.tfstate") && text.contains("aws_instance.web has index_key")
                    && text.contains("not a whole number")
            }
        }
        // Whole numbers, written as integers or not, are count indexes.
        for (key, address) in [("2", "aws_instance.web[2]"), ("3.0", "aws_instance.web[3]"), ("1e2", "aws_instance.web[100]")] {
            let read = try TerraformState.parse(state(key), source: "t.tfstate")
            #expect(Array(read.instances.keys) == [address])
        }
    }
}
