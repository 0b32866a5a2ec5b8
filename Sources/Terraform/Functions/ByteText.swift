/// Go's `strings` semantics on UTF-8 bytes: `split`, `replace`, prefix and suffix tests compare
/// bytes, so `"é"` composed and decomposed stay different, exactly as Terraform sees them.
enum ByteText {
    static func split(_ text: String, _ separator: String) -> [String] {
        if separator.isEmpty { return text.unicodeScalars.map { String($0) } }
        return ranges(of: Array(separator.utf8), in: Array(text.utf8)).pieces.map { String(decoding: $0, as: UTF8.self) }
    }

    static func replaceAll(_ text: String, _ search: String, with replacement: String) -> String {
        if search.isEmpty {
            var out = replacement
            for scalar in text.unicodeScalars { out.unicodeScalars.append(scalar); out += replacement }
            return out
        }
        let pieces = ranges(of: Array(search.utf8), in: Array(text.utf8)).pieces
        return pieces.map { String(decoding: $0, as: UTF8.self) }.joined(separator: replacement)
    }

    static func hasPrefix(_ text: String, _ prefix: String) -> Bool { text.utf8.starts(with: prefix.utf8) }

    static func hasSuffix(_ text: String, _ suffix: String) -> Bool { text.utf8.reversed().starts(with: suffix.utf8.reversed()) }

    static func dropBytes(_ text: String, prefix count: Int) -> String { String(decoding: Array(text.utf8).dropFirst(count), as: UTF8.self) }

    static func dropBytes(_ text: String, suffix count: Int) -> String { String(decoding: Array(text.utf8).dropLast(count), as: UTF8.self) }

    /// The text cut at every non-overlapping occurrence of `needle`, left to right.
    private static func ranges(of needle: [UInt8], in haystack: [UInt8]) -> (pieces: [ArraySlice<UInt8>], Void) {
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0, position = 0
        while position + needle.count <= haystack.count {
            if haystack[position] == needle[0], haystack[position..<position + needle.count].elementsEqual(needle) {
                pieces.append(haystack[start..<position])
                position += needle.count
                start = position
            } else {
                position += 1
            }
        }
        pieces.append(haystack[start...])
        return (pieces, ())
    }
}
