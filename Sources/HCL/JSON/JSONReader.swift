/// A JSON value with the byte ranges the HCL JSON syntax needs for diagnostics.
indirect enum JSONNode {
    case object([JSONProperty], start: Int, end: Int)
    case array([JSONNode], start: Int, end: Int)
    /// Decoded text; `start`/`end` include the quotes.
    case string(String, start: Int, end: Int)
    case number(HCLNumber, start: Int, end: Int)
    case bool(Bool, start: Int, end: Int)
    case null(start: Int, end: Int)

    var start: Int {
        switch self {
        case .object(_, let s, _), .array(_, let s, _), .string(_, let s, _), .number(_, let s, _), .bool(_, let s, _), .null(let s, _): return s
        }
    }

    var end: Int {
        switch self {
        case .object(_, _, let e), .array(_, _, let e), .string(_, _, let e), .number(_, _, let e), .bool(_, _, let e), .null(_, let e): return e
        }
    }
}

struct JSONProperty {
    var name: String
    var nameStart: Int
    var nameEnd: Int
    var value: JSONNode
}

/// A strict RFC 8259 reader over UTF-8 bytes that records byte offsets. The first syntax error
/// stops it with a message and an offset.
struct JSONReader {
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    private let bytes: [UInt8]
    private var pos = 0
    private var depth = 0

    static func read(_ bytes: [UInt8]) -> Result<JSONNode, Failure> {
        var reader = JSONReader(bytes: bytes)
        do {
            reader.skipSpace()
            let value = try reader.value()
            reader.skipSpace()
            if reader.pos < bytes.count { throw Failure(message: "Extraneous data after value", offset: reader.pos) }
            return .success(value)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: "Invalid JSON", offset: reader.pos))
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func peek() -> UInt8? { pos < bytes.count ? bytes[pos] : nil }

    private mutating func skipSpace() {
        while let b = peek(), b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { pos += 1 }
    }

