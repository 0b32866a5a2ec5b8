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
        guard var loader = unit.setup.loader, baseline.resources.contains(where: { !$0.unknown.isEmpty }) else {
            return (baseline, match)
        }
        var current = (baseline: baseline, match: match)
        var known: [String: [String: Value]] = [:]
        for _ in 0..<passes {
            var found = known
            for m in current.match.matches {
                guard case .found(let live) = m.outcome else { continue }
                var attributes = live.attributes
                attributes["id"] = .string(live.id)
                found[m.declared.address] = attributes
            }
            guard found.count > known.count else { break }
            known = found
            loader.knownResources = known
            let evaluated = await SessionSetup.loadOffThePool(loader)
            // A second evaluation that fails where the first did not: keep what the first knew.
            guard !evaluated.hasErrors else { break }
            var refined = evaluated
            refined.resources = evaluated.resources.filter { unit.setup.targets.index(for: $0) == target }
            guard unknownCount(refined) < unknownCount(current.baseline) else { break }
            current = (refined, Matcher(baseline: refined, snapshot: snapshot, state: unit.state).match())
        }
        return current
    }

    static func unknownCount(_ baseline: Baseline) -> Int {
        baseline.resources.reduce(0) { $0 + $1.unknown.count }
    }
}
