import DriftModel
import HCL

/// A declared nested block as other expressions see it. Terraform's plan gives every element of a
/// declared block all of its schema's members: the default plan fills in for an unset one
/// (`one(aws_dynamodb_table.t.replica).propagate_tags` is `false`), unknown for a computed one,
/// null (or no blocks) for the rest, so a reference to any of them resolves instead of failing as
/// an unsupported attribute. The resource's own top-level members get the same from
/// `LoadSession.referenceFill`.
enum BlockReferenceFill {
    /// Argument `name` of a `type` resource as references see it: a declared block filled in,
    /// anything else as it is. Only tuples and sets can be blocks, so other values cost one switch.
    @inline(__always)
    static func reference(_ value: HCLValue, name: String, type: String) -> HCLValue {
        switch value {
        case .tuple, .set:
            guard let schema = ProviderSchema.schema(for: type)?[name], schema.kind == .block else { return value }
            return filled(value, schema: schema)
        default:
            return value
        }
    }

    /// `value` (a block's tuple or set of objects) with each element's unset members filled in.
    static func filled(_ value: HCLValue, schema: AttributeSchema) -> HCLValue {
        guard schema.kind == .block, !schema.nested.isEmpty else { return value }
        switch value {
        case .tuple(let items): return .tuple(items.map { element($0, schema: schema) })
        case .set(let items): return .set(items.map { element($0, schema: schema) })
        case .object: return element(value, schema: schema)
        default: return value
        }
    }

    private static func element(_ value: HCLValue, schema: AttributeSchema) -> HCLValue {
        guard case .object(var members) = value else { return value }
        let configured = members
        for (name, entry) in schema.nested {
            if let member = members[name], member != .null {
                if entry.kind == .block { members[name] = filled(member, schema: entry) }
            } else if let defaultValue = schema.nestedDefaults[name] {
                members[name] = ValueConverter.hclValue(defaultValue)
            } else if entry.computed {
                members[name] = .unknown
            } else if entry.kind == .block {
                members[name] = entry.nesting == .single ? .null : .tuple([])
            } else {
                members[name] = .null
            }
        }
        if !schema.nestedConditional.isEmpty {
            // What plan shows for conditional members, decided on the converted block like the baseline's.
            let planned = ValueConverter.convert(.object(configured), schema: schema).arrayValue?.first?.objectValue ?? [:]
            for name in schema.nestedConditional where configured[name]?.isKnown != false {
                members[name] = planned[name].map(ValueConverter.hclValue) ?? .null
            }
        }
        return .object(members)
    }
}
