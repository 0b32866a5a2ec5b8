import DriftModel
import HCL

/// Ephemeral values (an `ephemeral` resource's attributes, a variable declared `ephemeral = true`)
/// never reach a plan or state: Terraform accepts one in a resource argument only where the
/// provider declares that argument write-only, and none of the types drift compares has one
/// (hashicorp/aws 5.100: write-only arguments exist only on RDS, DocumentDB, Redshift, Secrets
/// Manager and SSM types). A value is ephemeral when its expression reads one, directly or through
/// locals; `ephemeralasnull(...)` makes it an ordinary null.
extension ModuleInstance {
    /// Reported once per declaration, at each argument's value, in Terraform's words.
    func checkEphemeralArguments(_ decl: ResourceDecl) {
        guard config.hasEphemeralSources, ProviderSchema.schema(for: decl.type) != nil else { return }
        check(decl.configBody)
    }

    private func check(_ body: Body) {
        for attribute in body.attributes {
            var seen: Set<String> = []
            guard isEphemeral(attribute.expression, seen: &seen) else { continue }
            log.error(
                "Invalid use of ephemeral value: ephemeral values are not valid for \"\(attribute.name)\", because it "
                    + "is not a write-only attribute and must be persisted to state", at: attribute.expression.range)
        }
        for block in body.blocks { check(block.body) }
    }

    private func isEphemeral(_ expression: Expression, seen: inout Set<String>) -> Bool {
        for traversal in Self.reads(expression) {
            guard case .attribute(let name)? = traversal.steps.first else { continue }
            switch traversal.root {
            case "ephemeral": return true
            case "var":
                if let flag = config.variable(name)?.block.body.attribute("ephemeral"),
                    TypeConstraint.constantValue(flag.expression) == .bool(true)
                {
                    return true
                }
            case "local":
                guard seen.insert(name).inserted, let local = config.locals[name] else { continue }
                if isEphemeral(local.expression, seen: &seen) { return true }
            default: continue
            }
        }
        return false
    }

    /// The references an expression's value can carry, leaving out what `ephemeralasnull` strips.
    private static func reads(_ expression: Expression) -> [Traversal] {
        switch expression.kind {
        case .functionCall(let name, let arguments, _):
            return name == "ephemeralasnull" ? [] : arguments.flatMap(reads)
        case .tuple(let items): return items.flatMap(reads)
        case .object(let items): return items.flatMap { reads($0.key) + reads($0.value) }
        case .template(let parts):
            return parts.flatMap { part -> [Traversal] in
                switch part {
                case .literal: return []
                case .interpolation(let inner): return reads(inner)
                default: return Expression(.template([part]), range: expression.range).traversals()
                }
            }
        case .conditional(let condition, let then, let otherwise):
            return reads(condition) + reads(then) + reads(otherwise)
        case .binary(_, let left, let right): return reads(left) + reads(right)
        case .unary(_, let inner), .parenthesized(let inner): return reads(inner)
        default: return expression.traversals()
        }
    }
}
