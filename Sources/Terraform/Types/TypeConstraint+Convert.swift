import HCL

extension TypeConstraint {
    /// Terraform's conversion of a value to this constraint: `"5"` → 5 for `number`, 5 → `"5"` for
    /// `string`, `"true"` ↔ true, tuples → lists and sets, objects → maps, `optional()` defaults
    /// filled in (also for null attributes), extra object attributes dropped, a missing required
    /// attribute an error. Null converts to null and unknown stays unknown at every level.
    public func convert(_ value: HCLValue) -> Result<HCLValue, ConversionError> {
        do throws(ConversionError) {
            return .success(try converted(value))
        } catch {
            return .failure(error)
        }
    }

    func converted(_ value: HCLValue) throws(ConversionError) -> HCLValue {
        switch value {
        case .unknown, .null: return value
        default: break
        }
        switch self {
        case .any:
            return value
        case .string:
            guard let text = Primitive.string(value) else { throw mismatch(value) }
            return .string(text)
        case .number:
            if case .string = value {
                guard let number = Primitive.number(value) else { throw ConversionError(message: "a number is required") }
                return .number(number)
            }
            guard case .number = value else { throw mismatch(value) }
            return value
        case .bool:
            if case .string(let text) = value {
                guard let flag = Primitive.bool(value) else {
                    if ["true", "false"].contains(text.lowercased()) {
                        throw ConversionError(message: "a bool is required; to convert from string, use lowercase \"\(text.lowercased())\"")
                    }
                    throw ConversionError(message: "a bool is required")
                }
                return .bool(flag)
            }
            guard case .bool = value else { throw mismatch(value) }
            return value
        case .list(let element):
            guard case .tuple(let items) = value else {
                if case .set(let items) = value { return .tuple(try elements(items, element)) }
                throw mismatch(value)
            }
            return .tuple(try elements(items, element))
        case .set(let element):
            switch value {
            case .tuple(let items), .set(let items): return SetOrder.set(try elements(items, element))
            default: throw mismatch(value)
            }
        case .map(let element):
            guard case .object(let members) = value else { throw mismatch(value) }
            var result: [String: HCLValue] = [:]
            for key in JSONText.sortedKeys(members) {
                do throws(ConversionError) {
                    result[key] = try element.converted(members[key] ?? .null)
                } catch {
                    throw error.within(.key(key))
                }
            }
            if element.isAny {
                let keys = JSONText.sortedKeys(result)
                let unified = try Self.unify(keys.map { result[$0] ?? .null }, keyed: keys)
                return .object(Dictionary(uniqueKeysWithValues: zip(keys, unified)))
            }
            return .object(result)
        case .tuple(let types):
            let items: [HCLValue]
            switch value {
            case .tuple(let list), .set(let list): items = list
            default: throw mismatch(value)
            }
            guard items.count == types.count else {
                throw ConversionError(message: "tuple required with \(types.count) element\(types.count == 1 ? "" : "s")")
            }
            var result: [HCLValue] = []
            for (index, (item, type)) in zip(items, types).enumerated() {
                do throws(ConversionError) { result.append(try type.converted(item)) } catch { throw error.within(.index(index)) }
            }
            return .tuple(result)
        case .object(let attributes):
            guard case .object(let members) = value else { throw mismatch(value) }
            var result: [String: HCLValue] = [:]
            for name in attributes.keys.sorted() {
                guard let attribute = attributes[name] else { continue }
                var member = members[name]
                if member == nil, !attribute.optional { throw ConversionError(message: "attribute \(JSONText.quote(name)) is required") }
                if member == nil || member == .null, let fallback = attribute.defaultValue { member = fallback }
                do throws(ConversionError) {
                    result[name] = try attribute.type.converted(member ?? .null)
                } catch {
                    throw error.within(.attribute(name))
                }
            }
            return .object(result)
        }
    }

    private func elements(_ items: [HCLValue], _ element: TypeConstraint) throws(ConversionError) -> [HCLValue] {
        var result: [HCLValue] = []
        for (index, item) in items.enumerated() {
            do throws(ConversionError) { result.append(try element.converted(item)) } catch { throw error.within(.index(index)) }
        }
        return element.isAny ? try Self.unify(result, keyed: nil) : result
    }

    /// Elements of `list(any)`/`map(any)` must end up one type: mixed primitives become strings;
    /// mixed structural kinds are an error, as cty's unification reports.
    private static func unify(_ values: [HCLValue], keyed keys: [String]?) throws(ConversionError) -> [HCLValue] {
        let message = keys == nil ? "all list elements must have the same type" : "all map elements must have the same type"
        guard let unified = Unify.unified(values) else { throw ConversionError(message: message) }
        var kind: String?
        for value in unified {
            let name: String
            switch value {
            case .null, .unknown: continue
            case .tuple: name = "tuple"
            case .set: name = "set"
            case .object: name = "object"
            default: name = "primitive"
            }
            if let kind, kind != name { throw ConversionError(message: message) }
            kind = name
        }
        return unified
    }

    private func mismatch(_ value: HCLValue) -> ConversionError {
        switch self {
        case .object: return ConversionError(message: "object required")
        default: return ConversionError(message: "\(friendlyName) required")
        }
    }
}
