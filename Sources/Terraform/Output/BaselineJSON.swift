import DriftModel

/// `drift baseline --format json`: byte-for-byte `baseline.jsonValue.canonicalJSON(pretty: true)`,
/// written straight into a UTF-8 buffer. A 10 MB configuration yields ~100k resources, and the
/// generic writer spent as long printing them as the evaluator spent computing them.
public enum BaselineJSON {
    public static func render(_ baseline: Baseline) -> String {
        String(decoding: renderUTF8(baseline), as: UTF8.self)
    }

    /// The same document as UTF-8 bytes, to write to a file or stdout without another copy.
    public static func renderUTF8(_ baseline: Baseline) -> [UInt8] {
        let pieces = renderPieces(baseline, threads: 1)
        return pieces.count == 1 ? pieces[0] : Array(pieces.joined())
    }

    /// The same document in consecutive pieces, the resources of a large baseline rendered on up
    /// to `threads` threads at once (a contiguous run each): written one after the other they are
    /// the document, with no copy of the whole.
    public static func renderPieces(_ baseline: Baseline, threads: Int) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var writer = Writer()
        // Baseline.jsonValue's members in sorted order, resources written one at a time so that
        // no second copy of the whole document is built.
        writer.append("{")
        writer.newline(1)
        writer.append("\"diagnostics\": ")
        writer.value(.array(baseline.diagnostics.map(\.jsonValue)), indent: 1)
        writer.append(",")
        writer.newline(1)
        writer.append("\"resources\": ")
        let resources = baseline.resources.isSortedByAddress
            ? baseline.resources : baseline.resources.sorted { $0.address < $1.address }
        if resources.isEmpty {
            writer.append("[]")
        } else {
            writer.append("[")
            let runs = resources.count >= parallelThreshold ? max(1, threads) : 1
            if runs == 1 {
                writer.resources(resources, from: 0, to: resources.count)
            } else {
                pieces.append(writer.bytes)
                let bounds = (0...runs).map { resources.count * $0 / runs }
                pieces += LargeStackThread.runAll((0..<runs).map { run in
                    {
                        var part = Writer()
                        part.resources(resources, from: bounds[run], to: bounds[run + 1])
                        return part.bytes
                    }
                })
                writer = Writer()
            }
            writer.newline(1)
            writer.append("]")
        }
        writer.append(",")
        writer.newline(1)
        writer.append("\"schemaVersion\": ")
        writer.value(.number(Double(Baseline.schemaVersion)), indent: 1)
        writer.newline(0)
        writer.append("}")
        pieces.append(writer.bytes)
        return pieces
    }

    /// Below this many resources, starting threads costs more than it saves.
    static let parallelThreshold = 4096

    struct Writer {
        var bytes: [UInt8] = []

        /// `resources[start..<end]`, each after `,` (but the first of all) and a newline.
        mutating func resources(_ resources: [DeclaredResource], from start: Int, to end: Int) {
            // By index: binding each element would copy it (and retain all its members).
            for i in start..<end {
                if i > 0 { append(",") }
                newline(2)
                value(resources[i].jsonValue, indent: 2)
            }
        }

        init() { bytes.reserveCapacity(1 << 20) }

        mutating func value(_ value: Value, indent: Int) {
            switch value {
            case .null: append("null")
            case .bool(let b): append(b ? "true" : "false")
            case .number(let n): append(Value.format(number: n))
            case .string(let s): string(s)
            case .array(let items):
                if items.isEmpty { return append("[]") }
                bytes.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { bytes.append(UInt8(ascii: ",")) }
                    newline(indent + 1)
                    self.value(item, indent: indent + 1)
                }
                newline(indent)
                bytes.append(UInt8(ascii: "]"))
            case .object(let members):
                if members.isEmpty { return append("{}") }
                bytes.append(UInt8(ascii: "{"))
                for (i, key) in members.keys.sorted().enumerated() {
                    if i > 0 { bytes.append(UInt8(ascii: ",")) }
                    newline(indent + 1)
                    string(key)
                    append(": ")
                    self.value(members[key] ?? .null, indent: indent + 1)
                }
                newline(indent)
                bytes.append(UInt8(ascii: "}"))
            }
        }

        mutating func newline(_ indent: Int) {
            bytes.append(UInt8(ascii: "\n"))
            for _ in 0..<indent {
                bytes.append(0x20)
                bytes.append(0x20)
            }
        }

        mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

        /// The escapes of `Value.canonicalJSON`: `\" \\ \n \r \t \b \f`, other controls as `\u00XX`.
        private mutating func string(_ s: String) {
            bytes.append(UInt8(ascii: "\""))
            // Most strings need no escape: copied whole.
            var s = s
            let plain = s.withUTF8 { utf8 in
                guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
                else { return false }
                bytes.append(contentsOf: utf8)
                return true
            }
            if plain {
                bytes.append(UInt8(ascii: "\""))
                return
            }
            for byte in s.utf8 {
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case UInt8(ascii: "\n"): append("\\n")
                case UInt8(ascii: "\r"): append("\\r")
                case UInt8(ascii: "\t"): append("\\t")
                case 0x08: append("\\b")
                case 0x0C: append("\\f")
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}

extension [DeclaredResource] {
    /// `BaselineLoader` already sorts; checking is linear, sorting again is not.
    var isSortedByAddress: Bool {
        indices.dropFirst().allSatisfy { self[$0 - 1].address <= self[$0].address }
    }
}
