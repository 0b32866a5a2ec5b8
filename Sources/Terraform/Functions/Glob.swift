/// Glob matching for `fileset` (the doublestar dialect): `*` and `?` within one path segment,
/// `[abc]`/`[a-z]`/`[^x]` classes, `{a,b}` alternatives, `**` for any number of segments.
enum Glob {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        for alternative in expandBraces(pattern) {
            let patternSegments = alternative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            let pathSegments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if match(patternSegments[...], pathSegments[...]) { return true }
        }
        return false
    }

    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            var rest = path
            while true {
                if match(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let segment = path.first, segmentMatches(Array(first), Array(segment)) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func segmentMatches(_ pattern: [Character], _ text: [Character]) -> Bool {
        var memo: [Int: Bool] = [:]
        func go(_ p: Int, _ t: Int) -> Bool {
            let key = p * (text.count + 1) + t
            if let known = memo[key] { return known }
            let result: Bool
            if p == pattern.count {
                result = t == text.count
            } else {
                switch pattern[p] {
                case "*": result = go(p + 1, t) || (t < text.count && go(p, t + 1))
                case "?": result = t < text.count && go(p + 1, t + 1)
                case "[":
                    if t < text.count, let (matched, next) = classMatch(pattern, p, text[t]) {
                        result = matched && go(next, t + 1)
                    } else {
                        result = false
                    }
                case "\\" where p + 1 < pattern.count:
                    result = t < text.count && text[t] == pattern[p + 1] && go(p + 2, t + 1)
                default:
                    result = t < text.count && text[t] == pattern[p] && go(p + 1, t + 1)
                }
            }
            memo[key] = result
            return result
        }
        return go(0, 0)
    }

    /// Whether `character` is in the class starting at `start` (`[`), and the index after `]`.
    private static func classMatch(_ pattern: [Character], _ start: Int, _ character: Character) -> (Bool, Int)? {
        var index = start + 1
        var negate = false
        if index < pattern.count, pattern[index] == "^" || pattern[index] == "!" { negate = true; index += 1 }
        var matched = false
        var first = true
        while index < pattern.count, pattern[index] != "]" || first {
            first = false
            let low = pattern[index]
            if index + 2 < pattern.count, pattern[index + 1] == "-", pattern[index + 2] != "]" {
                if low <= character && character <= pattern[index + 2] { matched = true }
                index += 3
            } else {
                if low == character { matched = true }
                index += 1
            }
        }
        guard index < pattern.count else { return nil }
        return (matched != negate, index + 1)
    }

    /// `{a,b}` alternatives expanded into separate patterns (nesting allowed, at most 256 results).
    private static func expandBraces(_ pattern: String) -> [String] {
        let characters = Array(pattern)
        guard let open = characters.firstIndex(of: "{") else { return [pattern] }
        var depth = 0
        var close: Int?
        var commas: [Int] = []
        for index in open..<characters.count {
            switch characters[index] {
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 { close = index }
            case "," where depth == 1: commas.append(index)
            default: break
            }
            if close != nil { break }
        }
        guard let close else { return [pattern] }
        let prefix = String(characters[..<open]), suffix = String(characters[(close + 1)...])
        var bounds = [open] + commas + [close]
        var results: [String] = []
        for pair in zip(bounds, bounds.dropFirst()) {
            let option = String(characters[(pair.0 + 1)..<pair.1])
            results += expandBraces(prefix + option + suffix)
            if results.count > 256 { break }
        }
        bounds.removeAll()
        return results
    }
}
