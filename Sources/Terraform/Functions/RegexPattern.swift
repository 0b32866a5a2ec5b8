import Foundation
import HCL

/// An RE2 pattern (Terraform's regex dialect) run by ICU's `NSRegularExpression`. The translation
/// covers what differs in practice: `(?P<name>…)` groups, and `$`, which in RE2 matches only at the
/// very end of the text unless `(?m)` is on. Capture groups are listed so `regex` can answer with
/// a string, a list or an object as Terraform does.
struct RegexPattern {
    let expression: NSRegularExpression
    /// One entry per capture group, in order: its name, or nil when unnamed.
    let groups: [String?]

    /// `argumentIndex` is where `regex` blames a bad pattern; `replace` reports it against the call
    /// (nil), as Terraform does.
    init(_ pattern: String, argumentIndex: Int?) throws(FunctionError) {
        let translation = Self.translate(pattern)
        let problem: String?
        switch translation {
        case .failure(let rejected): problem = rejected.description
        case .success(let (translated, groups)):
            self.groups = groups
            if let compiled = try? NSRegularExpression(pattern: translated) {
                expression = compiled
                return
            }
            problem = nil
        }
        guard let argumentIndex else {
            throw FunctionError("error parsing regexp: \(problem ?? "invalid pattern"): `\(pattern)`")
        }
        throw FunctionError("Invalid value for \"pattern\" parameter: invalid regexp pattern: \(problem ?? "invalid pattern").", argumentIndex: argumentIndex)
    }

    /// RE2 syntax that ICU would accept, with Go's `regexp/syntax` error code and the offending text.
    struct Unsupported: Error, CustomStringConvertible {
        var code: String
        var expression: String
        var description: String { "\(code) in \(expression)" }
    }

    /// The ICU spelling of an RE2 pattern and its groups; a failure for syntax RE2 rejects (lookaround,
    /// atomic groups, backreferences, possessive quantifiers) that ICU would accept.
    static func translate(_ pattern: String) -> Result<(String, [String?]), Unsupported> {
        if pattern.isEmpty { return .success(("(?:)", [])) }
        let scalars = Array(pattern.unicodeScalars)
        let multiline = pattern.contains("(?m") || pattern.range(of: #"\(\?[a-zA-Z]*m"#, options: .regularExpression) != nil
        var out = String.UnicodeScalarView()
        var groups: [String?] = []
        var index = 0
        var inClass = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count {
                if !inClass, ("1"..."9").contains(scalars[index + 1]) {
                    return .failure(Unsupported(code: "invalid escape sequence", expression: "\\" + String(scalars[index + 1])))
                }
                if ["p", "P", "x"].contains(scalars[index + 1]), index + 2 < scalars.count, scalars[index + 2] == "{",
                    let close = scalars[(index + 2)...].firstIndex(of: "}")
                {
                    // `\p{Greek}`, `\x{263a}`: the braces belong to the escape, not a repetition.
                    out.append(contentsOf: scalars[index...close])
                    index = close + 1
                    continue
                }
                out.append(scalar)
                out.append(scalars[index + 1])
                index += 2
                continue
            }
            if inClass {
                if scalar == "]" { inClass = false }
                if scalar == "[", index + 1 < scalars.count, scalars[index + 1] == ":" {
                    // POSIX class `[:alpha:]` inside a bracket: copy through its closing `:]`.
                    var end = index + 2
                    while end + 1 < scalars.count, !(scalars[end] == ":" && scalars[end + 1] == "]") { end += 1 }
                    if end + 1 < scalars.count {
                        out.append(contentsOf: scalars[index...end + 1])
                        index = end + 2
                        continue
                    }
                }
                out.append(scalar)
                index += 1
                continue
            }
            switch scalar {
            case "[":
                inClass = true
                out.append(scalar)
                if index + 1 < scalars.count, scalars[index + 1] == "^" { out.append("^"); index += 1 }
                if index + 1 < scalars.count, scalars[index + 1] == "]" { out.append(contentsOf: "\\]".unicodeScalars); index += 1 }
            case "(":
                if index + 1 < scalars.count, scalars[index + 1] == "?" {
                    let rest = String(String.UnicodeScalarView(scalars[(index + 2)...]))
                    for unsupported in ["<=", "<!", "=", "!", ">"] where rest.hasPrefix(unsupported) {
                        return .failure(Unsupported(code: "invalid or unsupported Perl syntax", expression: "(?" + unsupported))
                    }
                    if rest.hasPrefix("P<") || (rest.hasPrefix("<") && !rest.hasPrefix("<=") && !rest.hasPrefix("<!")) {
                        let nameStart = rest.hasPrefix("P<") ? 2 : 1
                        let name = String(rest.dropFirst(nameStart).prefix { $0 != ">" })
                        groups.append(name)
                        out.append(contentsOf: "(?<\(name)>".unicodeScalars)
                        index += 2 + nameStart + name.unicodeScalars.count + 1
                        continue
                    }
                    out.append(scalar)
                } else {
                    groups.append(nil)
                    out.append(scalar)
                }
            case "$" where !multiline:
                out.append(contentsOf: "\\z".unicodeScalars)
            case "*", "+", "?", "}":
                if index + 1 < scalars.count, scalars[index + 1] == "+" || scalars[index + 1] == "*" {
                    return .failure(Unsupported(code: "invalid nested repetition operator", expression: String(scalar) + String(scalars[index + 1])))
                }
                out.append(scalar)
            default:
                out.append(scalar)
            }
            index += 1
        }
        return .success((String(out), groups))
    }

