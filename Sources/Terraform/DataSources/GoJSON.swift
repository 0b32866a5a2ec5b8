/// A JSON value written as Go's `encoding/json` writes it (`json.Marshal`, `json.MarshalIndent`
/// with two spaces): keys in the order given, `<`, `>`, `&`, U+2028 and U+2029 escaped as `\u003c`
/// etc., `\b`, `\f`, `\n`, `\r`, `\t` short, other control characters `\u00XX`. The provider's
/// rendered policies are compared byte for byte, so this is the writer, not `Value.canonicalJSON`.
indirect enum GoJSON: Equatable {
    case string(String)
    /// Already formatted as Go formats it.
    case number(String)
    case bool(Bool)
    case null
    case array([GoJSON])
    case object([(String, GoJSON)])

    static func == (a: GoJSON, b: GoJSON) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)), (.number(let x), .number(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// `json.Marshal`.
    var minified: String {
        var out = ""
        write(to: &out, indent: nil, depth: 0)
        return out
    }

    /// `json.MarshalIndent(value, "", "  ")`.
    var indented: String {
        var out = ""
        write(to: &out, indent: "  ", depth: 0)
        return out
    }

    private func write(to out: inout String, indent: String?, depth: Int) {
        func newline(_ level: Int) {
            guard let indent else { return }
            out += "\n"
            for _ in 0..<level { out += indent }
        }
        switch self {
        case .string(let text): Self.writeString(text, to: &out)
        case .number(let text): out += text
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(depth + 1)
                item.write(to: &out, indent: indent, depth: depth + 1)
            }
            newline(depth)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                newline(depth + 1)
                Self.writeString(key, to: &out)
                out += indent == nil ? ":" : ": "
                value.write(to: &out, indent: indent, depth: depth + 1)
            }
            newline(depth)
            out += "}"
        }
    }

    private static let hex = Array("0123456789abcdef")

    static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                let v = scalar.value
                out += "\\u" + String([hex[Int(v >> 12) & 0xF], hex[Int(v >> 8) & 0xF], hex[Int(v >> 4) & 0xF], hex[Int(v) & 0xF]])
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + String([hex[Int(scalar.value >> 4)], hex[Int(scalar.value & 0xF)]])
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Go's order of map keys when it marshals a map: by bytes.
    static func goLess(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}
