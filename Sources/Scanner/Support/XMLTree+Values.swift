import AWSClient
import DriftModel

/// Typed reads of XML leaves into provider-shaped `Value`s: absent elements stay absent (`nil`),
/// so a normalizer never invents a value AWS did not send.
extension XMLTree {
    func stringValue(_ path: String) -> Value? {
        string(path).map { .string($0.trimmingWhitespace) }
    }

    /// A non-empty string leaf; empty elements (`<keyName/>`) count as absent.
    func nonEmptyString(_ path: String) -> String? {
        guard let text = string(path)?.trimmingWhitespace, !text.isEmpty else { return nil }
        return text
    }

    func boolValue(_ path: String) -> Value? {
        guard let text = nonEmptyString(path) else { return nil }
        return .bool(text.lowercased() == "true")
    }

    func numberValue(_ path: String) -> Value? {
        guard let text = nonEmptyString(path), let number = Double(text) else { return nil }
        return .number(number)
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

extension Dictionary where Key == String, Value == DriftModel.Value {
    /// Sets `key` only when there is a value: the snapshot contract keeps absent settings absent.
    mutating func set(_ key: String, _ value: DriftModel.Value?) {
        if let value { self[key] = value }
    }
}
