import AWSClient
import ArgumentParser
import DriftModel
import Foundation
import Scanner

/// `drift snapshot`: arguments only; the scan is `Scanner`, the output `SnapshotOutput`.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Write what runs in the live AWS account as one deterministic JSON document.",
        discussion: """
            Reads every EC2 instance, S3 bucket (with its versioning, encryption, public access block, \
            policy, lifecycle, logging, ownership controls and ACL) and DynamoDB table of one region, \
            described with the Terraform AWS provider's resource types and attribute names. Two \
            snapshots of an unchanged account differ only in `takenAt`.

            Exit 0 when the scan finished (settings that could not be read are listed under `errors`), \
            1 when it could not run (no credentials, endpoint unreachable, a listing call failing).
            """)

    @Option(help: ArgumentHelp("Services to scan, comma-separated.", valueName: "ec2,s3,dynamodb"))
    var services: String?

    @Option(help: "Region to scan (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region).")
    var region: String?

    @Option(help: "Named profile from ~/.aws/config and ~/.aws/credentials (default: AWS_PROFILE).")
    var profile: String?

    @Option(name: .customLong("endpoint-url"), help: "Send every request to this URL (a local emulator such as moto).")
    var endpointURL: String?

    @Option(help: "Per-bucket and per-table requests in flight at once.")
    var concurrency: Int = 16

    @Flag(name: .customLong("instance-attributes"),
          help: "Also read user_data, disable_api_termination, disable_api_stop and instance_initiated_shutdown_behavior (one call each per instance).")
    var instanceAttributes = false

    @Flag(name: .customLong("all-regions"), help: "Keep S3 buckets of every region, not only the scanned one.")
    var allRegions = false

    @Option(help: ArgumentHelp("Write the snapshot to this file (atomically) instead of stdout.", valueName: "file"))
    var out: String?

    @Flag(help: "No progress line on stderr.")
    var quiet = false

    @OptionGroup var network: NetworkOptions

    func run() async throws {
        do {
            var options = ScanOptions()
            if let services { options.services = try Self.parseServices(services) }
            guard concurrency >= 1 else { throw CommandFailure("--concurrency must be at least 1") }
            options.concurrency = concurrency
            options.instanceAttributes = instanceAttributes ? .all : .none
            options.allRegions = allRegions
            let destination: OutputFile?
            do { destination = try out.map(OutputFile.prepare) } catch { throw CommandFailure(error.description) }
            let client = try await AWSClient.make(AWSClientOptions(
                region: region, profile: profile, endpointURL: endpointURL, timeout: network.readTimeout,
                connectTimeout: network.connectTimeout, deadline: network.deadlineDate()))
            let printer = quiet ? nil : ReportOutput.progressLine()
            let progress: (@Sendable (ScanProgress) -> Void)? = printer.map { p in { @Sendable in p.update($0) } }
            let scanner = Scanner(client: client, options: options, progress: progress)
            let snapshot = try await scanner.snapshot()
            printer?.finish(summary: true)
            // In parts: the document of a large account is hundreds of MB, never held whole.
            if let destination {
                try destination.write(parts: SnapshotOutput.parts(snapshot))
            } else {
                var buffer = ""
                for part in SnapshotOutput.parts(snapshot) {
                    buffer += part
                    if buffer.utf8.count >= 1 << 20 {
                        FileHandle.standardOutput.write(Data(buffer.utf8))
                        buffer = ""
                    }
                }
                FileHandle.standardOutput.write(Data(buffer.utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("drift: error: \(Self.oneLine(error))\n".utf8))
            throw ExitCode(1)
        }
    }

    static func parseServices(_ text: String) throws -> Set<ScanOptions.Service> {
        var result = Set<ScanOptions.Service>()
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !name.isEmpty {
            guard let service = ScanOptions.Service(rawValue: name) else {
                let known = ScanOptions.Service.allCases.map(\.rawValue).joined(separator: ", ")
                throw CommandFailure("unknown service '\(name)' in --services (known: \(known))")
            }
            result.insert(service)
        }
        guard !result.isEmpty else { throw CommandFailure("--services names no service") }
        return result
    }

    static func oneLine(_ error: any Error) -> String {
        String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// A usage problem found after parsing, reported as one line.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
