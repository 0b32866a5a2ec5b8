import DriftModel

/// Finds the live resource each declared resource is.
///
/// With state, the state's address → id is exact. Without it, each type's `ResourceType.identity`
/// says how: by a natural key (a bucket's name) or by the declared tags (the `Name` tag first, then
/// every declared tag present live). A resource that cannot be told apart is reported, never guessed.
public struct Matcher: Sendable {
    public var baseline: Baseline
    public var snapshot: Snapshot
    public var state: TerraformState?

    public init(baseline: Baseline, snapshot: Snapshot, state: TerraformState?) {
        self.baseline = baseline
        self.snapshot = snapshot
        self.state = state
    }

    public func match() -> MatchResult {
        let failed = Dictionary(grouping: snapshot.errors.filter { $0.resource != nil }) {
            ErrorKey(service: $0.service, resource: $0.resource ?? "")
        }
        let liveByKey = Dictionary(snapshot.resources.map { (LiveKey(type: $0.type, id: $0.id), $0) }) { a, _ in a }
        // Live resources of the types found by tags or attributes, per type.
        let searchable = Dictionary(grouping: snapshot.resources.filter { live in
            !live.isGone && ResourceType.named(live.type).map { $0.keyArguments == nil } == true
        }, by: \.type)
        var matches: [ResourceMatch] = []
        // Live "type id"s a declaration might be, when it could not be pinned down.
        var possibly: Set<String> = []
        for declared in baseline.resources {
            guard let type = ResourceType.named(declared.type) else {
                matches.append(ResourceMatch(declared: declared, outcome: .notScanned))
                continue
            }
            let service = type.service.rawValue
            if type.identity == .permission {
                let rules = snapshot.resources.filter { SecurityGroupRulePermission.liveTypes.contains($0.type) }
                matches.append(ResourceMatch(declared: declared, outcome: LegacySecurityGroupRule.outcome(declared, state: state, rules: rules)))
                continue
            }
            // A type whose listing was not read (the deadline cut it) has nothing to match against.
            if snapshot.omitted[declared.type] == ["*"] {
                let id = state.flatMap { $0.instances[declared.address]?.liveID }
                matches.append(ResourceMatch(declared: declared, outcome: .unreadable(id: id)))
                continue
            }
            let candidates = searchable[declared.type] ?? []
            let identity = identify(declared, type: type, among: candidates)
            let outcome: ResourceMatch.Outcome
            switch identity {
            case .id(let id):
                if failed[ErrorKey(service: service, resource: type.readResource(forID: id))] != nil {
                    outcome = .unreadable(id: id)
                } else if let live = liveByKey[LiveKey(type: declared.type, id: id)], !live.isGone {
                    outcome = .found(live)
                } else {
                    outcome = .missing(id: id)
                }
            case .outcome(let other):
                outcome = other
                if type.identity == .tags {
                    possibly.formUnion(self.candidates(for: declared, in: candidates).map { "\(declared.type) \($0.id)" })
                }
            }
            matches.append(ResourceMatch(declared: declared, outcome: outcome))
        }
        matches = resolveDoubleClaims(matches)
        let claimed = claimed(matches: matches, possibly: possibly)
        let unmanaged = unmanaged(matches: matches, claimed: claimed)
        let orphaned = orphaned(liveByKey: liveByKey)
        return MatchResult(
            matches: matches, unmanaged: unmanaged, orphaned: orphaned,
            errors: identificationErrors(matches) + relevantErrors(matches: matches, unmanaged: unmanaged), claimed: claimed)
    }

    private struct ErrorKey: Hashable { var service: String; var resource: String }
    private struct LiveKey: Hashable { var type: String; var id: String }

    private enum Identity { case id(String), outcome(ResourceMatch.Outcome) }

