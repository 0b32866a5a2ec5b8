import DriftModel
import HCL

/// Terraform converts every resource argument to the type the provider schema gives it before
/// anything else sees it (hcldec's attribute decoding): `monitoring = "true"` is the bool `true`,
/// `read_capacity = "5"` the number 5, `instance_type = 5` the string `"5"`, a tuple given for a
/// `set(string)` a set. Both the `DeclaredResource` and the object other expressions refer to
/// hold the converted value. The conversion itself is the one `variable` types use
/// (`TypeConstraint.convert`); this only skips values that already have the type, which is
/// nearly all of them, so that large configurations pay one `switch` per argument.
enum SchemaConversion {
    /// `value` converted to `schema`'s type; unknown and null stay as they are, and so does every
    /// value when the schema gives no type. A value that cannot convert is reported at `expression`
    /// with Terraform's words and returned unchanged (the run fails on the error anyway).
    static func converted(
        _ value: HCLValue, schema: AttributeSchema?, name: String, expression: SourceRange, log: DiagnosticLog
    ) -> HCLValue {
        guard let type = schema?.type, !conforms(value, to: type) else { return value }
        if let converted = primitiveConversion(value, to: type) { return converted }
        switch convert(value, to: type) {
        case .success(let converted):
            return converted
        case .failure(let error):
            log.error(
                "Incorrect attribute value type: inappropriate value for attribute \"\(name)\": \(error)", at: expression)
            return value
        }
    }

    /// Terraform's conversion, with hcldec's error text: the reason without cty's path (hcldec
    /// prints `err.Error()`, which for a value nested in a collection is the bare message).
    static func convert(_ value: HCLValue, to type: AttributeType) -> Result<HCLValue, ConversionError> {
        TypeConstraint(type).convert(value).mapError { ConversionError(message: $0.message) }
    }

    /// The common cases without building a `TypeConstraint`: a primitive, or a list, set or map
    /// of primitives, every element of which converts (`tags = { Size = 10 }`). nil for anything
    /// else and for every failure, which the full conversion then reports in cty's words.
    static func primitiveConversion(_ value: HCLValue, to type: AttributeType) -> HCLValue? {
        switch (type, value) {
        case (_, .null), (_, .unknown): return value
        case (.string, _): return Primitive.string(value).map(HCLValue.string)
        case (.number, .string), (.number, .number): return Primitive.number(value).map(HCLValue.number)
        case (.bool, .string), (.bool, .bool): return Primitive.bool(value).map(HCLValue.bool)
        case (.list(let element), .tuple(let items)) where element.isPrimitive:
            return primitiveElements(items, element).map(HCLValue.tuple)
        case (.set(let element), .tuple(let items)) where element.isPrimitive,
            (.set(let element), .set(let items)) where element.isPrimitive:
            return primitiveElements(items, element).map(SetOrder.set)
        case (.map(let element), .object(let members)) where element.isPrimitive:
            var result: [String: HCLValue] = [:]
            result.reserveCapacity(members.count)
            for (key, member) in members {
                guard let converted = primitiveConversion(member, to: element) else { return nil }
                result[key] = converted
            }
            return .object(result)
        default:
            return nil
        }
    }

    private static func primitiveElements(_ items: [HCLValue], _ element: AttributeType) -> [HCLValue]? {
        var result: [HCLValue] = []
        result.reserveCapacity(items.count)
        for item in items {
            guard let converted = primitiveConversion(item, to: element) else { return nil }
            result.append(converted)
        }
        return result
    }

    /// True when converting `value` to `type` would return it unchanged: primitives of the type,
    /// tuples and maps whose elements conform, sets (already in canonical order) likewise.
    static func conforms(_ value: HCLValue, to type: AttributeType) -> Bool {
        switch (type, value) {
        case (_, .null), (_, .unknown), (.dynamic, _): return true
        case (.string, .string), (.number, .number), (.bool, .bool): return true
        case (.list(let element), .tuple(let items)), (.set(let element), .set(let items)):
            return items.allSatisfy { conforms($0, to: element) }
        case (.map(let element), .object(let members)):
            return members.values.allSatisfy { conforms($0, to: element) }
        default:
            return false
        }
    }
}

extension AttributeType {
    fileprivate var isPrimitive: Bool {
        switch self {
        case .string, .number, .bool: return true
        default: return false
        }
    }
}

extension TypeConstraint {
    /// The type constraint that converts like the schema type: `dynamic` is `any`, and every
    /// attribute of an object type is required (cty object types have no optional attributes
    /// unless the schema marks them, which no attribute drift compares does).
    init(_ type: AttributeType) {
        switch type {
        case .string: self = .string
        case .number: self = .number
        case .bool: self = .bool
        case .dynamic: self = .any
        case .list(let element): self = .list(TypeConstraint(element))
        case .set(let element): self = .set(TypeConstraint(element))
        case .map(let element): self = .map(TypeConstraint(element))
        case .tuple(let elements): self = .tuple(elements.map(TypeConstraint.init))
        case .object(let attributes): self = .object(attributes.mapValues { ObjectAttribute(type: TypeConstraint($0)) })
        }
    }
}
