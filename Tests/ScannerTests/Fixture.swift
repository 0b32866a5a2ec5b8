import AWSClient
import DriftModel
import Foundation

/// Recorded moto answers under `Fixtures/moto` (re-captured with `scripts/capture-scanner-fixtures`).
enum Fixture {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "fixture \(name) not found" }
    }

    static func data(_ name: String) throws -> Data {
        guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { throw Missing(name: name) }
        return try Data(contentsOf: root.appendingPathComponent(name))
    }

    static func xml(_ name: String) throws -> XMLTree { try XMLTree.parse(data("moto/" + name)) }

    static func json(_ name: String) throws -> Value { try JSONParser.parse(String(decoding: data("moto/" + name), as: UTF8.self)) }

    /// The ids the capture script wrote (`full`, `plain`, `stopped`, `terminated`, `subnet`, `sg`, `ami`).
    static func ids() throws -> Value { try json("ids.json") }
}