    private func identify(_ declared: DeclaredResource, type: ResourceType, among live: [LiveResource]) -> Identity {
        if let state {
            guard let recorded = state.instances[declared.address] else { return .outcome(.notInState) }
            guard let id = recorded.liveID else { return .outcome(.unidentified(reason: "the state records no id for it")) }
            return .id(id)
        }
        if let keys = type.keyArguments {
            guard declared.unknown.allSatisfy({ !keys.contains($0) }), let id = type.liveID(from: declared.attributes) else {
                return .outcome(.unidentified(reason: "its \(keys.joined(separator: " and ")) is not known offline and there is no state"))
            }
            return .id(id)
        }
        if case .attributes(let keys) = type.identity {
            return identifyByAttributes(
                declared, keys: keys, unset: type.unsetIdentity, when: type.unsetIdentityWhen ?? keys, among: live)
        }
        return identifyByTags(declared, among: live)
    }

    /// The live resources whose attributes equal the declaration's for every key known offline
    /// (an unset argument matches an absent attribute). When every `unsetKeys` key is unset, `unset` gives
    /// the values the provider names the resource with (`ResourceType.unsetIdentity`).
    private func identifyByAttributes(
        _ declared: DeclaredResource, keys: [String], unset: [String: Value], when unsetKeys: [String],
        among live: [LiveResource]
    ) -> Identity {
        let known = keys.filter { !declared.unknown.contains($0) }
        guard let first = keys.first, known.contains(first) || known.count > 1 else {
            return .outcome(.unidentified(reason: "its \(keys[0]) is not known offline and there is no state"))
        }
        func value(_ v: Value?) -> Value { v.map { $0 == .array([]) ? .null : $0 } ?? .null }
        let allUnset = unsetKeys.allSatisfy { !declared.unknown.contains($0) && value(declared.attributes[$0]) == .null }
        return pick(live.filter { resource in
            known.allSatisfy { key in
                let want = allUnset ? unset[key] ?? value(declared.attributes[key]) : value(declared.attributes[key])
                // An optional+computed argument left unset (a security group's `vpc_id`) matches any.
                if want == .null, ProviderSchema.schema(for: declared.type)?[key]?.computed == true { return true }
                return ScalarEquivalence.equal(want, value(resource.attributes[key]))
            }
        })
    }

    private func identifyByTags(_ declared: DeclaredResource, among live: [LiveResource]) -> Identity {
        if declared.unknown.contains("tags") || declared.unknown.contains("tags_all") {
            return .outcome(.unidentified(reason: "its tags are not known offline and there is no state"))
        }
        let provider = baseline.provider(for: declared)
        let expected = declared.expectedTags(provider: provider)
        guard let name = expected["Name"] else {
            if declared.ownTags.isEmpty {
                return .outcome(.unidentified(reason: "it declares no tags and there is no state"))
            }
            return pick(candidates(for: declared, in: live))
        }
        let named = live.filter { $0.tags["Name"] == name }
        if named.count <= 1 { return pick(named) }
        let narrowed = named.filter { isSubset(expected, of: $0.tags, provider: provider) }
        if narrowed.count == 1 { return pick(narrowed) }
        return .outcome(.ambiguous(candidates: named.map(\.id).sorted()))
    }

    private func pick(_ found: [LiveResource]) -> Identity {
        switch found.count {
        case 0: return .outcome(.missing(id: nil))
        case 1: return .id(found[0].id)
        default: return .outcome(.ambiguous(candidates: found.map(\.id).sorted()))
        }
    }

    /// Live resources carrying every tag the declaration expects (ignored tag keys aside).
    private func candidates(for declared: DeclaredResource, in instances: [LiveResource]) -> [LiveResource] {
        let provider = baseline.provider(for: declared)
        let expected = declared.expectedTags(provider: provider)
        return instances.filter { isSubset(expected, of: $0.tags, provider: provider) }
    }

    private func isSubset(_ expected: [String: String], of live: [String: String], provider: ProviderSettings) -> Bool {
        let tags = TagComparer(provider: provider)
        return expected.allSatisfy { key, value in tags.isIgnored(key) || live[key] == value }
    }

    /// Two declarations found the same live resource by tags: neither can be trusted.
    private func resolveDoubleClaims(_ matches: [ResourceMatch]) -> [ResourceMatch] {
        guard state == nil else { return matches }
        func byTags(_ m: ResourceMatch) -> Bool { ResourceType.named(m.declared.type).map { $0.keyArguments == nil } == true }
        var claims: [String: Int] = [:]
        for m in matches where byTags(m) {
            if case .found(let live) = m.outcome { claims["\(live.type) \(live.id)", default: 0] += 1 }
        }
        return matches.map { m in
            guard byTags(m), case .found(let live) = m.outcome, claims["\(live.type) \(live.id)", default: 0] > 1 else { return m }
            return ResourceMatch(declared: m.declared, outcome: .ambiguous(candidates: [live.id]))
        }
    }

