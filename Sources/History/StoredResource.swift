import Crypto
import DriftModel
import Foundation

/// One resource of a snapshot as the history stores it: its canonical JSON, the content hash that
/// stores it once, and the address that declared it. The same for every engine.
public struct StoredResource: Sendable {
    public var type: String
    public var id: String
    /// The `Name` tag, which `drift history show` looks resources up by.
    public var name: String?
    public var address: String?
    public var body: String
    /// SHA-256 of `body`.
    public var hash: Data

    /// `type` + NUL + `id`: one live resource within a target.
    public var key: String { type + "\u{0}" + id }

    /// The snapshot's resources, each once: the first of a duplicated key wins.
    public static func rows(of snapshot: Snapshot, addresses: [String: String]) -> [StoredResource] {
        var seen: Set<String> = []
        var rows: [StoredResource] = []
        rows.reserveCapacity(snapshot.resources.count)
        for resource in snapshot.resources {
            let key = resource.type + "\u{0}" + resource.id
            guard seen.insert(key).inserted else { continue }
            let body = resource.jsonValue.canonicalJSON()
            rows.append(StoredResource(
                type: resource.type, id: resource.id, name: resource.attributes["tags"]?["Name"]?.stringValue,
                address: addresses[key], body: body, hash: Data(SHA256.hash(data: Data(body.utf8)))))
        }
        return rows
    }

    /// The hash in lowercase hexadecimal (PostgreSQL's `decode(…, 'hex')`).
    public var hexHash: String { StoredResource.hex(hash) }

    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
