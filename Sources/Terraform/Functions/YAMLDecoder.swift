import HCL

/// `yamldecode`'s reader: one YAML document in block style (mappings, `- ` sequences, nested by
/// indentation), flow style (`[a, b]`, `{a: 1}`), plain, single- and double-quoted scalars, literal
/// and folded blocks (`|`, `>`, with chomping and indentation indicators), comments, anchors and
/// aliases, `<<` merge keys and `!!str`-style tags. Mappings become objects, sequences tuples;
/// scalars resolve through `YAMLScalar`.
struct YAMLDecoder {
    struct Line {
        var indent: Int
        var text: String
        var number: Int
    }

    private var lines: [Line]
    private var index = 0
    private var anchors: [String: HCLValue] = [:]
    private var depth = 0

    static func decode(_ source: String) throws(YAMLScalar.Failure) -> HCLValue {
        var decoder = YAMLDecoder(source)
        decoder.skipBlank()
        guard decoder.index < decoder.lines.count else { throw YAMLScalar.Failure(message: "missing start of document") }
        let value = try decoder.parseNode(minimumIndent: 0)
        decoder.skipBlank()
        if decoder.index < decoder.lines.count {
            let line = decoder.lines[decoder.index]
            if line.indent == 0, line.text.hasPrefix("---") || line.text.hasPrefix("...") {
                decoder.index += 1
                decoder.skipBlank()
                if decoder.index >= decoder.lines.count { return value }
                throw YAMLScalar.Failure(message: "unexpected extra content after value")
            }
            throw decoder.failure("did not find expected key")
        }
        return value
    }

