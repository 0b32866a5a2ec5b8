import HCL

/// YAML's flow syntax for `yamldecode`: `[a, b]`, `{k: v}`, quoted scalars with their escapes and
/// line folding, aliases, and plain scalars that stop at `,`, `]`, `}` and `: `.
struct YAMLFlow {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private let anchors: [String: HCLValue]
    private var depth = 0

    init(_ scalars: [Unicode.Scalar], anchors: [String: HCLValue]) {
        self.scalars = scalars
        self.anchors = anchors
    }

    private func failure(_ message: String) -> YAMLScalar.Failure { YAMLScalar.Failure(message: message) }
    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func skipSpace() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { position += 1 }
    }

    mutating func document() throws(YAMLScalar.Failure) -> HCLValue {
        let result = try value()
        skipSpace()
        if current == "#" { position = scalars.count }
        guard position == scalars.count else { throw failure("did not find expected <document end>") }
        return result
    }

    private mutating func value() throws(YAMLScalar.Failure) -> HCLValue {
        depth += 1
        defer { depth -= 1 }
        guard depth < 200 else { throw failure("document nested too deeply") }
        skipSpace()
        var tag: String?
        while let scalar = current, scalar == "!" || scalar == "&" {
            let start = position
            while let next = current, next != " ", next != ",", next != "]", next != "}" { position += 1 }
            if scalar == "!" { tag = String(String.UnicodeScalarView(scalars[start..<position])) }
            skipSpace()
        }
        switch current {
        case "["?: return try sequence()
        case "{"?: return try mapping()
        case "\""?: return .string(try doubleQuoted())
        case "'"?: return .string(try singleQuoted())
        case "*"?:
            position += 1
            let name = plainText(stopAtColon: false)
            guard let aliased = anchors[name] else { throw failure("unknown anchor \(JSONText.quote(name)) referenced") }
            return aliased
        default:
            return try YAMLScalar.resolve(plain: plainText(stopAtColon: true), tag: tag)
        }
    }

    private mutating func plainText(stopAtColon: Bool) -> String {
        var text = String.UnicodeScalarView()
        while let scalar = current, scalar != ",", scalar != "]", scalar != "}" {
            if stopAtColon, scalar == ":", position + 1 >= scalars.count || [" ", ",", "]", "}", "\n"].contains(scalars[position + 1]) { break }
            if scalar == "#", text.last == " " { break }
            text.append(scalar == "\n" ? " " : scalar)
            position += 1
        }
        return String(text).trimmingTrailingSpaces()
    }

    private mutating func sequence() throws(YAMLScalar.Failure) -> HCLValue {
        position += 1
        var items: [HCLValue] = []
        while true {
            skipSpace()
            if current == "]" { position += 1; return .tuple(items) }
            let item = try value()
            skipSpace()
            if current == ":" {
                position += 1
                guard case .string(let key) = item else { throw failure("flow mapping keys must be strings") }
                items.append(.object([key: try value()]))
                skipSpace()
            } else {
                items.append(item)
            }
            switch current {
            case ","?: position += 1
            case "]"?: continue
            default: throw failure("did not find expected ',' or ']'")
            }
        }
    }

    private mutating func mapping() throws(YAMLScalar.Failure) -> HCLValue {
        position += 1
        var members: [String: HCLValue] = [:]
        while true {
            skipSpace()
            if current == "}" { position += 1; return .object(members) }
            let key: String
            switch try value() {
            case .null: throw failure("mapping key cannot be null")
            case let other:
                guard let text = Primitive.string(other) else { throw failure("mapping key must be a string") }
                key = text
            }
            skipSpace()
            var item = HCLValue.null
            if current == ":" {
                position += 1
                skipSpace()
                if current != ",", current != "}" { item = try value() }
                skipSpace()
            }
            members[key] = item
            switch current {
            case ","?: position += 1
            case "}"?: continue
            default: throw failure("did not find expected ',' or '}'")
            }
        }
    }

    /// Line breaks inside quotes fold: one break is a space, each further blank line a `\n`,
    /// surrounding spaces dropped.
    private mutating func foldBreak(into text: inout String.UnicodeScalarView) {
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        var breaks = 0
        while let scalar = current, scalar == "\n" || scalar == " " || scalar == "\t" || scalar == "\r" {
            if scalar == "\n" { breaks += 1 }
            position += 1
        }
        if breaks == 1 { text.append(" ") } else { text.append(contentsOf: String(repeating: "\n", count: breaks - 1).unicodeScalars) }
    }

    private mutating func singleQuoted() throws(YAMLScalar.Failure) -> String {
        position += 1
        var text = String.UnicodeScalarView()
        while let scalar = current {
            if scalar == "'" {
                if position + 1 < scalars.count, scalars[position + 1] == "'" { text.append("'"); position += 2; continue }
                position += 1
                return String(text)
            }
            if scalar == "\n" { foldBreak(into: &text); continue }
            text.append(scalar)
            position += 1
        }
        throw failure("found unexpected end of stream")
    }

    private mutating func doubleQuoted() throws(YAMLScalar.Failure) -> String {
        position += 1
        var text = String.UnicodeScalarView()
        let simple: [Unicode.Scalar: String] = [
            "0": "\0", "a": "\u{07}", "b": "\u{08}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{0B}", "f": "\u{0C}",
            "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\", "N": "\u{85}", "_": "\u{A0}",
            "L": "\u{2028}", "P": "\u{2029}",
        ]
        while let scalar = current {
            switch scalar {
            case "\"":
                position += 1
                return String(text)
            case "\n":
                foldBreak(into: &text)
            case "\\":
                guard position + 1 < scalars.count else { throw failure("found unexpected end of stream") }
                let code = scalars[position + 1]
                position += 2
                if let replacement = simple[code] {
                    text.append(contentsOf: replacement.unicodeScalars)
                } else if code == "\n" {
                    while let next = current, next == " " || next == "\t" { position += 1 }
                } else if let width = ["x": 2, "u": 4, "U": 8][code] {
                    guard position + width <= scalars.count,
                        let value = UInt32(String(String.UnicodeScalarView(scalars[position..<(position + width)])), radix: 16),
                        let decoded = Unicode.Scalar(value)
                    else { throw failure("found invalid escape sequence while parsing a quoted scalar") }
                    text.append(decoded)
                    position += width
                } else {
                    throw failure("found unknown escape character while parsing a quoted scalar")
                }
            default:
                text.append(scalar)
                position += 1
            }
        }
        throw failure("found unexpected end of stream")
    }

    /// Whether a quoted scalar that starts `text` also ends in it.
    static func closesQuote(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let open = scalars.first else { return true }
        var index = 1
        while index < scalars.count {
            if open == "\"", scalars[index] == "\\" { index += 2; continue }
            if scalars[index] == open {
                if open == "'", index + 1 < scalars.count, scalars[index + 1] == "'" { index += 2; continue }
                return true
            }
            index += 1
        }
        return false
    }
}
