import DriftModel
import Foundation

/// Compares one `DeclaredResource` with what `terraform plan -refresh=false` planned for the same
/// address (captured by scripts/capture-baseline-expectations), returning every mismatch as text.
struct DifferentialComparison {
    /// `address.argument` pairs that drift by contract treats differently from plan: values plan
    /// reads from a data source (drift: unknown offline) and references the contract resolves
    /// (`aws_s3_bucket.x.id` = the bucket name; plan: unknown until apply).
    var unknownOffline: Set<String>
    var resolved: Set<String>

    func compare(_ resource: DeclaredResource, expected: Value) -> [String] {
        let address = resource.address
        let values = expected["values"]?.objectValue ?? [:]
        let planUnknown = Set((expected["unknown"]?.arrayValue ?? []).compactMap(\.stringValue))
        var problems: [String] = []
        for (name, value) in resource.attributes {
            if planUnknown.contains(name) {
                if !resolved.contains("\(address).\(name)") {
                    problems.append("\(address).\(name): drift has \(value.canonicalJSON()), plan says unknown")
                }
                continue
            }
            let planned = values[name] ?? .null
            if !Self.matches(value, planned) {
                problems.append("\(address).\(name): drift \(value.canonicalJSON()) != plan \(planned.canonicalJSON())")
            }
        }
        for name in resource.unknown where !planUnknown.contains(name) {
            if !unknownOffline.contains("\(address).\(name)") {
                problems.append("\(address).\(name): drift says unknown, plan has \((values[name] ?? .null).canonicalJSON())")
            }
        }
        for (name, planned) in values where resource.attributes[name] == nil && !resource.unknown.contains(name) {
            if !Self.isEmpty(planned) {
                problems.append("\(address).\(name): plan has \(planned.canonicalJSON()), drift has nothing")
            }
        }
        return problems
    }

    /// Drift's value against plan's: objects on drift's keys (plan's extra members must be empty),
    /// arrays in order or, for set blocks, in any order.
    static func matches(_ drift: Value, _ plan: Value) -> Bool {
        switch (drift, plan) {
        case (.object(let d), .object(let p)):
            for (key, value) in d where !matches(value, p[key] ?? .null) { return false }
            return p.allSatisfy { d[$0.key] != nil || isEmpty($0.value) }
        case (.array(let d), .array(let p)):
            guard d.count == p.count else { return false }
            if zip(d, p).allSatisfy({ matches($0, $1) }) { return true }
            var remaining = p
            for item in d {
                guard let i = remaining.firstIndex(where: { matches(item, $0) }) else { return false }
                remaining.remove(at: i)
            }
            return true
        case (.string(let d), .string(let p)) where d != p && d.hasPrefix("{") && p.hasPrefix("{"):
            // A policy: plan shows the provider's normalized JSON (its StateFunc), drift the
            // document as written (aws_iam_policy_document's indented json); the comparer reads
            // both as policies, so the same document is the same value.
            guard let left = try? JSONParser.parse(d), let right = try? JSONParser.parse(p) else { return false }
            return left == right
        default:
            return drift == plan
        }
    }

    /// What plan shows for a member the configuration leaves unset and the provider does not default.
    static func isEmpty(_ value: Value) -> Bool {
        switch value {
        case .null: return true
        case .array(let items): return items.isEmpty
        case .object(let members): return members.isEmpty
        default: return false
        }
    }
}
