import DriftModel

/// Attribute-by-attribute differences between two descriptions of one resource, with paths in
/// the findings' notation (`tags.Owner`, `root_block_device[0].volume_size`).
public enum ValueDiff {
    public struct Change: Sendable, Hashable {
        public var path: String
        /// `.null` where the attribute was absent.
        public var from: Value
        public var to: Value
    }

    public static func changes(from old: [String: Value], to new: [String: Value]) -> [Change] {
        var out: [Change] = []
        for key in Set(old.keys).union(new.keys).sorted() {
            walk(old[key] ?? .null, new[key] ?? .null, path: key, into: &out)
        }
        return out
    }

    static func walk(_ a: Value, _ b: Value, path: String, into out: inout [Change]) {
        if a == b { return }
        switch (a, b) {
        case (.object(let x), .object(let y)):
            for key in Set(x.keys).union(y.keys).sorted() {
                walk(x[key] ?? .null, y[key] ?? .null, path: path + "." + key, into: &out)
            }
        case (.array(let x), .array(let y)) where x.count == y.count:
            for i in x.indices { walk(x[i], y[i], path: "\(path)[\(i)]", into: &out) }
        default:
            out.append(Change(path: path, from: a, to: b))
        }
    }

    /// One path is the other or contains it (`tags` and `tags.Owner`).
    public static func related(_ p: String, _ q: String) -> Bool {
        p == q || q.hasPrefix(p + ".") || q.hasPrefix(p + "[") || p.hasPrefix(q + ".") || p.hasPrefix(q + "[")
    }
}
