import HCL

extension TypeConstraint {
    /// Reads a `type = ...` expression: `string`, `number`, `bool`, `any`, `list(T)`, `set(T)`,
    /// `map(T)`, `tuple([T, ...])`, `object({name = T, other = optional(T, default)})`. Defaults
    /// must be constants (Terraform evaluates them with no variables or functions) and are converted
    /// to their attribute's type here, so a bad default is reported at the type, not at each use.
    public static func parse(_ expression: Expression) -> Result<TypeConstraint, TypeConstraintError> {
        do throws(TypeConstraintError) {
            return .success(try read(expression, optionalAllowed: false).type)
        } catch {
            return .failure(error)
        }
    }

    private static func read(_ expression: Expression, optionalAllowed: Bool) throws(TypeConstraintError) -> ObjectAttribute {
        switch expression.kind {
        case .parenthesized(let inner):
            return try read(inner, optionalAllowed: optionalAllowed)
        case .variable(let keyword):
            switch keyword {
            case "string": return ObjectAttribute(type: .string)
            case "number": return ObjectAttribute(type: .number)
            case "bool": return ObjectAttribute(type: .bool)
            case "any": return ObjectAttribute(type: .any)
            case "list", "set", "map", "tuple", "object":
                throw TypeConstraintError(detail: "The \(keyword) type constraint requires one argument specifying the element type.", range: expression.range)
            case "optional":
                throw TypeConstraintError(detail: "Keyword \"optional\" is valid only as a modifier for object type attributes.", range: expression.range)
            default:
                throw TypeConstraintError(detail: "The keyword \"\(keyword)\" is not a valid type specification.", range: expression.range)
            }
        case .functionCall(let name, let arguments, _):
            return try call(name, arguments, expression, optionalAllowed: optionalAllowed)
        case .template, .literal:
            throw TypeConstraintError(
                summary: "Invalid quoted type constraints",
                detail: "Terraform 0.11 and earlier required type constraints to be given in quotes, but that form is now deprecated and will be removed in a future version of Terraform. Remove the quotes around \"\(quotedKeyword(expression))\".",
                range: expression.range)
        default:
            throw TypeConstraintError(detail: "A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).", range: expression.range)
        }
    }

    private static func call(
        _ name: String, _ arguments: [Expression], _ expression: Expression, optionalAllowed: Bool
    ) throws(TypeConstraintError) -> ObjectAttribute {
        switch name {
        case "list", "set", "map":
            guard arguments.count == 1 else {
                throw TypeConstraintError(detail: "The \(name) type constraint requires one argument specifying the element type.", range: expression.range)
            }
            let element = try read(arguments[0], optionalAllowed: false).type
            return ObjectAttribute(type: name == "list" ? .list(element) : name == "set" ? .set(element) : .map(element))
        case "tuple":
            guard arguments.count == 1, case .tuple(let items) = arguments[0].kind else {
                throw TypeConstraintError(detail: "The tuple type constructor requires one argument specifying the element types as a list.", range: expression.range)
            }
            var types: [TypeConstraint] = []
            for item in items { types.append(try read(item, optionalAllowed: false).type) }
            return ObjectAttribute(type: .tuple(types))
        case "object":
            guard arguments.count == 1, case .object(let items) = arguments[0].kind else {
                throw TypeConstraintError(detail: "The object type constructor requires one argument specifying the attribute types as a map.", range: expression.range)
            }
            var attributes: [String: ObjectAttribute] = [:]
            for item in items {
                guard let key = attributeName(item.key) else {
                    throw TypeConstraintError(summary: "Invalid type specification", detail: "Object constructor map keys must be attribute names.", range: item.key.range)
                }
                attributes[key] = try read(item.value, optionalAllowed: true)
            }
            return ObjectAttribute(type: .object(attributes))
        case "optional":
            guard optionalAllowed else {
                throw TypeConstraintError(detail: "Keyword \"optional\" is valid only as a modifier for object type attributes.", range: expression.range)
            }
            guard arguments.count == 1 || arguments.count == 2 else {
                throw TypeConstraintError(detail: "The optional modifier requires the attribute type and an optional default value.", range: expression.range)
            }
            let type = try read(arguments[0], optionalAllowed: false).type
            guard arguments.count == 2 else { return ObjectAttribute(type: type, optional: true) }
            guard let constant = constantValue(arguments[1]) else {
                throw TypeConstraintError(detail: "The default value for an optional attribute must be a constant: variables and functions are not available here.", range: arguments[1].range)
            }
            switch type.convert(constant) {
            case .success(let converted): return ObjectAttribute(type: type, optional: true, defaultValue: converted)
            case .failure(let error):
                throw TypeConstraintError(summary: "Invalid default value for optional attribute", detail: "This default value is not compatible with the attribute's type constraint: \(error).", range: arguments[1].range)
            }
        default:
            throw TypeConstraintError(detail: "Keyword \"\(name)\" is not a valid type constructor.", range: expression.range)
        }
    }

    private static func attributeName(_ key: Expression) -> String? {
        switch key.kind {
        case .variable(let name): return name
        case .literal(.string(let name)): return name
        case .parenthesized(let inner): return attributeName(inner)
        case .template(let parts):
            if parts.count == 1, case .literal(let name) = parts[0] { return name }
            return nil
        default: return nil
        }
    }

    private static func quotedKeyword(_ expression: Expression) -> String {
        if case .literal(.string(let text)) = expression.kind { return text }
        if case .template(let parts) = expression.kind, parts.count == 1, case .literal(let text) = parts[0] { return text }
        return "..."
    }

    /// The value of an expression made only of literals, templates of literals, tuples, objects and
    /// negation; nil when it needs variables or functions.
    static func constantValue(_ expression: Expression) -> HCLValue? {
        switch expression.kind {
        case .literal(let value): return value
        case .parenthesized(let inner): return constantValue(inner)
        case .variable("null"): return .null
        case .variable("true"): return .bool(true)
        case .variable("false"): return .bool(false)
        case .template(let parts):
            if parts.count == 1, case .interpolation(let inner) = parts[0] { return constantValue(inner) }
            var text = ""
            for part in parts {
                switch part {
                case .literal(let piece): text += piece
                case .interpolation(let inner):
                    guard let value = constantValue(inner), let piece = Primitive.string(value) else { return nil }
                    text += piece
                default: return nil
                }
            }
            return .string(text)
        case .tuple(let items):
            var values: [HCLValue] = []
            for item in items {
                guard let value = constantValue(item) else { return nil }
                values.append(value)
            }
            return .tuple(values)
        case .object(let items):
            var members: [String: HCLValue] = [:]
            for item in items {
                guard let key = attributeName(item.key) ?? constantValue(item.key).flatMap(Primitive.string),
                    let value = constantValue(item.value)
                else { return nil }
                members[key] = value
            }
            return .object(members)
        case .unary(.negate, let inner):
            guard case .number(let number)? = constantValue(inner) else { return nil }
            return .number(-number)
        case .unary(.not, let inner):
            guard case .bool(let flag)? = constantValue(inner) else { return nil }
            return .bool(!flag)
        default:
            return nil
        }
    }
}
