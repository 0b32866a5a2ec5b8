import HCL

/// Terraform's functions over lists, maps and objects (`length`, `merge`, `lookup`, `concat`,
/// `element`, `slice`, `keys`, `zipmap`, …), with cty's rules: lists and tuples share `.tuple`,
/// maps and objects share `.object`, results are lists unless the function makes a set.
enum CollectionFunctions {
    static var all: [HCLFunction] {
        [
            length, merge, lookup, concat, compact, distinct, flatten, element, slice, contains, keys, values,
            zipmap, coalesce, coalescelist, one, index, reverse, chunklist, transpose, matchkeys, alltrue, anytrue,
        ]
    }

    static let length = Builtin.function("length", ["value"]) { args throws(FunctionError) in
        switch try args.nonNull(0) {
        case .string(let text): return .number(HCLNumber(text.count))
        case .tuple(let items): return .number(HCLNumber(items.count))
        case .set(let items): return items.contains(.unknown) ? .unknown : .number(HCLNumber(items.count))
        case .object(let members): return .number(HCLNumber(members.count))
        default: throw args.fail(nil, "argument must be a string, a collection type, or a structural type")
        }
    }

    static let merge = Builtin.function("merge", [], variadic: "maps") { args throws(FunctionError) in
        var result: [String: HCLValue] = [:]
        for index in 0..<args.count {
            switch args[index] {
            case .null: continue
            case .object(let members): result.merge(members) { _, later in later }
            default:
                throw args.fail(nil, "arguments must be maps or objects, got \"\(args[index].typeName)\".")
            }
        }
        return .object(result)
    }

    static let lookup = Builtin.function("lookup", ["inputMap", "key"], variadic: "default") { args throws(FunctionError) in
        guard args.count <= 3 else { throw args.fail(3, "lookup() takes two arguments or three arguments, got \(args.count)") }
        let members = try args.members(0)
        let key = try args.string(1)
        if let found = members[key] { return found }
        if args.count == 3 { return args[2] }
        throw args.fail(0, "the given object has no attribute \(JSONText.quote(key))")
    }

    static let concat = Builtin.function("concat", [], variadic: "seqs", minimumVariadic: 1) { args throws(FunctionError) in
        var result: [HCLValue] = []
        for index in 0..<args.count {
            guard case .tuple(let items) = args[index] else {
                throw args.fail(index, "all arguments must be lists or tuples; got \(args[index].typeName).")
            }
            result += items
        }
        return .tuple(result)
    }

    static let compact = Builtin.function("compact", ["list"]) { args throws(FunctionError) in
        let items = try args.sequence(0)
        if items.contains(.unknown) { return .unknown }
        var result: [HCLValue] = []
        for item in items {
            if case .null = item { continue }
            guard let text = Primitive.string(item) else { throw args.invalid(0, "list of string required") }
            if !text.isEmpty { result.append(.string(text)) }
        }
        return .tuple(result)
    }

    static let distinct = Builtin.function("distinct", ["list"]) { args throws(FunctionError) in
        let items = try args.sequence(0)
        guard items.allSatisfy(\.isKnown) else { return .unknown }
        var seen = Set<HCLValue>()
        return .tuple(Unify.primitives(items).filter { seen.insert($0).inserted })
    }

    /// Unknown elements stay elements: in drift they stand for other resources' attributes
    /// (strings, numbers), which Terraform keeps in place too.
    static let flatten = Builtin.function("flatten", ["list"]) { args throws(FunctionError) in
        var result: [HCLValue] = []
        func walk(_ items: [HCLValue]) {
            for item in items {
                switch item {
                case .tuple(let inner), .set(let inner): walk(inner)
                default: result.append(item)
                }
            }
        }
        walk(try args.sequence(0))
        return .tuple(result)
    }

    static let element = Builtin.function("element", ["list", "index"]) { args throws(FunctionError) in
        guard case .tuple(let items) = try args.nonNull(0) else {
            throw args.fail(0, "cannot read elements from \(args[0].typeName)")
        }
        guard let index = Primitive.number(try args.nonNull(1)) else { throw args.invalid(1, "number required") }
        guard let position = index.intValue else {
            throw args.fail(nil, "invalid index: value must be a whole number, between -9223372036854775808 and 9223372036854775807")
        }
        guard !items.isEmpty else { throw args.fail(nil, "cannot use element function with an empty list") }
        // Go's remainder keeps the sign: -1 wraps for a one-element list and fails otherwise.
        let wrapped = position % items.count
        guard wrapped >= 0 else { throw args.fail(nil, "cannot use element function with a negative index") }
        return items[wrapped]
    }

    static let slice = Builtin.function("slice", ["list", "start_index", "end_index"]) { args throws(FunctionError) in
        guard case .tuple(let items) = try args.nonNull(0) else {
            throw args.invalid(0, "list or tuple required")
        }
        let start = try args.integer(1), end = try args.integer(2)
        guard start >= 0 else { throw args.fail(1, "start index must not be less than zero") }
        guard end <= items.count else {
            throw args.fail(2, "end index must not be greater than the length of the list")
        }
        guard start <= end else { throw args.fail(1, "start index must not be greater than end index") }
        return .tuple(Array(items[start..<end]))
    }

    static let contains = Builtin.function("contains", ["list", "value"]) { args throws(FunctionError) in
        let items = try args.sequence(0)
        if items.contains(args[1]) { return .bool(true) }
        return items.allSatisfy(\.isKnown) && args[1].isKnown ? .bool(false) : .unknown
    }

    static let keys = Builtin.function("keys", ["inputMap"]) { args throws(FunctionError) in
        let members = try args.members(0)
        return .tuple(JSONText.sortedKeys(members).map(HCLValue.string))
    }

