import HCL

extension TypeConstraint {
    /// Terraform's conversion of a value to this constraint: `"5"` → 5 for `number`, 5 → `"5"` for
    /// `string`, `"true"` ↔ true, tuples → lists and sets, objects → maps, `optional()` defaults
    /// filled in (also for null attributes), extra object attributes dropped, a missing required
    /// attribute an error. Null converts to null and unknown stays unknown at every level.
    ///
    /// Errors read like Terraform's: a shape that cannot convert at all is reported for the whole
    /// value (`list of string required`, `attribute "a" is required`, `element 0: string required`
    /// for a tuple element of the wrong kind); a value that fails inside a
    /// convertible shape is reported at its path (`.rules[0].port: a number is required`).
    public func convert(_ value: HCLValue) -> Result<HCLValue, ConversionError> {
        if let message = mismatch(value) { return .failure(ConversionError(message: message)) }
        do throws(ConversionError) {
            return .success(try converted(value))
        } catch {
            return .failure(error)
        }
    }

    // MARK: Shape (cty's type-level conversion)

    /// Why `value`'s shape cannot convert to this type, in cty's `MismatchMessage` words; nil when
    /// it can (string → number still can, and may fail later on the value).
    func mismatch(_ value: HCLValue) -> String? {
        switch value {
        case .null, .unknown: return nil
        default: break
        }
        switch self {
        case .any:
            return nil
        case .string:
            return value.isPrimitiveValue ? nil : "string required"
        case .number:
            if case .number = value { return nil }
            if case .string = value { return nil }
            return "number required"
        case .bool:
            if case .bool = value { return nil }
            if case .string = value { return nil }
            return "bool required"
        case .list(let element), .set(let element):
            let kind = { if case .list = self { return "list" } else { return "set" } }()
            guard let items = value.sequenceElements else { return "\(friendlyName) required" }
            if element.isAny {
                return TypeUnification.unify(items.map(TypeUnification.inferred)) == nil ? "all \(kind) elements must have the same type" : nil
            }
            if case .set = value {
                // collection → collection: cty names the element type, not an element.
                return items.lazy.compactMap(element.mismatch).first.map { "incorrect \(kind) element type: \($0)" }
            }
            for (index, item) in items.enumerated() {
                if let problem = element.mismatch(item) { return "element \(index): \(problem)" }
            }
            return nil
        case .map(let element):
            guard case .object(let members) = value else { return "\(friendlyName) required" }
            if element.isAny {
                return TypeUnification.unify(members.values.map(TypeUnification.inferred)) == nil ? "all map elements must have the same type" : nil
            }
            for key in JSONText.sortedKeys(members) {
                if let member = members[key], let problem = element.mismatch(member) {
                    return "element \(JSONText.quote(key)): \(problem)"
                }
            }
            return nil
        case .tuple(let types):
            guard let items = value.sequenceElements, items.count == types.count,
                !zip(items, types).contains(where: { $1.mismatch($0) != nil })
            else { return "tuple required" }
            return nil
        case .object(let attributes):
            guard case .object(let members) = value else { return "object required" }
            let missing = attributes.keys.sorted().filter { members[$0] == nil && attributes[$0]?.optional == false }
            switch missing.count {
            case 0: break
            case 1: return "attribute \(JSONText.quote(missing[0])) is required"
            case 2: return "attributes \(JSONText.quote(missing[0])) and \(JSONText.quote(missing[1])) are required"
            default:
                let quoted = missing.map(JSONText.quote)
                return "attributes \(quoted.dropLast().joined(separator: ", ")), and \(quoted[quoted.count - 1]) are required"
            }
            for name in attributes.keys.sorted() {
                guard let attribute = attributes[name], let member = members[name] else { continue }
                if let problem = attribute.type.mismatch(member) { return "attribute \(JSONText.quote(name)): \(problem)" }
            }
            return nil
        }
    }

    // MARK: Values (cty's value-level conversion)

    func converted(_ value: HCLValue) throws(ConversionError) -> HCLValue {
        switch value {
        case .unknown, .null: return value
        default: break
        }
        switch self {
        case .any:
            return value
        case .string:
            guard let text = Primitive.string(value) else { throw ConversionError(message: "string required") }
            return .string(text)
        case .number:
            guard let number = Primitive.number(value) else {
                if case .string = value { throw ConversionError(message: "a number is required") }
                throw ConversionError(message: "number required")
            }
            return .number(number)
        case .bool:
            if case .string(let text) = value, Primitive.bool(value) == nil {
                if ["true", "false"].contains(text.lowercased()) {
                    throw ConversionError(message: "a bool is required; to convert from string, use lowercase \"\(text.lowercased())\"")
                }
                throw ConversionError(message: "a bool is required")
            }
            guard let flag = Primitive.bool(value) else { throw ConversionError(message: "bool required") }
            return .bool(flag)
        case .list(let element):
            guard let items = value.sequenceElements else { throw ConversionError(message: "\(friendlyName) required") }
            return .tuple(try elements(items, element))
        case .set(let element):
            guard let items = value.sequenceElements else { throw ConversionError(message: "\(friendlyName) required") }
            return SetOrder.set(try elements(items, element))
        case .map(let element):
            guard case .object(let members) = value else { throw ConversionError(message: "\(friendlyName) required") }
            let target = element.isAny ? TypeUnification.unify(members.values.map(TypeUnification.inferred)) ?? .any : element
            var result: [String: HCLValue] = [:]
            for key in JSONText.sortedKeys(members) {
                do throws(ConversionError) {
                    result[key] = try target.converted(members[key] ?? .null)
                } catch {
                    throw error.within(.key(key))
                }
            }
            return .object(result)
        case .tuple(let types):
            guard let items = value.sequenceElements, items.count == types.count else { throw ConversionError(message: "tuple required") }
            var result: [HCLValue] = []
            for (index, (item, type)) in zip(items, types).enumerated() {
                do throws(ConversionError) { result.append(try type.converted(item)) } catch { throw error.within(.index(index)) }
            }
            return .tuple(result)
        case .object(let attributes):
            guard case .object(let members) = value else { throw ConversionError(message: "object required") }
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

    /// Elements converted one by one; for `any`, to the type they unify to (`[[1], ["a"]]` →
    /// `[["1"], ["a"]]`).
    private func elements(_ items: [HCLValue], _ element: TypeConstraint) throws(ConversionError) -> [HCLValue] {
        let target = element.isAny ? TypeUnification.unify(items.map(TypeUnification.inferred)) ?? .any : element
        var result: [HCLValue] = []
        for (index, item) in items.enumerated() {
            do throws(ConversionError) { result.append(try target.converted(item)) } catch { throw error.within(.index(index)) }
        }
        return result
    }
}

extension HCLValue {
    var isPrimitiveValue: Bool {
        switch self {
        case .string, .number, .bool: return true
        default: return false
        }
    }

    /// The elements of a tuple or set; nil for anything else.
    var sequenceElements: [HCLValue]? {
        switch self {
        case .tuple(let items), .set(let items): return items
        default: return nil
        }
    }
}
