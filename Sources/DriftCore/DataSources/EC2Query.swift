import AWSClient
import DriftModel

/// EC2 Query parameters for a data source's search: `Filter.N.Name`/`Filter.N.Value.M`, the
/// `filter` blocks, tag maps as `tag:KEY` filters, numbered lists (`Owner.1`), and every page.
struct EC2Query {
    var parameters: [String: String] = [:]
    private var filterCount = 0

    mutating func filter(_ name: String, _ values: [String]) {
        filterCount += 1
        parameters["Filter.\(filterCount).Name"] = name
        for (i, value) in values.enumerated() { parameters["Filter.\(filterCount).Value.\(i + 1)"] = value }
    }

    mutating func filter(_ name: String, _ value: String?) {
        if let value { filter(name, [value]) }
    }

    mutating func filters(_ call: DataSourceCall) {
        for (name, values) in call.filters { filter(name, values) }
    }

    mutating func tags(_ tags: [String: String]) {
        for (key, value) in tags.sorted(by: { $0.key < $1.key }) { filter("tag:\(key)", [value]) }
    }

    mutating func list(_ prefix: String, _ values: [String]) {
        for (i, value) in values.enumerated() { parameters["\(prefix).\(i + 1)"] = value }
    }

    /// Every item under `itemPath` of every page (`NextToken` followed).
    func items(_ client: AWSClient, _ action: String, itemPath: String) async throws -> [XMLTree] {
        var items: [XMLTree] = []
        var token: String?
        var seen: Set<String> = []
        repeat {
            var page = parameters
            if let token { page["NextToken"] = token }
            let tree = try await client.ec2(action, page)
            items += tree.all(itemPath)
            token = tree.string("nextToken").flatMap { $0.isEmpty ? nil : $0 }
            if let next = token, !seen.insert(next).inserted { token = nil }
        } while token != nil
        return items
    }
}

extension XMLTree {
    /// The element's text, `""` when absent: the provider's SDK writes an unset string as `""`.
    func text(_ path: String) -> Value { .string(string(path) ?? "") }

    func flag(_ path: String) -> Value { .bool(string(path) == "true") }

    /// `tagSet` as a map.
    var tags: Value {
        var tags: [String: Value] = [:]
        for item in all("tagSet/item") {
            if let key = item.string("key") { tags[key] = .string(item.string("value") ?? "") }
        }
        return .object(tags)
    }
}

extension Array where Element == String {
    var values: Value { .array(map(Value.string)) }
}