    static let values = Builtin.function("values", ["mapping"]) { args throws(FunctionError) in
        let members = try args.members(0)
        return .tuple(JSONText.sortedKeys(members).map { members[$0] ?? .null })
    }

    static let zipmap = Builtin.function("zipmap", ["keys", "values"]) { args throws(FunctionError) in
        let keys = try args.sequence(0), values = try args.sequence(1)
        guard keys.count == values.count else {
            throw args.fail(nil, "number of keys (\(keys.count)) does not match number of values (\(values.count))")
        }
        var result: [String: HCLValue] = [:]
        for (key, value) in zip(keys, values) {
            if case .unknown = key { return .unknown }
            guard let name = Primitive.string(key) else { throw args.invalid(0, "list of string required") }
            result[name] = value
        }
        return .object(result)
    }

    static let coalesce = Builtin.function("coalesce", [], variadic: "vals", minimumVariadic: 1, allowsUnknown: true) {
        args throws(FunctionError) in
        guard let unified = Unify.values(args.values) else { throw args.fail(nil, "all arguments must have the same type") }
        for value in unified {
            switch value {
            case .unknown: return .unknown
            case .null, .string(""): continue
            default: return value
            }
        }
        throw args.fail(nil, "no non-null, non-empty-string arguments")
    }

    static let coalescelist = Builtin.function("coalescelist", [], variadic: "vals", minimumVariadic: 1, allowsUnknown: true) {
        args throws(FunctionError) in
        for index in 0..<args.count {
            switch args[index] {
            case .unknown: return .unknown
            case .null: continue
            case .tuple(let items), .set(let items): if !items.isEmpty { return args[index] }
            default: throw args.invalid(index, "list or tuple required")
            }
        }
        throw args.fail(nil, "no non-null arguments")
    }

    static let one = Builtin.function("one", ["list"]) { args throws(FunctionError) in
        let items = try args.sequence(0)
        switch items.count {
        case 0: return .null
        case 1: return items[0]
        default: throw args.invalid(0, "must be a list, set, or tuple value with either zero or one elements")
        }
    }

    static let index = Builtin.function("index", ["list", "value"]) { args throws(FunctionError) in
        guard case .tuple(let items) = try args.nonNull(0) else { throw args.invalid(0, "list or tuple required") }
        if let position = items.firstIndex(of: args[1]) { return .number(HCLNumber(position)) }
        guard items.allSatisfy(\.isKnown), args[1].isKnown else { return .unknown }
        throw args.fail(nil, "item not found")
    }

    static let reverse = Builtin.function("reverse", ["list"]) { args throws(FunctionError) in
        .tuple(try args.sequence(0).reversed())
    }

    static let chunklist = Builtin.function("chunklist", ["list", "size"]) { args throws(FunctionError) in
        let items = try args.sequence(0)
        let size = try args.integer(1)
        guard size >= 0 else { throw args.fail(nil, "the size argument must be positive") }
        if items.isEmpty { return .tuple([]) }
        if size == 0 { return .tuple([.tuple(items)]) }
        return .tuple(stride(from: 0, to: items.count, by: size).map { start in
            .tuple(Array(items[start..<(size >= items.count - start ? items.count : start + size)]))
        })
    }

    static let transpose = Builtin.function("transpose", ["values"]) { args throws(FunctionError) in
        let members = try args.members(0)
        var result: [String: [HCLValue]] = [:]
        for key in JSONText.sortedKeys(members) {
            guard case .tuple(let items)? = members[key] ?? nil else {
                if members[key] == .unknown { return .unknown }
                throw args.invalid(0, "map of list of string required")
            }
            for item in items {
                if case .unknown = item { return .unknown }
                guard let name = Primitive.string(item) else { throw args.invalid(0, "map of list of string required") }
                result[name, default: []].append(.string(key))
            }
        }
        return .object(result.mapValues(HCLValue.tuple))
    }

    static let matchkeys = Builtin.function("matchkeys", ["values", "keys", "searchset"]) { args throws(FunctionError) in
        let values = try args.sequence(0), keys = try args.sequence(1), search = try args.sequence(2)
        guard values.count == keys.count else { throw args.fail(nil, "length of keys and values should be equal") }
        guard keys.allSatisfy(\.isKnown), search.allSatisfy(\.isKnown) else { return .unknown }
        let wanted = Set(Unify.primitives(search + keys).prefix(search.count))
        let unifiedKeys = Unify.primitives(search + keys).dropFirst(search.count)
        return .tuple(zip(values, unifiedKeys).filter { wanted.contains($0.1) }.map(\.0))
    }

    static let alltrue = Builtin.function("alltrue", ["list"]) { args throws(FunctionError) in
        try truth(args) { $0.allSatisfy { $0 } }
    }

    /// One known `true` decides, even beside unknowns (as in Terraform).
    static let anytrue = Builtin.function("anytrue", ["list"]) { args throws(FunctionError) in
        if try args.sequence(0).contains(where: { Primitive.bool($0) == true }) { return .bool(true) }
        return try truth(args) { $0.contains(true) }
    }

    private static func truth(_ args: FunctionArguments, _ combine: ([Bool]) -> Bool) throws(FunctionError) -> HCLValue {
        var flags: [Bool] = []
        for item in try args.sequence(0) {
            if case .unknown = item { return .unknown }
            if case .null = item { flags.append(false); continue }
            guard let flag = Primitive.bool(item) else { throw args.invalid(0, "list of bool required") }
            flags.append(flag)
        }
        return .bool(combine(flags))
    }
}
