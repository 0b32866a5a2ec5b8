import AWSClient
import DriftModel
import Foundation

/// A state and where it came from (`s3://bucket/key` or a file path), for the report.
public struct LocatedState: Sendable {
    public var state: TerraformState
    public var source: String
}

/// Finds the Terraform state in the order `../shared/oracle/REPORT.md` gives: `--state FILE`; the
/// baseline's `backend "s3"` (read with drift's own S3 client); `terraform.tfstate` in the
/// baseline directory when no backend is declared. A backend bucket or object that does not
/// exist means "no state yet" (a notice, and the scan goes on without state); a state that
/// exists but cannot be read stops the scan.
struct StateLocator: Sendable {
    var settings: SessionSettings
    var baseline: Baseline
    var client: AWSClient
    var notice: @Sendable (String) -> Void

    /// The state, or `nil` with a warning when a backend has none yet.
    func locate() async throws(DriftCoreError) -> (state: LocatedState?, warning: BaselineWarning?) {
        if let path = settings.statePath, path.hasPrefix("s3://") { return (try await readObject(path), nil) }
        if let path = settings.statePath { return (try readFile(path), nil) }
        if let backend = baseline.backend { return try await readBackend(backend) }
        let base = URL(fileURLWithPath: settings.baselineDirectory)
        let local = settings.workspace == "default"
            ? base.appendingPathComponent("terraform.tfstate")
            : base.appendingPathComponent("terraform.tfstate.d/\(settings.workspace)/terraform.tfstate")
        guard FileManager.default.fileExists(atPath: local.path) else { return (nil, nil) }
        return (try readFile(local.path), nil)
    }

    /// A state named as `s3://BUCKET/KEY` (a root's `state` in drift.hcl), read with the root's
    /// default client. Named explicitly, it must exist.
    private func readObject(_ url: String) async throws(DriftCoreError) -> LocatedState {
        let rest = url.dropFirst("s3://".count)
        guard let slash = rest.firstIndex(of: "/"), slash != rest.startIndex, rest.index(after: slash) != rest.endIndex else {
            throw .unreadableState(source: url, reason: "not s3://BUCKET/KEY")
        }
        let bucket = String(rest[..<slash])
        let key = String(rest[rest.index(after: slash)...])
        do {
            let response = try await client.s3(S3Request(operation: "GetObject", bucket: bucket, key: key))
            return LocatedState(state: try TerraformState.parse(Array(response.body), source: url), source: url)
        } catch let error as DriftCoreError {
            throw error
        } catch {
            throw .unreadableState(source: url, reason: "\(error)")
        }
    }

    private func readFile(_ path: String) throws(DriftCoreError) -> LocatedState {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableState(source: path, reason: "no such file, or it cannot be read")
        }
        return LocatedState(state: try TerraformState.parse(Array(data), source: path), source: path)
    }

    private func readBackend(_ backend: S3Backend) async throws(DriftCoreError) -> (state: LocatedState?, warning: BaselineWarning?) {
        let key = backend.objectKey(workspace: settings.workspace)
        let source = "s3://\(backend.bucket)/\(key)"
        let backendClient: AWSClient
        if backend.profile == nil && backend.roleARN == nil {
            backendClient = backend.region.map { client.withRegion($0) } ?? client
        } else {
            backendClient = try await SessionSetup.makeClient(
                region: backend.region ?? client.region, profile: backend.profile ?? settings.profile,
                roleARN: backend.roleARN, sessionName: nil, externalID: nil, settings: settings)
        }
        do {
            let response = try await backendClient.s3(S3Request(operation: "GetObject", bucket: backend.bucket, key: key))
            return (LocatedState(state: try TerraformState.parse(Array(response.body), source: source), source: source), nil)
        } catch let error as AWSError where ["NoSuchKey", "NoSuchBucket"].contains(error.code) {
            if !settings.noticesShownInReport { notice("drift: no state yet at \(source) (\(error.code)); matching resources by name and tags instead") }
            let warning = BaselineWarning(
                code: "NoStateYet", message: "the backend has no state yet at \(source): resources matched by name and tags",
                source: backend.source.isEmpty ? nil : backend.source)
            return (nil, warning)
        } catch let error as DriftCoreError {
            throw error
        } catch {
            throw .unreadableState(source: source, reason: "\(error)")
        }
    }
}
