import DriftModel
import HCL

/// The instances `count` or `for_each` ask for, with the `count`/`each` objects each instance's
/// expressions see. `nil` expansion means a single, unindexed instance.
struct Expansion {
    struct Instance {
        var index: ResourceIndex?
        /// `count` and/or `each` for the instance's expressions.
        var scope: [String: HCLValue]
    }

    /// Terraform's answer when the repetition itself cannot be decided offline.
    enum Outcome {
        case instances([Instance])
        /// count/for_each is unknown or invalid: no instances can be listed.
        case undecidable
    }

    static let single = Outcome.instances([Instance(index: nil, scope: [:])])

    /// `count = N`: N instances `[0]`...`[N-1]`.
    static func count(_ value: HCLValue, at range: SourceRange, log: DiagnosticLog) -> Outcome {
        switch value {
        case .unknown:
            log.error(
                "Invalid count argument: the \"count\" value depends on resource attributes that cannot be "
                    + "determined until apply, so Terraform cannot predict how many instances will be created",
                at: range)
            return .undecidable
        case .number(let n):
            guard let whole = n.intValue, whole >= 0, whole < 1_000_000 else {
                log.error(
                    "Invalid count argument: the given \"count\" argument value is unsuitable: must be a whole "
                        + "number greater than or equal to zero", at: range)
                return .undecidable
            }
            return .instances((0..<whole).map { i in
                Instance(index: .int(i), scope: ["count": .object(["index": .number(HCLNumber(i))])])
            })
        case .string(let s):
            if let n = Primitive.parseNumber(s) { return count(.number(n), at: range, log: log) }
            fallthrough
        default:
            log.error(
                "Invalid count argument: the given \"count\" argument value is unsuitable: number required, "
                    + "got \(value.typeName)", at: range)
            return .undecidable
        }
    }

    /// `for_each` over a map/object (keys in sorted order) or a set of strings.
    static func forEach(_ value: HCLValue, at range: SourceRange, log: DiagnosticLog) -> Outcome {
        func instance(_ key: String, _ value: HCLValue) -> Instance {
            Instance(index: .string(key), scope: ["each": .object(["key": .string(key), "value": value])])
        }
        // Keys first: a map's values (whole resources, with their computed attributes unknown)
        // need not be walked.
        guard Self.keysKnown(value) || value.isKnown else {
            log.error(
                "Invalid for_each argument: the \"for_each\" value depends on resource attributes that cannot "
                    + "be determined until apply, so Terraform cannot predict how many instances will be created",
                at: range)
            return .undecidable
        }
        switch value {
        case .object(let members):
            return .instances(members.keys.sorted().map { instance($0, members[$0] ?? .null) })
        case .set(let items):
            var keys: [String] = []
            for item in items {
                guard case .string(let s) = item else {
                    log.error(
                        "Invalid for_each set argument: the given \"for_each\" argument value is unsuitable: "
                            + "\"for_each\" supports sets of strings, but you have provided a set containing "
                            + "type \(item.typeName)", at: range)
                    return .undecidable
                }
                keys.append(s)
            }
            return .instances(Array(Set(keys)).sorted().map { instance($0, .string($0)) })
        case .null:
            log.error(
                "Invalid for_each argument: the given \"for_each\" argument value is null. A map, or set of "
                    + "strings is allowed", at: range)
            return .undecidable
        default:
            log.error(
                "Invalid for_each argument: the given \"for_each\" argument value is unsuitable: the "
                    + "\"for_each\" argument must be a map, or set of strings, and you have provided a value of "
                    + "type \(value.typeName)", at: range)
            return .undecidable
        }
    }

    /// A map whose keys are known but some values are not still expands (values stay unknown).
    private static func keysKnown(_ value: HCLValue) -> Bool {
        if case .object = value { return true }
        return false
    }
}