    private init(_ source: String) {
        var result: [Line] = []
        var number = 0
        for raw in source.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var text = Substring(raw)
            if text.hasSuffix("\r") { text = text.dropLast() }
            let indent = text.prefix { $0 == " " }.count
            result.append(Line(indent: indent, text: String(text.dropFirst(indent)), number: number))
        }
        if let first = result.firstIndex(where: { !Self.isBlank($0.text) }), result[first].indent == 0,
            result[first].text == "---" || result[first].text.hasPrefix("--- ")
        {
            let rest = String(result[first].text.dropFirst(3).drop { $0 == " " })
            result[first] = Line(indent: 4, text: rest, number: result[first].number)
        }
        lines = result
    }

    /// go-yaml's wording; Terraform prefixes a line and column we do not reproduce.
    private func failure(_ message: String) -> YAMLScalar.Failure { YAMLScalar.Failure(message: message) }

    static func isBlank(_ text: String) -> Bool {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    private mutating func skipBlank() {
        while index < lines.count, Self.isBlank(lines[index].text) { index += 1 }
    }

    // MARK: Block structure

    private mutating func parseNode(minimumIndent: Int) throws(YAMLScalar.Failure) -> HCLValue {
        depth += 1
        defer { depth -= 1 }
        guard depth < 200 else { throw failure("document nested too deeply") }
        skipBlank()
        guard index < lines.count, lines[index].indent >= minimumIndent else { return .null }
        let line = lines[index]
        let text = Self.stripComment(line.text)
        if text == "-" || text.hasPrefix("- ") { return try parseSequence(indent: line.indent) }
        if Self.splitKey(text) != nil || text.hasPrefix("? ") { return try parseMapping(indent: line.indent) }
        index += 1
        return try parseInline(text, parentIndent: line.indent - 1, sameIndentSequence: false)
    }

    private mutating func parseSequence(indent: Int) throws(YAMLScalar.Failure) -> HCLValue {
        var items: [HCLValue] = []
        while true {
            skipBlank()
            guard index < lines.count, lines[index].indent == indent else { break }
            let text = Self.stripComment(lines[index].text)
            guard text == "-" || text.hasPrefix("- ") else { break }
            let rest = text.dropFirst().drop { $0 == " " }
            if rest.isEmpty {
                index += 1
                items.append(try parseInline("", parentIndent: indent, sameIndentSequence: false))
            } else if rest == "-" || rest.hasPrefix("- ") || Self.splitKey(String(rest)) != nil {
                // `- key: v` and `- - x`: the rest is a node at its own column.
                lines[index] = Line(indent: indent + text.count - rest.count, text: String(rest), number: lines[index].number)
                items.append(try parseNode(minimumIndent: indent + 1))
            } else {
                index += 1
                items.append(try parseInline(String(rest), parentIndent: indent, sameIndentSequence: false))
            }
        }
        return .tuple(items)
    }

    private mutating func parseMapping(indent: Int) throws(YAMLScalar.Failure) -> HCLValue {
        var members: [String: HCLValue] = [:]
        var merged: [String: HCLValue] = [:]
        while true {
            skipBlank()
            guard index < lines.count, lines[index].indent == indent else { break }
            let text = Self.stripComment(lines[index].text)
            var keyText: String, rest: String
            if text.hasPrefix("? ") {
                // An explicit key; its value follows on a `: ` line at the same indentation.
                keyText = String(text.dropFirst(2)).trimmingLeadingSpaces()
                index += 1
                skipBlank()
                guard index < lines.count, lines[index].indent == indent, lines[index].text.hasPrefix(":") else {
                    throw failure("could not find expected ':'")
                }
                rest = String(Self.stripComment(lines[index].text).dropFirst()).trimmingLeadingSpaces()
            } else {
                guard let (key, value) = Self.splitKey(text) else { throw failure("could not find expected ':'") }
                (keyText, rest) = (key, value)
            }
            index += 1
            let key = try Self.keyString(keyText)
            let value = try parseInline(rest, parentIndent: indent, sameIndentSequence: true)
            if key == "<<", keyText == "<<" {
                guard case .object(let source) = value else { throw failure("cannot merge \(value.typeName) into mapping") }
                merged.merge(source) { first, _ in first }
                continue
            }
            members[key] = value
        }
        if index < lines.count, lines[index].indent > indent, !Self.isBlank(lines[index].text) {
            throw failure("mapping values are not allowed in this context")
        }
        return .object(merged.merging(members) { _, own in own })
    }

    /// The value after `key:` or `- `, or a bare scalar: properties, then a nested block, a block
    /// scalar, a flow collection, an alias or a (possibly multi-line) scalar.
    private mutating func parseInline(_ text: String, parentIndent: Int, sameIndentSequence: Bool) throws(YAMLScalar.Failure) -> HCLValue {
        var rest = Substring(text)
        var anchor: String?
        var tag: String?
        while let first = rest.first, first == "&" || first == "!" {
            let word = rest.prefix { $0 != " " }
            if first == "&" { anchor = String(word.dropFirst()) } else { tag = String(word) }
            rest = rest.dropFirst(word.count).drop { $0 == " " }
        }
        let value: HCLValue
        if rest.isEmpty {
            skipBlank()
            if index < lines.count, lines[index].indent > parentIndent {
                value = try parseNode(minimumIndent: parentIndent + 1)
            } else if sameIndentSequence, index < lines.count, lines[index].indent == parentIndent,
                Self.stripComment(lines[index].text) == "-" || lines[index].text.hasPrefix("- ")
            {
                value = try parseSequence(indent: parentIndent)
            } else {
                value = try YAMLScalar.resolve(plain: "", tag: tag)
            }
        } else if let first = rest.first, first == "|" || first == ">" {
            value = .string(try blockScalar(header: String(rest), parentIndent: parentIndent))
        } else if let first = rest.first, first == "[" || first == "{" {
            var source = String(rest)
            while !Self.balanced(source), index < lines.count {
                source += " " + Self.stripComment(lines[index].text)
                index += 1
            }
            var flow = YAMLFlow(Array(source.unicodeScalars), anchors: anchors)
            value = try flow.document()
        } else if rest.first == "*" {
            let name = String(rest.dropFirst())
            guard let aliased = anchors[name] else { throw failure("unknown anchor \(JSONText.quote(name)) referenced") }
            value = aliased
        } else if let first = rest.first, first == "\"" || first == "'" {
            var source = String(rest)
            while !YAMLFlow.closesQuote(source), index < lines.count {
                source += "\n" + lines[index].text
                index += 1
            }
            var flow = YAMLFlow(Array(source.unicodeScalars), anchors: anchors)
            value = try flow.document()
        } else {
            if Self.splitKey(String(rest)) != nil { throw failure("mapping values are not allowed in this context") }
            if rest == "-" || rest.hasPrefix("- ") { throw failure("block sequence entries are not allowed in this context") }
            var words = [String(rest).trimmingTrailingSpaces()]
            while index < lines.count, lines[index].indent > parentIndent || Self.isBlank(lines[index].text) {
                let next = Self.stripComment(lines[index].text)
                if Self.isBlank(lines[index].text) {
                    guard let ahead = lines[index...].first(where: { !Self.isBlank($0.text) }), ahead.indent > parentIndent else { break }
                    words.append("\n")
                } else {
                    if Self.splitKey(next) != nil || next.hasPrefix("- ") { break }
                    words.append(next.trimmingTrailingSpaces())
                }
                index += 1
            }
            value = try YAMLScalar.resolve(plain: Self.fold(words), tag: tag)
        }
        if let anchor { anchors[anchor] = value }
        return value
    }

    /// Plain multi-line scalars: lines join with a space, blank lines become line breaks.
    private static func fold(_ words: [String]) -> String {
        var out = ""
        var previousBreak = true
        for word in words {
            if word == "\n" { out += "\n"; previousBreak = true; continue }
            if !previousBreak { out += " " }
            out += word
            previousBreak = false
        }
        return out
    }

    private mutating func blockScalar(header: String, parentIndent: Int) throws(YAMLScalar.Failure) -> String {
        let literal = header.hasPrefix("|")
        var chomping: Character = " "
        var explicitIndent: Int?
        for character in Self.stripComment(header).dropFirst() {
            if character == "-" || character == "+" { chomping = character } else if let digit = character.wholeNumberValue { explicitIndent = digit }
        }
        var contentIndent = explicitIndent.map { max(parentIndent, 0) + $0 }
        var collected: [String] = []
        while index < lines.count {
            let line = lines[index]
            let blank = line.text.allSatisfy { $0 == " " }
            if !blank {
                if contentIndent == nil { contentIndent = line.indent }
                guard let needed = contentIndent, line.indent >= needed, line.indent > parentIndent else { break }
                collected.append(String(repeating: " ", count: line.indent - needed) + line.text)
            } else {
                collected.append("")
            }
            index += 1
        }
        var trailing = 0
        while let last = collected.last, last.isEmpty { collected.removeLast(); trailing += 1 }
        var body = ""
        for (position, line) in collected.enumerated() {
            if position > 0 {
                let previous = collected[position - 1]
                let foldable = !literal && !previous.isEmpty && !line.isEmpty && !previous.hasPrefix(" ") && !line.hasPrefix(" ")
                body += foldable ? " " : "\n"
            }
            body += line
        }
        if !literal { body = body.replacingAll("\n\n", with: "\n") }
        switch chomping {
        case "-": return body
        case "+": return collected.isEmpty ? String(repeating: "\n", count: trailing) : body + String(repeating: "\n", count: trailing + 1)
        default: return collected.isEmpty ? "" : body + "\n"
        }
    }

    // MARK: Lexical helpers

    /// The text before a ` #` comment, outside quotes, trailing spaces removed.
    static func stripComment(_ text: String) -> String {
        var quote: Character?
        var previous: Character = " "
        var end = text.endIndex
        for position in text.indices {
            let character = text[position]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "#", previous == " " || previous == "\t" {
                end = position
                break
            } else if character == "\"" || character == "'", " [{,:-".contains(previous) || position == text.startIndex {
                quote = character
            }
            previous = character
        }
        return String(text[..<end]).trimmingTrailingSpaces()
    }

    /// `key: rest` (or `key:` at the end) outside quotes and brackets.
    static func splitKey(_ text: String) -> (String, String)? {
        var quote: Character?
        var depth = 0
        let characters = Array(text)
        if let first = characters.first, first == "[" || first == "{" || first == "|" || first == ">" || first == "*" { return nil }
        for position in characters.indices {
            let character = characters[position]
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"" where position == 0, "'" where position == 0: quote = character
            case "[", "{": depth += 1
            case "]", "}": depth -= 1
            case ":" where depth == 0 && (position + 1 == characters.count || characters[position + 1] == " "):
                let key = String(characters[..<position]).trimmingTrailingSpaces()
                guard !key.isEmpty || position > 0 else { return nil }
                return (key, String(characters[(position + 1)...]).trimmingLeadingSpaces())
            default: break
            }
        }
        return nil
    }

    /// A mapping key as Terraform keeps it: the resolved scalar as a string (`y` → "true"); null
    /// keys are an error.
    static func keyString(_ key: String) throws(YAMLScalar.Failure) -> String {
        var flow = YAMLFlow(Array(key.unicodeScalars), anchors: [:])
        let value = try flow.document()
        if case .null = value { throw YAMLScalar.Failure(message: "mapping key cannot be null") }
        guard let text = Primitive.string(value) else { throw YAMLScalar.Failure(message: "mapping key must be a string") }
        return text
    }

    static func balanced(_ text: String) -> Bool {
        var depth = 0
        var quote: Character?
        for character in text {
            if let open = quote { if character == open { quote = nil }; continue }
            switch character {
            case "\"", "'": quote = character
            case "[", "{": depth += 1
            case "]", "}": depth -= 1
            default: break
            }
        }
        return depth <= 0
    }
}
