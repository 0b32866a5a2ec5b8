import Foundation

/// A non-validating XML 1.0 reader for AWS answers, straight from the bytes into an `XMLTree`.
///
/// Why not Foundation's `XMLParser`: on Linux it is libxml2's push parser without `XML_PARSE_HUGE`,
/// which refuses any document past 10,000,000 bytes ("malformed XML at 2:15946448"), and a
/// DescribeInstances page of 1,000 real instances is larger than that. This reader has no size
/// limit, keeps memory proportional to the page (the tree it builds), and is one pass over bytes.
///
/// It reads what AWS sends: the XML declaration and processing instructions, comments, a DOCTYPE
/// (skipped, its entities are not expanded), CDATA, the five predefined entities and character
/// references. Anything not well-formed (a truncated body, mismatched tags, text or a second
/// element after the root, an unknown entity) is a `ParseError` at the 1-based line and column.
/// Nesting is limited to `maxDepth`: no AWS answer comes close, and a bounded depth keeps the
/// tree's recursive teardown from exhausting the stack on hostile input.
struct XMLReader {
    static let maxDepth = 512

    private struct Open {
        var qualifiedName: String
        var node: XMLTree
        var text: [UInt8] = []
    }

    private let bytes: UnsafeRawBufferPointer
    private var index = 0
    private var stack: [Open] = []
    private var root: XMLTree?

    private init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    static func parse(_ data: Data) throws(XMLTree.ParseError) -> XMLTree {
        let result: Result<XMLTree, XMLTree.ParseError> = data.withUnsafeBytes { raw in
            var reader = XMLReader(raw)
            do throws(XMLTree.ParseError) { return .success(try reader.document()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    // MARK: Document

    private mutating func document() throws(XMLTree.ParseError) -> XMLTree {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                try markup()
            } else if stack.isEmpty {
                guard isSpace(byte) else { throw fail(root == nil ? "text before the root element" : "text after the root element") }
                index += 1
            } else {
                try characters()
            }
        }
        if let open = stack.last {
            throw fail("document ends inside <\(open.qualifiedName)>")
        }
        guard let root else { throw XMLTree.ParseError.empty }
        return root
    }

    private mutating func markup() throws(XMLTree.ParseError) {
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        if next == UInt8(ascii: "?") {
            try skip(past: "?>", what: "processing instruction")
        } else if next == UInt8(ascii: "/") {
            try endTag()
        } else if next != UInt8(ascii: "!") {
            try startTag()
        } else if starts(with: "<!--") {
            try skip(past: "-->", what: "comment")
        } else if starts(with: "<![CDATA[") {
            guard !stack.isEmpty else { throw fail("CDATA outside the root element") }
            let start = index + 9
            try skip(past: "]]>", what: "CDATA section")
            stack[stack.count - 1].text.append(contentsOf: bytes[start..<(index - 3)])
        } else {
            try doctype()
        }
    }

    private mutating func startTag() throws(XMLTree.ParseError) {
        if stack.isEmpty, root != nil { throw fail("a second root element") }
        if stack.count >= XMLReader.maxDepth { throw fail("elements nested deeper than \(XMLReader.maxDepth)") }
        index += 1
        let qualified = try name()
        var attributes: [String: String] = [:]
        while true {
            skipSpace()
            guard index < bytes.count else { throw fail("document ends inside a start tag") }
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") {
                index += 1
                stack.append(Open(qualifiedName: qualified, node: XMLTree(name: localName(qualified), attributes: attributes)))
                return
            }
            if byte == UInt8(ascii: "/") {
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") else { throw fail("expected '>' after '/'") }
                index += 2
                close(XMLTree(name: localName(qualified), attributes: attributes))
                return
            }
            let attributeName = try name()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { throw fail("expected '=' after an attribute name") }
            index += 1
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw fail("expected a quoted attribute value")
            }
            let quote = bytes[index]
            index += 1
            var value: [UInt8] = []
            while true {
                guard index < bytes.count else { throw fail("document ends inside an attribute value") }
                let c = bytes[index]
                if c == quote { index += 1; break }
                if c == UInt8(ascii: "<") { throw fail("'<' in an attribute value") }
                if c == UInt8(ascii: "&") { try reference(into: &value) } else { value.append(c); index += 1 }
            }
            let key = attributeName
            guard attributes.updateValue(String(decoding: value, as: UTF8.self), forKey: key) == nil else {
                throw fail("attribute \(key) repeated")
            }
        }
    }

