import AWSClient
import DriftModel
import Foundation
import Terraform

/// The part every scan and check starts with: the evaluated baseline, a client for the region
/// the provider block names (with its profile and role), and the Terraform state if there is one.
public struct SessionSetup: Sendable {
    public var baseline: Baseline
    /// The default provider configuration's client (`targets.targets[0].client`).
    public var client: AWSClient
    /// Every provider configuration's connection, the default's first.
    public var targets: ProviderTargets
    public var state: LocatedState?
    /// Notices for the report (`NoStateYet`).
    public var warnings: [BaselineWarning]
    /// The loader that evaluated `baseline` (its data source reader keeps what it read), for a
    /// second evaluation that knows what the matched resources are live (`ReferenceRefinement`).
    public var loader: BaselineLoader? = nil

    /// Loads the baseline (exit 1 on its errors), builds the client, locates and reads the state.
    /// `notice` receives what the user should see on stderr (no state yet, baseline warnings).
    /// `evaluated`: the baseline already evaluated offline from a root that reads no data source
    /// (the same as evaluating it again live), so it is not evaluated twice.
    public static func prepare(
        _ settings: SessionSettings, evaluated: Baseline? = nil, notice: @escaping @Sendable (String) -> Void
    ) async throws(DriftCoreError) -> SessionSetup {
        var loader = BaselineLoader(
            directory: settings.baselineDirectory, varFiles: settings.varFiles, vars: settings.vars,
            environment: settings.environment, workspace: settings.workspace)
        // Data sources are read live while the baseline is evaluated, as `terraform plan` does.
        let reader = LiveDataSourceReader(settings: settings)
        loader.dataSourceReader = reader
        let baseline: Baseline
        if let evaluated { baseline = evaluated } else { baseline = await loadOffThePool(loader) }
        if baseline.hasErrors { throw .invalidBaseline(baseline.diagnostics.filter { $0.severity == .error }) }
        for diagnostic in baseline.diagnostics where diagnostic.severity == .warning {
            notice(diagnostic.rendered)
        }
        let provider = baseline.provider
        let client: AWSClient
        if let reused = await reader.defaultClient() {
            client = reused
        } else {
            client = try await makeClient(
                region: settings.region ?? provider.region, profile: settings.profile ?? provider.profile,
                roleARN: provider.assumeRoleARN, sessionName: provider.assumeRoleSessionName,
                externalID: provider.assumeRoleExternalID, settings: settings)
        }
        let targets = try await ProviderTargets.build(baseline: baseline, settings: settings, defaultClient: client)
        var located = try await StateLocator(settings: settings, baseline: baseline, client: client, notice: notice).locate()
        // `moved` blocks rename the state before anything is planned; `removed` blocks that keep
        // the object make Terraform forget it.
        if let moved = located.state?.state.applying(baseline.moves).forgetting(baseline.forgotten) {
            located.state?.state = moved
        }
        return SessionSetup(
            baseline: baseline, client: client, targets: targets, state: located.state,
            warnings: located.warning.map { [$0] } ?? [], loader: loader)
    }

    /// An AWS failure in words, with what to do when there are no credentials while the provider
    /// block hard-codes keys: drift never uses keys written in `.tf` files (a secret in a
    /// repository is a leak waiting to happen), so say so rather than leave people wondering.
    static func explain(_ error: any Error, baseline: Baseline) -> String {
        let text = "\(error)"
        guard text.contains("NoCredentials"), baseline.provider.hasHardCodedCredentials else { return text }
        return text + "\n  note: the provider \"aws\" block sets access_key/secret_key; drift ignores keys written in"
            + " .tf files on purpose. Pass credentials as the AWS CLI reads them: AWS_ACCESS_KEY_ID and"
            + " AWS_SECRET_ACCESS_KEY, a profile (AWS_PROFILE or --profile), or a role (web identity, instance metadata)."
    }

    /// Evaluates the baseline on a thread of its own: the data source reader blocks the
    /// evaluating thread while it reads, which must never be one of the cooperative pool's.
    static func loadOffThePool(_ loader: BaselineLoader) async -> Baseline {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: loader.load()) }
            thread.start()
        }
    }

    /// A client as the AWS CLI would build it, with the provider block's choices on top; in an
    /// estate account (`settings.account`), the account's credentials with the role chained on them.
    static func makeClient(
        region: String?, profile: String?, roleARN: String?, sessionName: String?, externalID: String?,
        settings: SessionSettings
    ) async throws(DriftCoreError) -> AWSClient {
        if let scope = settings.account {
            let candidates = [region, settings.environment["AWS_REGION"], settings.environment["AWS_DEFAULT_REGION"], scope.account.regions.first]
            guard let region = candidates.compactMap({ $0 }).first(where: { !$0.isEmpty }) else { throw .noRegion }
            let role = roleARN.flatMap { $0.isEmpty ? nil : RoleToAssume(roleARN: $0, externalID: externalID, sessionName: sessionName) }
            return try await scope.clients.client(account: scope.account, region: region, providerRole: role)
        }
        do {
            return try await AWSClient.make(AWSClientOptions(
                region: region, profile: profile, endpointURL: settings.endpointURL, timeout: settings.readTimeout,
                connectTimeout: settings.connectTimeout, deadline: settings.deadline, environment: settings.environment,
                assumeRoleARN: roleARN, sessionName: sessionName, externalID: externalID))
        } catch let error as AWSError where error.code == "MissingRegion" {
            throw .noRegion
        } catch let error as AWSError {
            throw .aws(doing: "setting up the AWS client", reason: "\(error)", code: error.code)
        } catch {
            throw .aws(doing: "setting up the AWS client", reason: "\(error)")
        }
    }
}
