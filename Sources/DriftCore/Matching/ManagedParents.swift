import DriftModel

/// What decides whether a live resource of a `withinManaged` type (a security group rule) is
/// unmanaged: its parent (the group) is declared and found, the parent's declaration leaves the
/// children to separate resources (no inline `ingress`/`egress`), and no declaration claims it,
/// including the legacy `aws_security_group_rule`, which describes permissions rather than `sgr-`
/// ids (`LegacySecurityGroupRule`).
struct ManagedParents {
    /// Parent type → live id → the declaration found there.
    private var found: [String: [String: DeclaredResource]] = [:]
    /// Live rules a legacy rule declaration describes.
    private var claimed: Set<String> = []
    /// A legacy rule whose group or permission is not known: no rule can be called unmanaged.
    private var unsure = false

    init(matches: [ResourceMatch], baseline: Baseline, state: TerraformState?, snapshot: Snapshot) {
        for m in matches {
            if case .found(let live) = m.outcome { found[m.declared.type, default: [:]][live.id] = m.declared }
        }
        let rules = snapshot.resources.filter { SecurityGroupRulePermission.liveTypes.contains($0.type) }
        for declared in baseline.resources where declared.type == LegacySecurityGroupRule.type {
            let recorded = state?.instances[declared.address]?.attributes
            guard let legacy = LegacySecurityGroupRule(declared: declared, recorded: recorded) else {
                unsure = true
                continue
            }
            switch legacy.find(in: rules) {
            case .rules(let found): claimed.formUnion(found.map(\.id))
            case .none: break
            case .ambiguous: unsure = true
            }
        }
    }

    func leavesUncovered(_ live: LiveResource, parent: String, via: String, unlessParentDeclares inline: String) -> Bool {
        guard !unsure, let parentID = live.attributes[via]?.stringValue,
            let declaration = found[parent]?[parentID]
        else { return false }
        if declaration.unknown.contains(inline) { return false }
        if let rules = declaration.attributes[inline], !rules.isNull { return false }
        return !claimed.contains(live.id)
    }
}
