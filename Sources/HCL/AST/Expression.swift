/// An HCL expression with its source range.
public struct Expression: Sendable, Hashable {
    public var kind: ExpressionKind
    public var range: SourceRange

    public init(_ kind: ExpressionKind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public enum UnaryOperator: String, Sendable, Hashable { case negate = "-", not = "!" }

public enum BinaryOperator: String, Sendable, Hashable {
    case or = "||", and = "&&"
    case equal = "==", notEqual = "!="
    case less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="
    case add = "+", subtract = "-"
    case multiply = "*", divide = "/", modulo = "%"
}

/// One step after a root name: `.name`, `[expr]`, or the legacy `.0`.
public enum TraversalStep: Sendable, Hashable {
    case attribute(String)
    case index(HCLValue)
}

/// A static reference such as `var.region` or `aws_s3_bucket.state.id`, as returned by
/// `Expression.traversals()`: evaluators use it to know what a scope must provide.
public struct Traversal: Sendable, Hashable {
    public var root: String
    public var steps: [TraversalStep]
    public var range: SourceRange

    public init(root: String, steps: [TraversalStep], range: SourceRange) {
        self.root = root
        self.steps = steps
        self.range = range
    }
}

public enum ExpressionKind: Sendable, Hashable {
    case literal(HCLValue)
    /// A string template or heredoc. A template made of exactly one interpolation and nothing
    /// else evaluates to the raw value of that interpolation (not a string).
    case template([TemplatePart])
    /// A root name: `var`, `local`, `aws_instance`, `count`, `each`, an iterator.
    case variable(String)
    indirect case getAttribute(Expression, String)
    indirect case index(Expression, Expression)
    /// `source[*].a.b` / `source.*.a`: `each` is evaluated per element with `.splatItem` bound to it.
    indirect case splat(source: Expression, each: Expression)
    /// The current element inside a splat's `each` expression.
    case splatItem
    case tuple([Expression])
    case object([ObjectItem])
    /// `name(args...)`; `expandFinal` for `f(list...)`. `name` may contain `::` (`provider::aws::f`).
    /// Boxed like the other multi-field cases, so that every expression node is 8 bytes smaller.
    indirect case functionCall(name: String, arguments: [Expression], expandFinal: Bool)
    indirect case conditional(condition: Expression, then: Expression, else: Expression)
    indirect case unary(UnaryOperator, Expression)
    indirect case binary(BinaryOperator, Expression, Expression)
    indirect case forExpression(ForExpression)
    indirect case parenthesized(Expression)
}

public struct ObjectItem: Sendable, Hashable {
    /// A bare identifier key is a literal string; `(expr)` and quoted keys are expressions.
    public var key: Expression
    public var value: Expression

    public init(key: Expression, value: Expression) {
        self.key = key
        self.value = value
    }
}

public struct ForExpression: Sendable, Hashable {
    public var keyVariable: String?
    public var valueVariable: String
    public var collection: Expression
    /// Present for the object form `{ for k, v in x : keyExpr => valueExpr }`.
    public var keyExpression: Expression?
    public var valueExpression: Expression
    public var condition: Expression?
    /// `...` after the value in the object form: values grouped into lists per key.
    public var grouping: Bool

    public init(
        keyVariable: String?, valueVariable: String, collection: Expression, keyExpression: Expression?,
        valueExpression: Expression, condition: Expression?, grouping: Bool
    ) {
        self.keyVariable = keyVariable
        self.valueVariable = valueVariable
        self.collection = collection
        self.keyExpression = keyExpression
        self.valueExpression = valueExpression
        self.condition = condition
        self.grouping = grouping
    }
}

public enum TemplatePart: Sendable, Hashable {
    /// Literal text, escapes already decoded and strip markers (`~`) already applied.
    case literal(String)
    case interpolation(Expression)
    // Directives are boxed: most parts are text or one interpolation, and an unboxed directive
    // would make every part as large as the largest.
    indirect case ifDirective(condition: Expression, then: [TemplatePart], else: [TemplatePart])
    indirect case forDirective(keyVariable: String?, valueVariable: String, collection: Expression, body: [TemplatePart])
}