    /// Live `type id`s the declarations and the state are or may be.
    private func claimed(matches: [ResourceMatch], possibly: Set<String>) -> Set<String> {
        var claimed: Set<String> = possibly
        for m in matches {
            if let id = m.id { claimed.insert("\(m.declared.type) \(id)") }
            if case .ambiguous(let ids) = m.outcome { claimed.formUnion(ids.map { "\(m.declared.type) \($0)" }) }
        }
        for instance in state.map({ Array($0.instances.values) }) ?? [] where ResourceType.named(instance.type) != nil {
            if let id = instance.liveID { claimed.insert("\(instance.type) \(id)") }
        }
        return claimed
    }

    private func unmanaged(matches: [ResourceMatch], claimed: Set<String>) -> [LiveResource] {
        let parents = ManagedParents(matches: matches, baseline: baseline, state: state, snapshot: snapshot)
        return snapshot.resources.filter { live in
            guard let type = ResourceType.named(live.type), !live.isGone, !claimed.contains("\(live.type) \(live.id)"),
                !type.isAWSManaged(live)
            else { return false }
            switch type.inventory {
            case .none: return false
            case .all: return true
            case .withinManaged(let parent, let via, let unless):
                return parents.leavesUncovered(live, parent: parent, via: via, unlessParentDeclares: unless)
            }
        }
    }

    /// State instances of a scanned type at an address no file declares, still live: the plan's
    /// `delete`. One gone live is dropped by the refresh, so it is nothing. A read that failed
    /// leaves it out here; the failed read stays an error.
    private func orphaned(liveByKey: [LiveKey: LiveResource]) -> [OrphanedResource] {
        guard let state else { return [] }
        let declared = Set(baseline.resources.map(\.address))
        return state.instances.values.compactMap { instance in
            guard !declared.contains(instance.address), ResourceType.named(instance.type) != nil,
                let id = instance.liveID, let live = liveByKey[LiveKey(type: instance.type, id: id)], !live.isGone
            else { return nil }
            return OrphanedResource(address: instance.address, live: live)
        }.sorted { $0.address < $1.address }
    }

    private func identificationErrors(_ matches: [ResourceMatch]) -> [ReadError] {
        matches.compactMap { m in
            let service = ResourceType.named(m.declared.type)?.service.rawValue ?? "drift"
            switch m.outcome {
            case .unidentified(let reason):
                return ReadError(
                    service: service, operation: "Identify", resource: m.declared.address, code: "Unidentified",
                    message: "\(m.declared.address) cannot be identified: \(reason)")
            case .ambiguous(let ids):
                return ReadError(
                    service: service, operation: "Identify", resource: m.declared.address, code: "Ambiguous",
                    message: "\(m.declared.address) matches more than one live resource: \(ids.joined(separator: ", "))")
            default: return nil
            }
        }
    }

    /// Failed reads of account-wide calls and of resources a declaration is (or may be); a failed
    /// read of a setting of an unmanaged resource changes nothing the report says.
    private func relevantErrors(matches: [ResourceMatch], unmanaged: [LiveResource]) -> [ReadError] {
        func service(_ type: String) -> String { ResourceType.named(type)?.service.rawValue ?? "" }
        func readResource(_ type: String, _ id: String) -> String { ResourceType.named(type)?.readResource(forID: id) ?? id }
        let declaredIDs = Set(matches.compactMap { m in m.id.map { "\(service(m.declared.type)) \(readResource(m.declared.type, $0))" } })
        let unmanagedIDs = Set(unmanaged.map { "\(service($0.type)) \($0.id)" }).subtracting(declaredIDs)
        return snapshot.errors.filter { error in
            guard let resource = error.resource else { return true }
            return !unmanagedIDs.contains("\(error.service) \(resource)")
        }
    }
}
