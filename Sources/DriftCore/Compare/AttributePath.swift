/// An argument path split into steps: `tags["Owner"]`, `tags.Owner` and `tags[Owner]` are all
/// `["tags", "Owner"]`; `root_block_device[0].volume_size` is `["root_block_device", "0",
/// "volume_size"]`. Used for `lifecycle.ignore_changes` and for `.driftignore` attribute paths.
struct AttributePath: Sendable, Hashable {
    var steps: [String]

    init(steps: [String]) { self.steps = steps }

    init(_ text: String) {
        var steps: [String] = []
        var current = ""
        var inBracket = false
        var inQuote = false
        for ch in text {
            if inQuote {
                if ch == "\"" { inQuote = false } else { current.append(ch) }
                continue
            }
            switch ch {
            case "\"" where inBracket: inQuote = true
            case "." where !inBracket:
                if !current.isEmpty { steps.append(current) }
                current = ""
            case "[":
                if !current.isEmpty { steps.append(current) }
                current = ""
                inBracket = true
            case "]":
                steps.append(current)
                current = ""
                inBracket = false
            default: current.append(ch)
            }
        }
        if !current.isEmpty { steps.append(current) }
        self.steps = steps
    }

    /// `self` is `other` or one of its ancestors.
    func covers(_ other: AttributePath) -> Bool {
        steps.count <= other.steps.count && Array(other.steps.prefix(steps.count)) == steps
    }
}

/// `lifecycle.ignore_changes` of one resource.
struct IgnoredChanges: Sendable {
    var all: Bool
    var paths: [AttributePath]

    init(_ entries: [String]) {
        all = entries.contains("*") || entries.contains("all")
        paths = entries.map(AttributePath.init)
    }

    func covers(_ path: String) -> Bool {
        if all { return true }
        let target = AttributePath(path)
        return paths.contains { $0.covers(target) }
    }
}
