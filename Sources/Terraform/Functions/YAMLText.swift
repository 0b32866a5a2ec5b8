import HCL

/// `yamlencode`'s text, as Terraform's go-yaml emitter writes it: block style, every string and key
/// double-quoted, multi-line strings as literal blocks (`|`, `|-`, `|+`, with an indentation hint
/// when they start with a space or line break), sequences inside mappings not indented, empty
/// collections as `[]`/`{}`, long quoted strings folded at spaces past column 80, and a `...`
/// document end after a plain top-level scalar.
enum YAMLText {
    private static let bestWidth = 80

    static func encode(_ value: HCLValue) -> String {
        var out = ""
        switch value {
        case .tuple(let items) where !items.isEmpty, .set(let items) where !items.isEmpty:
            sequence(items, indent: 0, out: &out)
        case .object(let members) where !members.isEmpty:
            mapping(members, indent: 0, firstInline: false, out: &out)
        case .string:
            var column = 0
            scalar(value, contentIndent: 2, column: &column, out: &out)
            out += "\n"
        default:
            var column = 0
            scalar(value, contentIndent: 2, column: &column, out: &out)
            out += "\n...\n"
        }
        return out
    }

    private static func sequence(_ items: [HCLValue], indent: Int, out: inout String) {
        for (position, item) in items.enumerated() {
            if position > 0 || !out.isEmpty && !out.hasSuffix("- ") { out += String(repeating: " ", count: indent) }
            out += "- "
            switch item {
            case .tuple(let inner) where !inner.isEmpty, .set(let inner) where !inner.isEmpty:
                sequence(inner, indent: indent + 2, out: &out)
            case .object(let members) where !members.isEmpty:
                mapping(members, indent: indent + 2, firstInline: true, out: &out)
            default:
                var column = indent + 2
                scalar(item, contentIndent: indent + 2, column: &column, out: &out)
                out += "\n"
            }
        }
    }

    private static func mapping(_ members: [String: HCLValue], indent: Int, firstInline: Bool, out: inout String) {
        for (position, key) in JSONText.sortedKeys(members).enumerated() {
            if position > 0 || !firstInline { out += String(repeating: " ", count: indent) }
            var quotedKey = doubleQuoted(key, startColumn: indent, foldIndent: nil)
            if key.unicodeScalars.contains(where: isBreak) || key.utf8.count > 128 {
                // Not a simple key: libyaml writes `? key` and the value on its own `:` line.
                out += "? "
                var column = indent + 2
                scalar(.string(key), contentIndent: indent + 2, column: &column, out: &out)
                out += "\n" + String(repeating: " ", count: indent)
                quotedKey = ""
            }
            out += quotedKey + ":"
            let value = members[key] ?? .null
            switch value {
            case .tuple(let inner) where !inner.isEmpty, .set(let inner) where !inner.isEmpty:
                out += "\n"
                sequence(inner, indent: indent, out: &out)
            case .object(let nested) where !nested.isEmpty:
                out += "\n"
                mapping(nested, indent: indent + 2, firstInline: false, out: &out)
            default:
                out += " "
                var column = indent + quotedKey.count + 2
                scalar(value, contentIndent: indent + 2, column: &column, out: &out)
                out += "\n"
            }
        }
    }

    /// A scalar or empty collection written at `column`; block and folded content at `contentIndent`.
    private static func scalar(_ value: HCLValue, contentIndent: Int, column: inout Int, out: inout String) {
        switch value {
        case .null, .unknown: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += number.text
        case .tuple, .set: out += "[]"
        case .object: out += "{}"
        case .string(let text):
            if text.contains("\n"), literalAllowed(text) {
                out += literal(text, indent: contentIndent)
            } else {
                out += doubleQuoted(text, startColumn: column, foldIndent: contentIndent)
            }
        }
    }

    /// libyaml refuses a literal block for text with unprintable characters, a space before a line
    /// break, or a trailing space.
    private static func literalAllowed(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        if scalars.last == " " { return false }
        for (index, scalar) in scalars.enumerated() {
            if !isPrintable(scalar) || scalar == "\u{FEFF}" { return false }
            if scalar == " ", index + 1 < scalars.count, isBreak(scalars[index + 1]) { return false }
        }
        return true
    }

    private static func literal(_ text: String, indent: Int) -> String {
        var header = "|"
        if let first = text.unicodeScalars.first, first == " " || isBreak(first) { header += "2" }
        if !text.hasSuffix("\n") {
            header += "-"
        } else if text == "\n" || text.hasSuffix("\n\n") {
            header += "+"
        }
        var body = text
        if !body.hasSuffix("\n") { body += "\n" }
        var out = header + "\n"
        let pad = String(repeating: " ", count: indent)
        for line in body.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            out += line.isEmpty ? "\n" : pad + line + "\n"
        }
        out.removeLast()
        return out
    }

    private static func doubleQuoted(_ text: String, startColumn: Int, foldIndent: Int?) -> String {
        var out = "\""
        var column = startColumn + 1
        let scalars = Array(text.unicodeScalars)
        var previousSpace = false
        for (index, scalar) in scalars.enumerated() {
            if scalar == " " {
                if let foldIndent, !previousSpace, column > bestWidth, index != 0, index != scalars.count - 1 {
                    out += "\n" + String(repeating: " ", count: foldIndent)
                    column = foldIndent
                    if index + 1 < scalars.count, scalars[index + 1] == " " { out += "\\"; column += 1 }
                } else {
                    out += " "
                    column += 1
                }
                previousSpace = true
                continue
            }
            previousSpace = false
            let escaped = escape(scalar)
            out += escaped
            column += escaped.unicodeScalars.count
        }
        return out + "\""
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        if isPrintable(scalar), !isBreak(scalar), scalar != "\"", scalar != "\\", scalar != "\u{FEFF}" {
            return String(scalar)
        }
        switch scalar.value {
        case 0x00: return "\\0"
        case 0x07: return "\\a"
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0B: return "\\v"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        case 0x85: return "\\N"
        case 0xA0: return "\\_"
        case 0x2028: return "\\L"
        case 0x2029: return "\\P"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            if scalar.value <= 0xFF { return "\\x" + hex.leftPadded(to: 2) }
            if scalar.value <= 0xFFFF { return "\\u" + hex.leftPadded(to: 4) }
            return "\\U" + hex.leftPadded(to: 8)
        }
    }

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0x0A || (0x20...0x7E).contains(v) || v == 0x85 || (0xA0...0xD7FF).contains(v)
            || ((0xE000...0xFFFD).contains(v) && v != 0xFEFF) || (0x10000...0x10FFFF).contains(v)
    }

    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        [0x0A, 0x0D, 0x85, 0x2028, 0x2029].contains(scalar.value)
    }
}
