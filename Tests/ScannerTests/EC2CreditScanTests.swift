import AWSClient
import DriftModel
import Foundation
import TestSupport
import Testing

@testable import Scanner

/// Block devices and CPU credits from a real moto: one batched call per kind, never one per instance.
@Suite("Scanner reads block devices and CPU credits in batches", .serialized)
final class EC2CreditScanTests {
    let moto: MotoServer

    init() throws { moto = try MotoServer() }
    deinit { moto.stop() }

    @Test("three instances cost one DescribeVolumes, one DescribeInstanceTypes and one DescribeInstanceCreditSpecifications")
    func batched() async throws {
        let out = try Boto.run("""
            ec2 = client("ec2")
            ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            data = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                BlockDeviceMappings=[{"DeviceName": "/dev/sdf", "Ebs": {"VolumeSize": 10, "VolumeType": "gp3", "DeleteOnTermination": True}}]
            )["Instances"][0]["InstanceId"]
            small = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t2.micro")["Instances"][0]["InstanceId"]
            big = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="m5.large")["Instances"][0]["InstanceId"]
            print(json.dumps({"data": data, "small": small, "big": big}))
            """, endpoint: moto.endpoint)
        let ids = (try JSONParser.parse(out.trimmingCharacters(in: .whitespacesAndNewlines)).objectValue ?? [:]).compactMapValues(\.stringValue)
        let client = try await AWSClient.make(AWSClientOptions(
            region: "us-east-1", endpointURL: moto.endpoint,
            environment: ["AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "HOME": "/nonexistent"]))
        var options = ScanOptions()
        options.services = [.ec2]
        options.types = ["aws_instance"]
        let before = client.metrics.requests
        let snapshot = try await Scanner(client: client, options: options).snapshot()
        // DescribeInstances, DescribeVolumes, DescribeInstanceTypes, DescribeInstanceCreditSpecifications, GetCallerIdentity.
        #expect(client.metrics.requests - before == 5)
        #expect(snapshot.errors.isEmpty)
        let data = try #require(snapshot.resource(type: "aws_instance", id: ids["data"] ?? ""))
        let devices = try #require(data.attributes["ebs_block_device"]?.arrayValue)
        #expect(devices.map { $0["device_name"] } == ["/dev/sdf"])
        #expect(devices.first?["volume_size"] == 10)
        #expect(devices.first?["volume_type"] == "gp3")
        #expect(devices.first?["delete_on_termination"] == true)
        #expect(data.attributes["credit_specification"] == [["cpu_credits": "standard"]])
        let small = try #require(snapshot.resource(type: "aws_instance", id: ids["small"] ?? ""))
        #expect(small.attributes["credit_specification"] == [["cpu_credits": "standard"]])
        // moto mounts the default volume at /dev/sda1 while the image's root device is /dev/xvda.
        #expect(small.attributes["ebs_block_device"] != nil)
        let big = try #require(snapshot.resource(type: "aws_instance", id: ids["big"] ?? ""))
        #expect(big.attributes["credit_specification"] == nil)
    }

    @Test("arguments no file declares skip their calls and are named in omitted")
    func skipsUndeclared() async throws {
        try Boto.run("""
            ec2 = client("ec2")
            ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "lean"}]}])
            """, endpoint: moto.endpoint)
        let client = try await AWSClient.make(AWSClientOptions(
            region: "us-east-1", endpointURL: moto.endpoint,
            environment: ["AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "HOME": "/nonexistent"]))
        var options = ScanOptions()
        options.services = [.ec2]
        options.types = ["aws_instance"]
        options.instanceNameTag = "lean"
        func scan(_ arguments: Set<String>?) async throws -> (Snapshot, calls: Int) {
            options.declaredArguments = arguments.map { ["aws_instance": $0] }
            let before = client.metrics.requests
            let snapshot = try await Scanner(client: client, options: options).snapshot()
            return (snapshot, client.metrics.requests - before)
        }
        let (full, fullCalls) = try await scan(nil)
        let everything = try #require(full.resources.first)
        #expect(everything.attributes["root_block_device"] != nil)
        #expect(everything.attributes["credit_specification"] != nil)
        #expect(full.omitted["aws_instance"]?.contains("ebs_block_device") == false)

        let (lean, leanCalls) = try await scan(["ami", "instance_type", "tags"])
        #expect(leanCalls == fullCalls - 3)
        let instance = try #require(lean.resources.first)
        #expect(instance.attributes["root_block_device"] == nil)
        #expect(instance.attributes["ebs_block_device"] == nil)
        #expect(instance.attributes["credit_specification"] == nil)
        #expect(instance.attributes["instance_type"] == "t3.micro")
        let omitted = Set(lean.omitted["aws_instance"] ?? [])
        #expect(omitted.isSuperset(of: ["root_block_device", "ebs_block_device", "credit_specification", "user_data"]))

        let (roots, rootCalls) = try await scan(["root_block_device"])
        #expect(rootCalls == fullCalls - 2)
        #expect(roots.resources.first?.attributes["root_block_device"] != nil)
        #expect(roots.resources.first?.attributes["credit_specification"] == nil)
        #expect(roots.omitted["aws_instance"]?.contains("root_block_device") == false)
        #expect(roots.omitted["aws_instance"]?.contains("credit_specification") == true)
    }
}
