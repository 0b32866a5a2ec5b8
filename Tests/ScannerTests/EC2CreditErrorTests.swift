import AWSClient
import DriftModel
import Foundation
import Testing

@testable import Scanner

/// What moto cannot do for CPU credits: refuse them. A refused call is an error for each instance
/// it covered and leaves `credit_specification` undescribed (never drift); `UnsupportedOperation`
/// (partitions without credit options) is ignored, as the provider ignores it.
@Suite("CPU credit calls that fail")
struct EC2CreditErrorTests {
    static func ec2Error(_ code: String, status: Int) -> AWSResponse {
        ScriptedTransport.ok(
            "<Response><Errors><Error><Code>\(code)</Code><Message>\(code) says the test</Message></Error></Errors>"
                + "<RequestID>req-1</RequestID></Response>", status: status)
    }

    /// The recorded t3.micro and m5.large, with the credit call answered by `credits`.
    static func transport(credits: AWSResponse) -> ScriptedTransport {
        ScriptedTransport { request in
            let recorded: String?
            switch request.operation {
            case "DescribeInstances": recorded = "ec2-ebs-DescribeInstances.xml"
            case "DescribeVolumes": recorded = "ec2-ebs-DescribeVolumes.xml"
            case "DescribeInstanceTypes": recorded = "ec2-DescribeInstanceTypes.xml"
            case "GetCallerIdentity": recorded = "sts-GetCallerIdentity.xml"
            case "DescribeInstanceCreditSpecifications": return credits
            default: recorded = nil
            }
            guard let recorded, let data = try? Fixture.data("moto/" + recorded) else {
                return ec2Error("InvalidAction", status: 400)
            }
            return AWSResponse(status: 200, headers: ["content-type": "text/xml"], body: data)
        }
    }

    func scan(_ transport: ScriptedTransport) async throws -> (Snapshot, ids: [String: String]) {
        var options = ScanOptions()
        options.services = [.ec2]
        options.types = ["aws_instance"]
        let snapshot = try await Scanner(client: try await transport.client(), options: options).snapshot()
        let ids = (try Fixture.json("ec2-ebs-ids.json").objectValue ?? [:]).compactMapValues(\.stringValue)
        return (snapshot, ids)
    }

    @Test("a refused DescribeInstanceCreditSpecifications is an error for the burstable instance only")
    func refused() async throws {
        let (snapshot, ids) = try await scan(Self.transport(credits: Self.ec2Error("UnauthorizedOperation", status: 403)))
        let burst = try #require(ids["burst"])
        #expect(snapshot.errors.map(\.resource) == [burst])
        #expect(snapshot.errors.first?.operation == "DescribeInstanceCreditSpecifications")
        #expect(snapshot.errors.first?.code == "UnauthorizedOperation")
        let instance = try #require(snapshot.resource(type: "aws_instance", id: burst))
        #expect(instance.attributes["credit_specification"] == nil)
        #expect(instance.attributes["ebs_block_device"]?.arrayValue?.count == 3)
    }

    @Test("UnsupportedOperation leaves credit_specification undescribed without an error")
    func unsupported() async throws {
        let (snapshot, ids) = try await scan(Self.transport(credits: Self.ec2Error("UnsupportedOperation", status: 400)))
        #expect(snapshot.errors.isEmpty)
        let instance = try #require(snapshot.resource(type: "aws_instance", id: ids["burst"] ?? ""))
        #expect(instance.attributes["credit_specification"] == nil)
    }
}
