import DriftModel

/// What became of one declared resource when it was looked for live.
public struct ResourceMatch: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        /// Found: compare it.
        case found(LiveResource)
        /// Known (from state or its natural key / tags) and gone live: Terraform would create it.
        case missing(id: String?)
        /// Its reads failed (or its type's listing did: no id then): neither missing nor in sync.
        case unreadable(id: String?)
        /// Cannot be told apart from other live resources, or has nothing to find it by.
        case unidentified(reason: String)
        case ambiguous(candidates: [String])
        /// With state: the state does not record it (Terraform would create it for the first time).
        case notInState
        /// A type drift does not scan.
        case notScanned
    }

    public var declared: DeclaredResource
    public var outcome: Outcome

    public init(declared: DeclaredResource, outcome: Outcome) {
        self.declared = declared
        self.outcome = outcome
    }

    /// The live id, when known.
    public var id: String? {
        switch outcome {
        case .found(let live): return live.id
        case .missing(let id): return id
        case .unreadable(let id): return id
        default: return nil
        }
    }
}

/// A resource the state records at an address no file declares, still live: `terraform apply`
/// would destroy it.
public struct OrphanedResource: Sendable, Hashable {
    /// The state's address.
    public var address: String
    public var live: LiveResource

    public init(address: String, live: LiveResource) {
        self.address = address
        self.live = live
    }
}

/// Every declared resource's outcome, the live resources no declaration claims, the state's
/// resources no file declares any more, and the errors
/// (failed reads relevant to the scan, identification failures) that make a scan incomplete.
public struct MatchResult: Sendable, Hashable {
    public var matches: [ResourceMatch]
    public var unmanaged: [LiveResource]
    public var orphaned: [OrphanedResource]
    public var errors: [ReadError]
    /// Every live `type id` a declaration or the state is, or may be (an unidentified
    /// declaration's candidates): what no other baseline of the same account may call unmanaged.
    public var claimed: Set<String>

    public init(
        matches: [ResourceMatch], unmanaged: [LiveResource], orphaned: [OrphanedResource] = [], errors: [ReadError],
        claimed: Set<String> = []
    ) {
        self.matches = matches
        self.unmanaged = unmanaged
        self.orphaned = orphaned
        self.errors = errors
        self.claimed = claimed
    }
}
