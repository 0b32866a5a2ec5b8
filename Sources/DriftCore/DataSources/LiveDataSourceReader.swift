import AWSClient
import DriftModel
import Foundation
import Terraform

/// The data sources `drift scan` and `drift check` read live, through drift's own AWS client, in
/// the region and with the credentials of the provider configuration each one names.
///
/// The evaluator is synchronous and runs on its own large-stack thread (never a cooperative
/// one: `SessionSetup` loads the baseline off the pool), so `read` blocks that thread on a
/// semaphore while the async read runs. This is the one place in drift that bridges the two,
/// and why the client cache is guarded by a lock rather than an actor.
public final class LiveDataSourceReader: DataSourceReader, @unchecked Sendable {
    let settings: SessionSettings
    private let lock = NSLock()
    private var clients: [String: Task<AWSClient, Error>] = [:]
    /// Answers by request: a second evaluation of the baseline (`ReferenceRefinement`) reads a
    /// data source with the same arguments once, as one plan does.
    private var answers: [String: DataSourceAnswer] = [:]

    public init(settings: SessionSettings) {
        self.settings = settings
    }

    /// The types drift reads, each with its read.
    static let readers: [String: @Sendable (DataSourceCall) async throws -> DataSourceAnswer] = [
        "aws_ami": EC2DataSources.ami, "aws_ami_ids": EC2DataSources.amiIDs,
        "aws_availability_zones": EC2DataSources.availabilityZones,
        "aws_vpc": EC2DataSources.vpc, "aws_subnet": EC2DataSources.subnet, "aws_subnets": EC2DataSources.subnets,
        "aws_security_group": EC2DataSources.securityGroup, "aws_security_groups": EC2DataSources.securityGroups,
        "aws_instance": EC2DataSources.instance, "aws_instances": EC2DataSources.instances,
        "aws_caller_identity": AccountDataSources.callerIdentity, "aws_region": AccountDataSources.region,
        "aws_partition": AccountDataSources.partition, "aws_ssm_parameter": AccountDataSources.ssmParameter,
        "aws_s3_bucket": StorageDataSources.bucket, "aws_dynamodb_table": StorageDataSources.table,
    ]

    public func reads(_ type: String) -> Bool { Self.readers[type] != nil }

    public func read(_ request: DataSourceRequest) -> DataSourceAnswer {
        let key = [request.type, request.address, request.providerKey, Value.object(request.arguments).canonicalJSON()]
            .joined(separator: "\u{0}")
        if let known = lock.withLock({ answers[key] }) { return known }
        let answer = readOnce(request)
        lock.withLock { answers[key] = answer }
        return answer
    }

    private func readOnce(_ request: DataSourceRequest) -> DataSourceAnswer {
        final class Slot: @unchecked Sendable { var answer: DataSourceAnswer? }
        let slot = Slot()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            slot.answer = await self.answer(request)
            done.signal()
        }
        done.wait()
        return slot.answer ?? .unreadable(ReadError(
            service: "drift", operation: "read", resource: request.address, code: "Internal", message: "no answer"))
    }

    /// The client of the default provider configuration, when a data source made one: the scan
    /// then reuses it (and its resolved credentials) instead of resolving them again.
    public func defaultClient() async -> AWSClient? {
        guard let task = lock.withLock({ clients["aws"] }) else { return nil }
        return try? await task.value
    }

    private func answer(_ request: DataSourceRequest) async -> DataSourceAnswer {
        guard let read = Self.readers[request.type] else {
            return .failed("drift does not read data sources of type \(request.type)")
        }
        let client: AWSClient
        do { client = try await self.client(request) } catch {
            return .unreadable(ReadError(
                service: "credentials", operation: "setup", resource: request.address, code: "ClientSetup",
                message: "\(error)"))
        }
        let call = DataSourceCall(client: client, arguments: request.arguments, address: request.address)
        do { return try await read(call) } catch let error as AWSError {
            return .unreadable(ReadError(
                service: error.service, operation: error.operation, resource: request.address, code: error.code,
                message: error.message))
        } catch {
            return .unreadable(ReadError(
                service: "drift", operation: "read", resource: request.address, code: "Unreadable", message: "\(error)"))
        }
    }

    /// One client per provider configuration: `--region`/`--profile` override the default one only.
    private func client(_ request: DataSourceRequest) async throws -> AWSClient {
        let task = lock.withLock { () -> Task<AWSClient, Error> in
            if let existing = clients[request.providerKey] { return existing }
            let isDefault = request.providerKey == "aws"
            let provider = request.provider
            let settings = self.settings
            let task = Task<AWSClient, Error> {
                do {
                    return try await SessionSetup.makeClient(
                        region: (isDefault ? settings.region : nil) ?? provider.region,
                        profile: (isDefault ? settings.profile : nil) ?? provider.profile,
                        roleARN: provider.assumeRoleARN, sessionName: provider.assumeRoleSessionName,
                        externalID: provider.assumeRoleExternalID, settings: settings)
                } catch { throw error }
            }
            clients[request.providerKey] = task
            return task
        }
        return try await task.value
    }
}

/// One data source read: the client of its provider configuration and its known arguments.
struct DataSourceCall: Sendable {
    var client: AWSClient
    var arguments: [String: Value]
    var address: String

    func string(_ name: String) -> String? {
        guard case .string(let text)? = arguments[name], !text.isEmpty else { return nil }
        return text
    }

    func bool(_ name: String) -> Bool? {
        if case .bool(let flag)? = arguments[name] { return flag }
        return nil
    }

    func strings(_ name: String) -> [String] {
        (arguments[name]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    func map(_ name: String) -> [String: String] {
        (arguments[name]?.objectValue ?? [:]).compactMapValues(\.stringValue)
    }

    /// `filter { name, values }` blocks.
    var filters: [(name: String, values: [String])] {
        (arguments["filter"]?.arrayValue ?? []).compactMap { block in
            guard let name = block["name"]?.stringValue else { return nil }
            return (name, (block["values"]?.arrayValue ?? []).compactMap(\.stringValue))
        }
    }

    var partition: String { AccountDataSources.partitionName(client.region) }
}
