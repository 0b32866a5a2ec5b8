/// What the Terraform AWS provider says about one resource type's arguments: which are
/// attributes and which nested blocks, which are sets, which are optional/computed, and the
/// provider default of optional non-computed ones. The comparer takes every per-attribute rule
/// from here, never from special cases.
public struct ResourceSchema: Sendable, Hashable {
    public var type: String
    public var attributes: [String: AttributeSchema] {
        didSet { conditional = AttributeSchema.conditionalNames(attributes) }
    }
    /// The top-level arguments with a plan rule that depends on other arguments (`defaultWhen`,
    /// `suppressedWhen`), sorted; kept with the schema so that each resource instance applies them
    /// without walking `attributes`.
    public private(set) var conditional: [String]

    public init(type: String, attributes: [String: AttributeSchema]) {
        self.type = type
        self.attributes = attributes
        self.conditional = AttributeSchema.conditionalNames(attributes)
    }

    public subscript(name: String) -> AttributeSchema? { attributes[name] }
}

/// One argument or nested block of a resource type. The fields live in one shared, immutable box:
/// the evaluator and comparer copy entries out of the schema table for every argument of every
/// resource instance, and a copy is then one reference count instead of one per field.
public struct AttributeSchema: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A plain argument: `instance_type = "t3.micro"`.
        case attribute
        /// A nested block: `attribute { name = "id" type = "S" }`, in the provider's JSON as a list of objects.
        case block
    }

    public enum Nesting: Sendable, Hashable { case single, list, set, map }

    private struct Fields: Sendable, Hashable {
        var name: String
        var kind: Kind
        var nesting: Nesting
        var required: Bool
        var optional: Bool
        var computed: Bool
        var sensitive: Bool
        var defaultValue: Value?
        var nested: [String: AttributeSchema]
        var nestedDefaults: [String: Value]
        var nestedConditional: [String]
        var maxItems: Int
        var unsetEquivalent: Value?
        var type: AttributeType?
        var defaultWhen: PlanCondition?
        var suppressedWhen: PlanCondition?
        var setKey: [String]
    }

    /// Never mutated: a setter stores a new box, so copies never see each other's changes.
    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private var fields: Fields {
        get { box.fields }
        set { box = Box(newValue) }
    }

    public var name: String {
        get { box.fields.name }
        set { fields.name = newValue }
    }
    public var kind: Kind {
        get { box.fields.kind }
        set { fields.kind = newValue }
    }
    /// For blocks: list or set (set blocks compare without order); for attributes: `set` when the
    /// type is `set(...)`, `map` for maps, `list` for lists, `single` for primitives.
    public var nesting: Nesting {
        get { box.fields.nesting }
        set { fields.nesting = newValue }
    }
    public var required: Bool {
        get { box.fields.required }
        set { fields.required = newValue }
    }
    public var optional: Bool {
        get { box.fields.optional }
        set { fields.optional = newValue }
    }
    public var computed: Bool {
        get { box.fields.computed }
        set { fields.computed = newValue }
    }
    public var sensitive: Bool {
        get { box.fields.sensitive }
        set { fields.sensitive = newValue }
    }
    /// The provider default as `terraform plan` shows it for an unset optional argument.
    public var defaultValue: Value? {
        get { box.fields.defaultValue }
        set { fields.defaultValue = newValue }
    }
    /// Nested blocks' own arguments.
    public var nested: [String: AttributeSchema] {
        get { box.fields.nested }
        set {
            var updated = box.fields
            updated.nested = newValue
            updated.nestedDefaults = Self.defaults(of: newValue)
            updated.nestedConditional = Self.conditionalNames(newValue)
            box = Box(updated)
        }
    }
    /// For a block: the unconditional default of each optional argument of `nested` that has one,
    /// which `terraform plan` fills in when a declared block leaves it unset (`replica {
    /// region_name = "x" }` plans `propagate_tags = false`). Kept with the schema so that each
    /// declared block applies them without walking `nested` again.
    public var nestedDefaults: [String: Value] { box.fields.nestedDefaults }
    /// For a block: the names of `nested` arguments with a conditional plan rule, sorted (usually none).
    public var nestedConditional: [String] { box.fields.nestedConditional }
    /// Maximum number of blocks (1 for blocks like `root_block_device`); 0 when unlimited.
    public var maxItems: Int {
        get { box.fields.maxItems }
        set { fields.maxItems = newValue }
    }
    /// A live value the provider treats as the argument left unset: it reads this value back after
    /// creating the resource without the argument and suppresses the diff (`table_class` reads back
    /// `"STANDARD"`). Unlike `defaultValue`, `terraform plan` does not show it.
    public var unsetEquivalent: Value? {
        get { box.fields.unsetEquivalent }
        set { fields.unsetEquivalent = newValue }
    }
    /// The cty type of an attribute (`bool`, `set(string)`), to which Terraform converts the
    /// configured value; nil for blocks and for hand-written schemas that do not say.
    public var type: AttributeType? {
        get { box.fields.type }
        set { fields.type = newValue }
    }
    /// `defaultValue` applies only where this holds on the sibling arguments: the provider's plan
    /// modifier fills it in only then and plans null otherwise (a lifecycle rule's `filter { prefix }`
    /// is `""` only in a filter that sets nothing else). `nil`: the default applies unconditionally.
    public var defaultWhen: PlanCondition? {
        get { box.fields.defaultWhen }
        set { fields.defaultWhen = newValue }
    }
    /// Where this holds on the sibling arguments, the provider suppresses the argument's diff and
    /// `terraform plan` shows null for a non-zero value, configured or default (`ttl {
    /// attribute_name = "x" }` while `enabled` is not true; `source_dest_check` of an instance with a
    /// `network_interface`). The comparer does not compare it then either.
    public var suppressedWhen: PlanCondition? {
        get { box.fields.suppressedWhen }
        set { fields.suppressedWhen = newValue }
    }
    /// For a set of blocks the provider hashes by some fields only (`ebs_block_device`: by
    /// `device_name` and `snapshot_id`): `terraform plan` tells elements apart by these fields
    /// alone (unset counts as the zero value) and does not see a change to any other field of an
    /// element it still finds, so only an element added or removed drifts. Empty: whole elements
    /// compare. The schema JSON does not say this; `scripts/generate-schema` records it.
    public var setKey: [String] {
        get { box.fields.setKey }
        set { fields.setKey = newValue }
    }

    public init(
        name: String, kind: Kind = .attribute, nesting: Nesting = .single, required: Bool = false,
        optional: Bool = false, computed: Bool = false, sensitive: Bool = false, defaultValue: Value? = nil,
        nested: [String: AttributeSchema] = [:], maxItems: Int = 0, unsetEquivalent: Value? = nil,
        type: AttributeType? = nil, defaultWhen: PlanCondition? = nil, suppressedWhen: PlanCondition? = nil,
        setKey: [String] = []
    ) {
        box = Box(Fields(
            name: name, kind: kind, nesting: nesting, required: required, optional: optional, computed: computed,
            sensitive: sensitive, defaultValue: defaultValue, nested: nested,
            nestedDefaults: Self.defaults(of: nested), nestedConditional: Self.conditionalNames(nested),
            maxItems: maxItems, unsetEquivalent: unsetEquivalent, type: type, defaultWhen: defaultWhen,
            suppressedWhen: suppressedWhen, setKey: setKey))
    }

    /// Computed only: the provider sets it and the configuration cannot. Never drift.
    public var isComputedOnly: Bool { computed && !optional && !required }

    public static func == (a: AttributeSchema, b: AttributeSchema) -> Bool {
        a.box === b.box || a.box.fields == b.box.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

    /// Unconditional defaults of optional arguments. A computed argument has one only where the
    /// plan shows it known (a plugin-framework default or plan modifier: `expiration { days }` plans 0).
    private static func defaults(of nested: [String: AttributeSchema]) -> [String: Value] {
        var out: [String: Value] = [:]
        for (name, entry) in nested where entry.optional && entry.defaultWhen == nil {
            if let value = entry.defaultValue { out[name] = value }
        }
        return out
    }

    static func conditionalNames(_ attributes: [String: AttributeSchema]) -> [String] {
        attributes.filter { $0.value.defaultWhen != nil || $0.value.suppressedWhen != nil }.keys.sorted()
    }
}

/// The provider schema for the types drift compares. The table lives in
/// `ProviderSchema+EC2.swift`, `+S3Bucket`, `+S3Settings` and `+DynamoDB`, merged in
/// `ProviderSchema+Generated.swift`, all written by `scripts/generate-schema`.
public enum ProviderSchema {
    public static func schema(for type: String) -> ResourceSchema? { generated[type] }
    public static var knownTypes: [String] { generated.keys.sorted() }
}
