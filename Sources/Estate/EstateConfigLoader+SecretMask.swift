import HCL

/// The source text diagnostics show, with secrets replaced by `*` (one per character, so carets
/// still line up). Masked: the values of `external_id` and of every `url` (webhook URLs are
/// secrets, a history URL may hold a password), and of every argument the schema does not know
/// (a misspelt `externl_id` is still a secret). An argument whose value is a bare function call
/// (`env("NAME")`) shows only names, so it is left as written. In a file with syntax errors,
/// lines are masked after `external_id =` or `url =` too, whatever the parser recovered.
enum SecretMask {
    /// `lineByLine`: also mask after `external_id =` / `url =` at the start of a line, for
    /// sources with syntax errors (the recovered tree may have lost those arguments).
    static func masked(_ source: String, body: Body, lineByLine: Bool) -> String {
        var ranges: [Range<Int>] = []
        collect(body, kind: nil, into: &ranges)
        // The parser's offsets do not count a byte order mark.
        let shift = source.utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var next = 0
        var output = String.UnicodeScalarView()
        var offset = 0
        var lineStart = true
        var maskingLine = false
        var lineText = ""
        for scalar in source.unicodeScalars {
            let position = offset - shift
            offset += String(scalar).utf8.count
            // Ranges are sorted by start: skip those that end before this position.
            while next < ranges.count, ranges[next].upperBound <= position { next += 1 }
            if scalar == "\n" {
                lineStart = true
                maskingLine = false
                lineText = ""
                output.append(scalar)
                continue
            }
            let inRange = ranges[next...].prefix { $0.lowerBound <= position }.contains { $0.contains(position) }
            output.append((maskingLine || inRange) && scalar != "\r" ? "*" : scalar)
            if lineStart {
                lineText.unicodeScalars.append(scalar)
                if scalar == "=" {
                    maskingLine = lineByLine && startsSecretArgument(lineText)
                    lineStart = false
                }
            }
        }
        return String(output)
    }

    /// Whether a line up to its first `=` assigns `external_id` or `url`.
    private static func startsSecretArgument(_ text: String) -> Bool {
        let name = text.dropLast().trimmingSpaces
        return name == "external_id" || name == "url" || name.hasSuffix("{ url") || name.hasSuffix("{url")
    }

    private static func collect(_ body: Body, kind: String?, into ranges: inout [Range<Int>]) {
        for attribute in body.attributes where isSecret(attribute.name, in: kind) {
            if case .functionCall = attribute.expression.kind { continue }
            ranges.append(attribute.expression.range.start.offset..<attribute.expression.range.end.offset)
        }
        for block in body.blocks {
            // Blocks nested in known blocks, and unknown blocks, are not in the schema: all masked.
            let known = kind == nil && ["root", "account", "history", "notify"].contains(block.type)
            collect(block.body, kind: known ? block.type : "", into: &ranges)
        }
    }

    private static func isSecret(_ name: String, in kind: String?) -> Bool {
        switch kind {
        case nil: return name != "ignore"
        case "root": return !EstateConfigDecoder.rootArguments.contains(name)
        case "account": return name == "external_id" || !EstateConfigDecoder.accountArguments.contains(name)
        default: return true
        }
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