    /// Matches left to right as Go finds them: an empty match right where the previous match
    /// ended does not count.
    func matches(in text: String) -> [NSTextCheckingResult] {
        var previousEnd = -1
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).filter { match in
            defer { previousEnd = match.range.location + match.range.length }
            return !(match.range.length == 0 && match.range.location == previousEnd)
        }
    }

    /// One match as `regex` returns it: the matched text, a list of groups, or an object of named groups.
    func value(of match: NSTextCheckingResult, in text: String) -> HCLValue {
        func group(_ number: Int) -> HCLValue {
            let range = match.range(at: number)
            guard range.location != NSNotFound, let swiftRange = Range(range, in: text) else { return .null }
            return .string(String(text[swiftRange]))
        }
        if groups.isEmpty { return group(0) }
        if groups.allSatisfy({ $0 == nil }) { return .tuple((1...groups.count).map(group)) }
        var members: [String: HCLValue] = [:]
        for (offset, name) in groups.enumerated() { if let name { members[name] = group(offset + 1) } }
        return .object(members)
    }

    var mixesNamedAndUnnamed: Bool { groups.contains { $0 == nil } && groups.contains { $0 != nil } }

    /// Go's `ReplaceAllString`: `$1`, `${1}`, `$name`, `${name}`, `$$` in the replacement.
    func replaceAll(in text: String, with template: String) -> String {
        var out = ""
        var last = text.startIndex
        for match in matches(in: text) {
            guard let range = Range(match.range, in: text) else { continue }
            out += text[last..<range.lowerBound]
            out += expand(template, match: match, in: text)
            last = range.upperBound
        }
        out += text[last...]
        return out
    }

    private func expand(_ template: String, match: NSTextCheckingResult, in text: String) -> String {
        let scalars = Array(template.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "$", index + 1 < scalars.count else { out.append(scalars[index]); index += 1; continue }
            if scalars[index + 1] == "$" { out.append("$"); index += 2; continue }
            var name = ""
            var next = index + 1
            if scalars[next] == "{" {
                guard let close = scalars[next...].firstIndex(of: "}") else { out.append("$"); index += 1; continue }
                name = String(String.UnicodeScalarView(scalars[(next + 1)..<close]))
                next = close + 1
            } else {
                while next < scalars.count, scalars[next].properties.isAlphabetic || ("0"..."9").contains(scalars[next]) || scalars[next] == "_" {
                    name.unicodeScalars.append(scalars[next])
                    next += 1
                }
            }
            if name.isEmpty { out.append("$"); index += 1; continue }
            out.append(contentsOf: groupText(name, match: match, in: text).unicodeScalars)
            index = next
        }
        return String(out)
    }

    private func groupText(_ name: String, match: NSTextCheckingResult, in text: String) -> String {
        var number: Int?
        if let value = Int(name), value >= 0 { number = value }
        if number == nil, let position = groups.firstIndex(of: name) { number = position + 1 }
        guard let number, number <= groups.count else { return "" }
        let range = match.range(at: number)
        guard range.location != NSNotFound, let swiftRange = Range(range, in: text) else { return "" }
        return String(text[swiftRange])
    }
}
