import HCL

/// Sets hold each element once, in one canonical order, so that two equal sets are equal
/// `HCLValue`s: booleans, then numbers ascending, then strings in byte order, then everything else
/// by its JSON text, unknowns last (cty orders primitive sets the same way).
enum SetOrder {
    static func set(_ elements: [HCLValue]) -> HCLValue { .set(normalize(elements)) }

    static func normalize(_ elements: [HCLValue]) -> [HCLValue] {
        var seen = Set<HCLValue>()
        var unique: [HCLValue] = []
        for element in elements where seen.insert(element).inserted { unique.append(element) }
        return unique.sorted(by: precedes)
    }

    static func precedes(_ a: HCLValue, _ b: HCLValue) -> Bool {
        let (rankA, rankB) = (rank(a), rank(b))
        if rankA != rankB { return rankA < rankB }
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return !x && y
        case (.number(let x), .number(let y)): return x < y
        case (.string(let x), .string(let y)): return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
        default: return JSONText.encode(a) < JSONText.encode(b)
        }
    }

    private static func rank(_ value: HCLValue) -> Int {
        switch value {
        case .null: return 0
        case .bool: return 1
        case .number: return 2
        case .string: return 3
        case .unknown: return 5
        default: return value.isKnown ? 4 : 5
        }
    }
}