    private mutating func value() throws -> JSONNode {
        guard let b = peek() else { throw Failure(message: "Unexpected end of file: a value is expected", offset: pos) }
        switch b {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""):
            let start = pos
            let text = try string()
            return .string(text, start: start, end: pos)
        case UInt8(ascii: "t"): return try keyword("true", .bool(true, start: pos, end: pos + 4))
        case UInt8(ascii: "f"): return try keyword("false", .bool(false, start: pos, end: pos + 5))
        case UInt8(ascii: "n"): return try keyword("null", .null(start: pos, end: pos + 4))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw Failure(message: "Invalid JSON value: a string, number, bool, null, object or array is expected", offset: pos)
        }
    }

    private mutating func keyword(_ word: String, _ node: JSONNode) throws -> JSONNode {
        let utf8 = Array(word.utf8)
        guard pos + utf8.count <= bytes.count, Array(bytes[pos..<pos + utf8.count]) == utf8 else {
            throw Failure(message: "Invalid JSON keyword: \"\(word)\" is expected", offset: pos)
        }
        pos += utf8.count
        return node
    }

    private mutating func number() throws -> JSONNode {
        let start = pos
        if peek() == UInt8(ascii: "-") { pos += 1 }
        func digits(_ r: inout JSONReader) -> Int {
            var n = 0
            while let b = r.peek(), b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
                r.pos += 1
                n += 1
            }
            return n
        }
        guard digits(&self) > 0 else { throw Failure(message: "Invalid number: a digit is expected", offset: pos) }
        if peek() == UInt8(ascii: ".") {
            pos += 1
            guard digits(&self) > 0 else { throw Failure(message: "Invalid number: a digit is expected after the decimal point", offset: pos) }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            pos += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { pos += 1 }
            guard digits(&self) > 0 else { throw Failure(message: "Invalid number: a digit is expected in the exponent", offset: pos) }
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        return .number(HCLNumber(parsing: text) ?? .zero, start: start, end: pos)
    }

    private mutating func string() throws -> String {
        let start = pos
        pos += 1
        var out: [UInt8] = []
        while true {
            guard let b = peek() else { throw Failure(message: "Unterminated string", offset: start) }
            switch b {
            case UInt8(ascii: "\""):
                pos += 1
                return Normalization.nfc(String(decoding: out, as: UTF8.self))
            case UInt8(ascii: "\\"):
                pos += 1
                guard let e = peek() else { throw Failure(message: "Unterminated string", offset: start) }
                pos += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), peek() == UInt8(ascii: "\\"), pos + 1 < bytes.count, bytes[pos + 1] == UInt8(ascii: "u") {
                        pos += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            out.append(contentsOf: Array("\u{FFFD}".utf8))
                            scalar = low
                        }
                    }
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8))
                default:
                    throw Failure(message: "Invalid escape sequence in string", offset: pos - 2)
                }
            case 0..<0x20:
                throw Failure(message: "Invalid control character in string", offset: pos)
            default:
                out.append(b)
                pos += 1
            }
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard pos + 4 <= bytes.count else { throw Failure(message: "Invalid \\u escape", offset: pos) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = peek().flatMap({ Character(Unicode.Scalar($0)).hexDigitValue }) else {
                throw Failure(message: "Invalid \\u escape", offset: pos)
            }
            value = value * 16 + UInt32(digit)
            pos += 1
        }
        return value
    }

    private mutating func enter() throws {
        depth += 1
        if depth > 500 { throw Failure(message: "JSON nested too deeply", offset: pos) }
    }

    private mutating func object() throws -> JSONNode {
        try enter()
        defer { depth -= 1 }
        let start = pos
        pos += 1
        var properties: [JSONProperty] = []
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            pos += 1
            return .object([], start: start, end: pos)
        }
        while true {
            skipSpace()
            guard peek() == UInt8(ascii: "\"") else { throw Failure(message: "Invalid object: a property name string is expected", offset: pos) }
            let nameStart = pos
            let name = try string()
            let nameEnd = pos
            skipSpace()
            guard peek() == UInt8(ascii: ":") else { throw Failure(message: "Missing colon after property name", offset: pos) }
            pos += 1
            skipSpace()
            let value = try value()
            properties.append(JSONProperty(name: name, nameStart: nameStart, nameEnd: nameEnd, value: value))
            skipSpace()
            if peek() == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            guard peek() == UInt8(ascii: "}") else { throw Failure(message: "Missing comma or closing brace in object", offset: pos) }
            pos += 1
            return .object(properties, start: start, end: pos)
        }
    }

    private mutating func array() throws -> JSONNode {
        try enter()
        defer { depth -= 1 }
        let start = pos
        pos += 1
        var items: [JSONNode] = []
        skipSpace()
        if peek() == UInt8(ascii: "]") {
            pos += 1
            return .array([], start: start, end: pos)
        }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            if peek() == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            guard peek() == UInt8(ascii: "]") else { throw Failure(message: "Missing comma or closing bracket in array", offset: pos) }
            pos += 1
            return .array(items, start: start, end: pos)
        }
    }
}

extension HCLValue {
    /// A JSON document as cty's `jsondecode` reads it: objects as objects (a repeated name keeps
    /// its last value), arrays as tuples, numbers parsed exactly at 512 bits (`ParseNumberVal`).
    /// Nil when the text is not one JSON value.
    public static func decodingJSON(_ text: String) -> HCLValue? {
        guard case .success(let node) = JSONReader.read(Array(text.utf8)) else { return nil }
        return value(of: node)
    }

    private static func value(of node: JSONNode) -> HCLValue {
        switch node {
        case .object(let properties, _, _):
            var members: [String: HCLValue] = [:]
            for property in properties { members[property.name] = value(of: property.value) }
            return .object(members)
        case .array(let items, _, _): return .tuple(items.map(value(of:)))
        case .string(let text, _, _): return .string(text)
        case .number(let number, _, _): return .number(number)
        case .bool(let flag, _, _): return .bool(flag)
        case .null: return .null
        }
    }
}
