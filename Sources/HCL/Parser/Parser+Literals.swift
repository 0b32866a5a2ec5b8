/// Decoding literal template text (escapes) and the `<<-` heredoc dedent.
extension Parser {
    /// Decodes a literal token: `$${` → `${`, `%%{` → `%{` and, in quoted strings, the backslash
    /// escapes `\n \r \t \" \\ \uNNNN \UNNNNNNNN`. Invalid escapes are reported and kept verbatim.
    mutating func decodeLiteral(_ token: Token, escapes: Bool) -> String {
        var needsWork = false
        var i = token.start
        while i < token.end {
            let b = map.byte(i)
            if (escapes && b == UInt8(ascii: "\\")) || ((b == UInt8(ascii: "$") || b == UInt8(ascii: "%")) && map.byte(i + 1) == b) {
                needsWork = true
                break
            }
            i += 1
        }
        if !needsWork { return Normalization.nfc(map.text(token.start, token.end)) }
        var out: [UInt8] = []
        out.reserveCapacity(token.end - token.start)
        i = token.start
        while i < token.end {
            let b = map.byte(i)
            if (b == UInt8(ascii: "$") || b == UInt8(ascii: "%")), map.byte(i + 1) == b, map.byte(i + 2) == UInt8(ascii: "{"), i + 2 < token.end {
                out.append(b)
                out.append(UInt8(ascii: "{"))
                i += 3
                continue
            }
            guard escapes, b == UInt8(ascii: "\\"), i + 1 < token.end else {
                out.append(b)
                i += 1
                continue
            }
            let selector = map.byte(i + 1)
            switch selector {
            case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r"))
            case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let digits = selector == UInt8(ascii: "u") ? 4 : 8
                let saved = recovering
                recovering = false
                defer { recovering = saved }
                guard let value = hexValue(from: i + 2, digits: digits, limit: token.end) else {
                    error(
                        "Invalid escape sequence",
                        selector == UInt8(ascii: "u")
                            ? "The \\u escape sequence must be followed by four hexadecimal digits."
                            : "The \\U escape sequence must be followed by eight hexadecimal digits.",
                        at: map.range(i, min(token.end, i + 2 + digits)))
                    out.append(b)
                    i += 1
                    continue
                }
                guard let scalar = Unicode.Scalar(value) else {
                    let hex = String(value, radix: 16)
                    error(
                        "Invalid escape sequence",
                        "Cannot encode character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) in UTF-8.",
                        at: map.range(i, i + 2 + digits))
                    i += 2 + digits
                    continue
                }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i += 2 + digits
                continue
            default:
                let saved = recovering
                recovering = false
                let shown = map.text(i + 1, i + 1 + map.scalarLength(at: i + 1))
                error("Invalid escape sequence", "The symbol \"\(shown)\" is not a valid escape sequence selector.", at: map.range(i, i + 2))
                recovering = saved
                out.append(b)
                i += 1
                continue
            }
            i += 2
        }
        return Normalization.nfc(String(decoding: out, as: UTF8.self))
    }

    /// The value of exactly `digits` hexadecimal digits at `start`, or nil.
    private func hexValue(from start: Int, digits: Int, limit: Int) -> UInt32? {
        guard start + digits <= limit else { return nil }
        var value: UInt32 = 0
        for k in 0..<digits {
            let b = map.byte(start + k)
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value &* 16 &+ digit
        }
        return value
    }

    /// `<<-` heredocs: remove the smallest leading whitespace of the literal lines from every line.
    /// Blank lines do not count; a line starting with an interpolation counts as no indentation.
    static func dedent(_ parts: inout [FlatPart]) {
        var minimum = Int.max
        var atLineStart = true
        var adjust: [Int] = []
        for (i, part) in parts.enumerated() {
            if atLineStart {
                atLineStart = false
                if case .literal(let text) = part {
                    let (spaces, blank) = Whitespace.indentation(text)
                    if !blank {
                        minimum = min(minimum, spaces)
                        adjust.append(i)
                    }
                } else {
                    minimum = 0
                }
            }
            if case .literal(let text) = part, text.hasSuffix("\n") { atLineStart = true }
        }
        guard minimum > 0, minimum != Int.max else { return }
        for i in adjust {
            if case .literal(let text) = parts[i] { parts[i] = .literal(Whitespace.dropLeading(text, minimum)) }
        }
    }
}
