import AWSClient
import DriftModel
import Foundation
import Scanner

/// `drift check <instance>`: one instance, named by id (`i-…`), Terraform address or `Name` tag,
/// read with only its own calls (DescribeInstances by id or by `tag:Name`), then compared with
/// its declaration as a scan would: managed and in sync, drifted, missing, or a snowflake.
public struct InstanceCheck: Sendable {
    public var target: String
    public var settings: SessionSettings
    public var notice: @Sendable (String) -> Void

    public init(target: String, settings: SessionSettings, notice: @escaping @Sendable (String) -> Void = { _ in }) {
        self.target = target
        self.settings = settings
        self.notice = notice
    }

    public func run(now: Date = Date()) async throws(DriftCoreError) -> CheckResult {
        let setup = try await SessionSetup.prepare(settings, notice: notice)
        let state = setup.state?.state
        let declaredInstances = setup.baseline.resources.filter { $0.type == "aws_instance" }
        var options = ScanOptions()
        options.services = [.ec2]
        options.types = ["aws_instance"]
        // As a scan: a call no declaration needs (an instance's volumes, its CPU credits) is left out.
        options.declaredArguments = ResourceType.declaredArguments(of: setup.baseline.resources)
        var addressed: DeclaredResource?
        // A Name tag exactly one declaration expects is that declaration: gone live, it is missing.
        let named = declaredInstances.filter { declared in
            declared.expectedTags(provider: setup.baseline.provider(for: declared))["Name"] == target
        }
        if target.hasPrefix("i-") {
            options.instanceIDs = [target]
        } else if let declared = declaredInstances.first(where: { $0.address == target }) ?? (named.count == 1 ? named.first : nil) {
            addressed = declared
            if let id = state?.instances[declared.address]?.liveID {
                options.instanceIDs = [id]
            } else if let name = declared.expectedTags(provider: setup.baseline.provider(for: declared))["Name"] {
                options.instanceNameTag = name
            }
        } else if let recorded = state?.instances[target], recorded.type == "aws_instance", let id = recorded.liveID {
            // In the state, declared by no file: read it by its id, to say it is orphaned.
            options.instanceIDs = [id]
        } else if target.hasPrefix("aws_instance.") || target.contains(".aws_instance.") {
            throw .invalidArgument("no aws_instance \(target) is declared in \(settings.baselineDirectory)")
        } else {
            options.instanceNameTag = target
        }
        // Where to look: a declaration's (or the state's) own provider configuration (`provider =
        // aws.west`); else the default one first, then every other region the baseline names.
        let targets = setup.targets.targets
        let preferred: Int? = addressed.map { setup.targets.index(for: $0) }
            ?? options.instanceIDs?.first.flatMap { id in
                state?.instances.values.first { $0.type == "aws_instance" && $0.liveID == id }
            }.map { recorded in
                setup.baseline.resources.first { $0.address == recorded.address }.map { setup.targets.index(for: $0) }
                    ?? setup.targets.index(for: recorded)
            }
        let order = preferred.map { [$0] } ?? Array(targets.indices)
        // What hangs off the instance (groups, volumes, addresses). With state, every related
        // declaration is found by its id, so only this instance's are listed (by the listings'
        // own filters, once the instance is read); without state, a declaration is found by
        // tags or attributes among all of the region's, listed at the same time as the instance.
        var relatedOptions = ScanOptions()
        relatedOptions.services = [.ec2]
        relatedOptions.types = RelatedResources.types
        relatedOptions.declaredArguments = ResourceType.declaredArguments(of: setup.baseline.resources)
        let narrowRelated = state != nil
        var client = targets[order[0]].client
        var scanner = LiveScanner(client: client, options: options)
        let firstClient = client, regionWide = relatedOptions
        async let firstRelated = narrowRelated ? nil : RelatedListing.read(LiveScanner(client: firstClient, options: regionWide), now: now)
        var snapshot: Snapshot
        do { snapshot = try await scanner.snapshot(now: now) } catch {
            throw .aws(doing: "reading \(target)", reason: SessionSetup.explain(error, baseline: setup.baseline))
        }
        snapshot.resources.removeAll { $0.isGone }
        var listing = await firstRelated
        var searched: Set<String> = [client.region]
        for index in order.dropFirst() where snapshot.resources.isEmpty && !searched.contains(targets[index].region) {
            searched.insert(targets[index].region)
            let other = LiveScanner(client: targets[index].client, options: options)
            var found: Snapshot
            do { found = try await other.snapshot(now: now) } catch {
                // A region that could not be read may hold it: unable, never "no such instance".
                throw .aws(doing: "reading \(target) in \(targets[index].region)", reason: SessionSetup.explain(error, baseline: setup.baseline))
            }
            found.resources.removeAll { $0.isGone }
            guard !found.resources.isEmpty else { continue }
            (client, scanner, snapshot) = (targets[index].client, other, found)
            listing = narrowRelated ? nil : await RelatedListing.read(LiveScanner(client: client, options: relatedOptions), now: now)
        }
        let instance = snapshot.resources.first { $0.type == "aws_instance" }
        if narrowRelated, let instance {
            relatedOptions.attachedTo = InstanceAttachments(
                instanceID: instance.id,
                groupIDs: (instance.attributes["vpc_security_group_ids"]?.arrayValue ?? []).compactMap(\.stringValue))
        }
        let relatedClient = client, narrowedOptions = relatedOptions
        async let narrowed = narrowRelated && instance != nil
            ? await RelatedListing.read(LiveScanner(client: relatedClient, options: narrowedOptions), now: now) : nil
        // The declarations this check is about, matched against only the instances it read.
        let candidates: [DeclaredResource]
        if let addressed {
            candidates = [addressed]
        } else if let state {
            let ids = Set(snapshot.resources.map(\.id))
            candidates = declaredInstances.filter { state.instances[$0.address]?.liveID.map(ids.contains) == true }
        } else {
            candidates = declaredInstances
        }
        var baseline = setup.baseline
        baseline.resources = candidates
        // Launch time and launch template of the instances read, while they are compared.
        let instanceIDs = snapshot.resources.filter { $0.type == "aws_instance" }.map(\.id)
        let detailsClient = client
        async let details = InstanceDetails.read(instanceIDs, client: detailsClient)
        snapshot = await InstanceAttributeFetch.complete(snapshot, baseline: baseline, state: state, scanner: scanner)
        var match = Matcher(baseline: baseline, snapshot: snapshot, state: state).match()
        if narrowRelated { listing = await narrowed }
        let related = listing?.snapshot
        // Its groups, volumes and addresses, matched; then each side evaluated again with what the
        // other is live, as a scan does (`ReferenceRefinement`): `vpc_security_group_ids =
        // [aws_security_group.web.id]` is compared once the group is found.
        var relatedBaseline = setup.baseline
        relatedBaseline.resources = setup.baseline.resources.filter {
            RelatedResources.types.contains($0.type) || $0.type == LegacySecurityGroupRule.type
        }
        var relatedMatch = related.map { Matcher(baseline: relatedBaseline, snapshot: $0, state: state).match() }
        let checked = Set(candidates.map(\.address))
        (baseline, match) = await ReferenceRefinement.refine(
            baseline, match: match, loader: setup.loader, state: state, snapshot: snapshot,
            neighbours: relatedMatch.map(ReferenceRefinement.found) ?? [:], keep: { checked.contains($0.address) })
        if let related, let first = relatedMatch {
            let relatedAddresses = Set(relatedBaseline.resources.map(\.address))
            (relatedBaseline, relatedMatch) = await ReferenceRefinement.refine(
                relatedBaseline, match: first, loader: setup.loader, state: state, snapshot: related,
                neighbours: ReferenceRefinement.found(match), keep: { relatedAddresses.contains($0.address) })
        }
        // Only the declarations this check is about were matched: an orphan is one no file declares.
        let everyAddress = Set(setup.baseline.resources.map(\.address))
        match.orphaned.removeAll { everyAddress.contains($0.address) }
        if addressed == nil {
            // Declarations that found nothing among the instances read are about other instances.
            match.matches.removeAll { m in
                if case .missing = m.outcome { return true }
                if case .unidentified = m.outcome { return true }
                return false
            }
            match.errors.removeAll { $0.code == "Unidentified" }
        }
        if addressed == nil && match.matches.isEmpty && match.orphaned.isEmpty && snapshot.resources.isEmpty {
            throw .invalidArgument("no running instance \(target) and no declared instance by that name")
        }
        let ignore = DriftIgnore.load(directory: settings.baselineDirectory)
            .appending(DriftIgnore(patterns: settings.ignorePatterns))
        let context = DriftAnalyzer.Context(
            scannedAt: snapshot.takenAt, baseline: settings.baselineDirectory, region: snapshot.region,
            stateSource: setup.state?.source, warnings: setup.warnings)
        let report = DriftAnalyzer(baseline: baseline, ignore: ignore).report(match, context: context)
        var result = CheckResult(target: target, report: report, match: match, live: snapshot.resources, details: await details)
        // Groups, volumes or addresses that could not be listed: the box is not known whole.
        if let failure = listing?.failure { result.report.errors.append(failure) }
        result.report.errors += related?.errors ?? []
        if let instance, let related, let relatedMatch {
            let relatedReport = DriftAnalyzer(baseline: relatedBaseline, ignore: ignore).report(relatedMatch, context: context)
            result.related = RelatedResources.narrow(
                instance: instance, snapshot: related, match: relatedMatch, report: relatedReport)
        }
        return result
    }
}

/// What hangs off the instance, listed, or why it could not be: a failure is an error of the
/// check (the box is not known whole), never a box with no groups.
struct RelatedListing: Sendable {
    var snapshot: Snapshot?
    var failure: ReadError?

    static func read(_ scanner: LiveScanner, now: Date) async -> RelatedListing {
        do {
            return RelatedListing(snapshot: try await scanner.snapshot(now: now))
        } catch let error as AWSError {
            return RelatedListing(failure: ReadError(
                service: error.service, operation: error.operation, resource: nil, code: error.code,
                message: "the instance's groups, volumes and addresses could not be listed: \(error.message)"))
        } catch {
            return RelatedListing(failure: ReadError(
                service: "ec2", operation: "List", resource: nil, code: "Unreadable",
                message: "the instance's groups, volumes and addresses could not be listed: \(error)"))
        }
    }
}
