import AWSClient
import DriftModel
import Foundation
import Testing

@testable import Scanner

/// How many calls launch templates cost, through a scripted EC2 that pages both listings (moto
/// answers them in one page whatever their size, so paging cannot be seen against it).
@Suite("Launch templates: two paged listings for the whole region, skipped when nothing needs them")
struct LaunchTemplateScanTests {
    static func template(_ n: Int) -> String {
        "<item><launchTemplateId>lt-\(n)</launchTemplateId><launchTemplateName>t-\(n)</launchTemplateName>"
            + "<defaultVersionNumber>1</defaultVersionNumber><latestVersionNumber>2</latestVersionNumber></item>"
    }

    static func version(_ n: Int) -> String {
        "<item><launchTemplateId>lt-\(n)</launchTemplateId><versionNumber>2</versionNumber>"
            + "<launchTemplateData><instanceType>t3.micro</instanceType></launchTemplateData></item>"
    }

    /// Templates 1-3 on the first page and 4-5 on the second, in both listings.
    static func ec2() -> ScriptedTransport {
        ScriptedTransport { request in
            let body = request.bodyText
            let second = body.contains("NextToken=p2")
            let range = second ? Array(4...5) : Array(1...3)
            let token = second ? "" : "<nextToken>p2</nextToken>"
            switch request.operation {
            case "DescribeLaunchTemplates":
                return ScriptedTransport.ok("<DescribeLaunchTemplatesResponse><launchTemplates>"
                    + range.map(template).joined() + "</launchTemplates>\(token)</DescribeLaunchTemplatesResponse>")
            case "DescribeLaunchTemplateVersions":
                return ScriptedTransport.ok("<DescribeLaunchTemplateVersionsResponse><launchTemplateVersionSet>"
                    + range.map(version).joined() + "</launchTemplateVersionSet>\(token)</DescribeLaunchTemplateVersionsResponse>")
            default:
                return ScriptedTransport.ok("<Error><Code>NotImplemented</Code></Error>", status: 501)
            }
        }
    }

    func options(declared: [String: Set<String>], silenced: Set<String> = []) -> ScanOptions {
        var options = ScanOptions()
        options.services = [.ec2]
        options.types = ["aws_launch_template"]
        options.declaredArguments = declared
        options.silencedTypes = silenced
        return options
    }

    @Test("five templates over two pages: four calls, the versions call account-wide for $Latest only")
    func paging() async throws {
        let transport = Self.ec2()
        let snapshot = try await Scanner(
            client: try await transport.client(), options: options(declared: ["aws_launch_template": ["name"]])
        ).snapshot()
        #expect(snapshot.resources.map(\.id) == ["lt-1", "lt-2", "lt-3", "lt-4", "lt-5"])
        #expect(snapshot.resources.allSatisfy { $0.attributes["instance_type"] == "t3.micro" })
        #expect(snapshot.errors.isEmpty)
        let calls = transport.requests.filter { $0.operation.hasPrefix("DescribeLaunchTemplate") }
        #expect(calls.count == 4)
        let versions = calls.filter { $0.operation == "DescribeLaunchTemplateVersions" }.map(\.bodyText)
        #expect(versions.count == 2)
        #expect(versions.allSatisfy { $0.contains("LaunchTemplateVersion.1=%24Latest") && !$0.contains("LaunchTemplateId") })
        #expect(!versions.contains { $0.contains("%24Default") }, "the default version's data is never what the provider reads")
    }

    @Test("no template declared and their unmanaged findings silenced: no call at all")
    func skipped() async throws {
        let transport = Self.ec2()
        _ = try await Scanner(
            client: try await transport.client(),
            options: options(declared: ["aws_instance": []], silenced: ["aws_launch_template"])
        ).snapshot()
        #expect(transport.requests.filter { $0.operation.hasPrefix("DescribeLaunchTemplate") }.isEmpty)
        // Not silenced, an undeclared template may be unmanaged: listed.
        let listing = Self.ec2()
        _ = try await Scanner(client: try await listing.client(), options: options(declared: ["aws_instance": []])).snapshot()
        #expect(listing.requests.filter { $0.operation.hasPrefix("DescribeLaunchTemplate") }.count == 4)
    }
}
