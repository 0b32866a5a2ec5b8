import HCL

/// `setunion`, `setintersection`, `setsubtract`, `setproduct` and `sort`/`range`-free set algebra.
/// Lists are accepted where sets are expected, as cty converts them; results are canonical sets.
enum SetFunctions {
    static var all: [HCLFunction] { [setunion, setintersection, setsubtract, setproduct] }

    static let setunion = Builtin.function("setunion", ["first_set"], variadic: "other_sets") { args throws(FunctionError) in
        let sets = try elements(args)
        return SetOrder.set(Unify.primitives(sets.flatMap { $0 }))
    }

    static let setintersection = Builtin.function("setintersection", ["first_set"], variadic: "other_sets") {
        args throws(FunctionError) in
        let sets = try unified(args)
        guard var result = sets.first.map(Set.init) else { return .set([]) }
        for other in sets.dropFirst() { result.formIntersection(other) }
        return SetOrder.set(Array(result))
    }

    static let setsubtract = Builtin.function("setsubtract", ["a", "b"]) { args throws(FunctionError) in
        let sets = try unified(args)
        let removed = Set(sets[1])
        return SetOrder.set(sets[0].filter { !removed.contains($0) })
    }

    static let setproduct = Builtin.function("setproduct", [], variadic: "sets", minimumVariadic: 1) { args throws(FunctionError) in
        guard args.count >= 2 else { throw args.fail(nil, "at least two arguments are required") }
        let sets = try elements(args)
        var product: [[HCLValue]] = [[]]
        var total = 1
        for set in sets {
            total = total.multipliedReportingOverflow(by: set.count).partialValue
            guard total <= 1024 * 1024 else { throw args.fail(nil, "the product of the given sets is too large") }
            product = product.flatMap { prefix in set.map { prefix + [$0] } }
        }
        let rows = product.map(HCLValue.tuple)
        let anyList = args.values.contains { if case .tuple = $0 { return true } else { return false } }
        return anyList ? .tuple(sets.contains(where: \.isEmpty) ? [] : rows) : SetOrder.set(rows)
    }

    private static func elements(_ args: FunctionArguments) throws(FunctionError) -> [[HCLValue]] {
        var sets: [[HCLValue]] = []
        for index in 0..<args.count {
            switch try args.nonNull(index) {
            case .set(let items): sets.append(items)
            case .tuple(let items): sets.append(SetOrder.normalize(items))
            default: throw args.invalid(index, "set of any single type required")
            }
        }
        return sets
    }

    /// All arguments' elements unified together (so `["1"]` and `[1]` meet), split back per argument.
    private static func unified(_ args: FunctionArguments) throws(FunctionError) -> [[HCLValue]] {
        let sets = try elements(args)
        var flat = Unify.primitives(sets.flatMap { $0 })[...]
        return sets.map { set in
            let part = Array(flat.prefix(set.count))
            flat = flat.dropFirst(set.count)
            return part
        }
    }
}
