import DriftModel

/// Tags as the provider keeps them: a map without the `aws:*` keys AWS adds by itself
/// (`aws:cloudformation:stack-name`, ...), which no configuration can declare.
enum Tags {
    static func value(_ pairs: [(key: String, value: String)]) -> Value {
        var map: [String: Value] = [:]
        for (key, value) in pairs where !key.lowercased().hasPrefix("aws:") {
            map[key] = .string(value)
        }
        return .object(map)
    }
}
