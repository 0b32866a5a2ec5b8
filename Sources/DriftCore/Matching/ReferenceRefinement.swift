import DriftModel
import Terraform

/// Declarations evaluated again once their neighbours are found live.
///
/// `terraform plan` reads another resource's computed attributes from its refreshed state: an
/// `aws_eip_association`'s `allocation_id = aws_eip.web.id` is known, so the association is
/// identified and compared. Offline those are unknown. Once the matcher has found the resources
/// live (through the state's ids, or by name and tags without state), the baseline is evaluated
/// again with what they are (`BaselineLoader.knownResources`) and matched again; each pass
/// resolves one more link of a chain, and the passes stop when one finds nothing new. A
/// resource found nowhere stays unknown to its dependents, as one Terraform would create is.
enum ReferenceRefinement {
    /// Evaluations after the first, at most: an association of a volume of an instance is two.
    static let passes = 3

    static func refine(
        _ baseline: Baseline, match: MatchResult, unit: PreparedUnit, target: Int, snapshot: Snapshot
    ) async -> (baseline: Baseline, match: MatchResult) {
        await refine(
            baseline, match: match, loader: unit.setup.loader, state: unit.state, snapshot: snapshot,
            keep: { unit.setup.targets.index(for: $0) == target })
    }

    /// `keep` says which of a new evaluation's declarations `baseline` holds (one provider
    /// configuration's, one check's); `neighbours` are found resources matched elsewhere (a
    /// check's related groups and volumes), by address, their attributes with `id`.
    static func refine(
        _ baseline: Baseline, match: MatchResult, loader: BaselineLoader?, state: TerraformState?, snapshot: Snapshot,
        neighbours: [String: [String: Value]] = [:], keep: (DeclaredResource) -> Bool
    ) async -> (baseline: Baseline, match: MatchResult) {
        guard var loader, baseline.resources.contains(where: { !$0.unknown.isEmpty }) else {
            return (baseline, match)
        }
        var current = (baseline: baseline, match: match)
        var known: [String: [String: Value]] = [:]
        for _ in 0..<passes {
            var found = known.merging(neighbours) { mine, _ in mine }
            for (address, attributes) in Self.found(current.match) { found[address] = attributes }
            guard found.count > known.count else { break }
            known = found
            loader.knownResources = known
            let evaluated = await SessionSetup.loadOffThePool(loader)
            // A second evaluation that fails where the first did not: keep what the first knew.
            guard !evaluated.hasErrors else { break }
            var refined = evaluated
            refined.resources = evaluated.resources.filter(keep)
            guard unknownCount(refined) < unknownCount(current.baseline) else { break }
            current = (refined, Matcher(baseline: refined, snapshot: snapshot, state: state).match())
        }
        return current
    }

    /// The declarations a match found live: address → the live attributes, `id` included.
    static func found(_ match: MatchResult) -> [String: [String: Value]] {
        var found: [String: [String: Value]] = [:]
        for m in match.matches {
            guard case .found(let live) = m.outcome else { continue }
            var attributes = live.attributes
            attributes["id"] = .string(live.id)
            found[m.declared.address] = attributes
        }
        return found
    }

    static func unknownCount(_ baseline: Baseline) -> Int {
        baseline.resources.reduce(0) { $0 + $1.unknown.count }
    }
}