    private mutating func endTag() throws(XMLTree.ParseError) {
        index += 2
        let qualified = try name()
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw fail("expected '>' to end </\(qualified)") }
        guard let open = stack.popLast() else { throw fail("end tag without a start tag") }
        guard open.qualifiedName == qualified else {
            throw fail("</\(qualified)> closes <\(open.qualifiedName)>")
        }
        index += 1
        var node = open.node
        if node.children.isEmpty {
            node.text = String(decoding: open.text, as: UTF8.self)
        } else if !open.text.isEmpty {
            // Mixed content: only the text around the children, trimmed (in AWS answers: indentation).
            var start = 0
            var end = open.text.count
            while start < end, isSpace(open.text[start]) { start += 1 }
            while end > start, isSpace(open.text[end - 1]) { end -= 1 }
            node.text = String(decoding: open.text[start..<end], as: UTF8.self)
        }
        close(node)
    }

    private mutating func close(_ node: XMLTree) {
        if stack.isEmpty { root = node } else { stack[stack.count - 1].node.children.append(node) }
    }

    private mutating func characters() throws(XMLTree.ParseError) {
        var text = stack[stack.count - 1].text
        stack[stack.count - 1].text = []
        while index < bytes.count {
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "<"), bytes[index] != UInt8(ascii: "&") { index += 1 }
            text.append(contentsOf: bytes[start..<index])
            guard index < bytes.count, bytes[index] == UInt8(ascii: "&") else { break }
            try reference(into: &text)
        }
        stack[stack.count - 1].text = text
    }

    /// `&amp;` and friends, `&#NN;`, `&#xNN;`, appended as UTF-8.
    private mutating func reference(into out: inout [UInt8]) throws(XMLTree.ParseError) {
        let start = index
        index += 1
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: ";"), end - index < 12 { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else { throw fail("'&' without a reference") }
        let body = Array(bytes[index..<end])
        index = end + 1
        switch body {
        case Array("lt".utf8): out.append(UInt8(ascii: "<"))
        case Array("gt".utf8): out.append(UInt8(ascii: ">"))
        case Array("amp".utf8): out.append(UInt8(ascii: "&"))
        case Array("quot".utf8): out.append(UInt8(ascii: "\""))
        case Array("apos".utf8): out.append(UInt8(ascii: "'"))
        default:
            var scalar: UInt32?
            if body.count > 1, body[0] == UInt8(ascii: "#") {
                if body[1] == UInt8(ascii: "x") || body[1] == UInt8(ascii: "X") {
                    scalar = UInt32(String(decoding: body.dropFirst(2), as: UTF8.self), radix: 16)
                } else {
                    scalar = UInt32(String(decoding: body.dropFirst(), as: UTF8.self), radix: 10)
                }
            }
            guard let scalar, scalar != 0, let value = Unicode.Scalar(scalar) else {
                index = start
                throw fail("unknown entity &\(String(decoding: body, as: UTF8.self));")
            }
            out.append(contentsOf: Array(String(Character(value)).utf8))
        }
    }

    /// `<!DOCTYPE ...>` with an optional internal subset in brackets; anything else after `<!` is malformed.
    private mutating func doctype() throws(XMLTree.ParseError) {
        guard starts(with: "<!DOCTYPE"), stack.isEmpty, root == nil else { throw fail("unexpected '<!'") }
        var brackets = 0
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if let q = quote {
                if byte == q { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                brackets += 1
            } else if byte == UInt8(ascii: "]") {
                brackets -= 1
            } else if byte == UInt8(ascii: ">"), brackets <= 0 {
                return
            }
        }
        throw fail("document ends inside the DOCTYPE")
    }

    // MARK: Lexical helpers

    private mutating func name() throws(XMLTree.ParseError) -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            {
                break
            }
            index += 1
        }
        guard index > start else { throw fail(index < bytes.count ? "expected a name" : "document ends where a name was expected") }
        // Names are short: Swift keeps strings of up to 15 UTF-8 bytes inline, without allocating.
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// The element name without its namespace prefix.
    private func localName(_ qualified: String) -> String {
        guard let colon = qualified.utf8.lastIndex(of: UInt8(ascii: ":")) else { return qualified }
        return String(qualified[qualified.utf8.index(after: colon)...])
    }

    private func starts(with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let p = prefix.utf8Start
        for i in 0..<count where bytes[index + i] != p[i] { return false }
        return true
    }

    private mutating func skip(past terminator: StaticString, what: String) throws(XMLTree.ParseError) {
        index += 2
        let count = terminator.utf8CodeUnitCount
        let t = terminator.utf8Start
        while index + count <= bytes.count {
            var matches = true
            for i in 0..<count where bytes[index + i] != t[i] {
                matches = false
                break
            }
            if matches {
                index += count
                return
            }
            index += 1
        }
        index = bytes.count
        throw fail("document ends inside a \(what)")
    }

    private mutating func skipSpace() {
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// A parse error at the current byte, as 1-based line and column (columns count bytes).
    private func fail(_ message: String) -> XMLTree.ParseError {
        var line = 1
        var column = 1
        for i in 0..<min(index, bytes.count) {
            if bytes[i] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return .malformed(line: line, column: column, message: message)
    }
}
