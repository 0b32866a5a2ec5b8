/// Unicode whitespace trimming for strip markers and heredoc dedent, with an ASCII fast path
/// (the Unicode property lookup is comparatively slow and almost never needed).
enum Whitespace {
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.value == 0x0B || scalar.value == 0x0C
        }
        return scalar.properties.isWhitespace
    }

    static func trimLeading(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, isSpace(first) else { return text }
        return String(scalars.drop(while: isSpace))
    }

    static func trimTrailing(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let last = scalars.last, isSpace(last) else { return text }
        var end = scalars.endIndex
        while end > scalars.startIndex {
            let before = scalars.index(before: end)
            guard isSpace(scalars[before]) else { break }
            end = before
        }
        return String(scalars[..<end])
    }

    /// Leading whitespace scalars before the first non-space (newlines excluded), and whether the
    /// text is only whitespace ending in a newline (a blank heredoc line).
    static func indentation(_ text: String) -> (count: Int, blank: Bool) {
        var count = 0
        for scalar in text.unicodeScalars {
            guard isSpace(scalar) else { return (count, false) }
            if scalar != "\n" && scalar != "\r" { count += 1 }
        }
        return (count, text.hasSuffix("\n"))
    }

    /// Drops `count` leading scalars (all whitespace by construction).
    static func dropLeading(_ text: String, _ count: Int) -> String {
        String(text.unicodeScalars.dropFirst(count))
    }
}
