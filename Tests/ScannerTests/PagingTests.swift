import AWSClient
import DriftModel
import Foundation
import TestSupport
import Testing

@testable import Scanner

/// Pagination against a real moto: small page sizes force several pages, and boto3 confirms first
/// that moto really pages at that size, so a passing test cannot come from a single page.
@Suite("Scanner follows every page", .serialized)
final class PagingTests {
    let moto: MotoServer

    init() throws { moto = try MotoServer() }
    deinit { moto.stop() }

    func client() async throws -> AWSClient {
        try await AWSClient.make(AWSClientOptions(
            region: "us-east-1", endpointURL: moto.endpoint,
            environment: ["AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "HOME": "/nonexistent"]))
    }

    @Test("DescribeInstances: 12 instances in 12 reservations, pages of 5, all found and counted once")
    func instances() async throws {
        let pages = try Boto.run("""
            ec2 = client("ec2")
            ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            for i in range(12):
                ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                    TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": f"n-{i}"}]}])
            first = ec2.describe_instances(MaxResults=5)
            print("NextToken" in first)
            """, endpoint: moto.endpoint)
        #expect(pages.contains("True"), "moto should page DescribeInstances at MaxResults=5")
        var options = ScanOptions()
        options.services = [.ec2]
        options.types = ["aws_instance"]
        options.instancePageSize = 5
        let client = try await client()
        let before = client.metrics.requests
        let snapshot = try await Scanner(client: client, options: options).snapshot()
        let instances = snapshot.resources.filter { $0.type == "aws_instance" }
        #expect(instances.count == 12)
        #expect(Set(instances.map(\.id)).count == 12)
        #expect(Set(instances.compactMap { $0.attributes["tags"]?["Name"]?.stringValue }).count == 12)
        // 3 DescribeInstances pages + 1 DescribeVolumes batch + 1 DescribeInstanceTypes (one type)
        // + 1 DescribeInstanceCreditSpecifications (12 burstable instances) + 1 GetCallerIdentity.
        #expect(client.metrics.requests - before == 7)
        #expect(instances.allSatisfy { $0.attributes["root_block_device"]?.arrayValue?.count == 1 })

        options.instanceNameTag = "n-7"
        let one = try await Scanner(client: client, options: options).snapshot()
        #expect(one.resources.map { $0.attributes["tags"]?["Name"] } == ["n-7"])
        options.instanceNameTag = nil
        options.instanceIDs = [instances[0].id, "i-00000000000000000"]
        let byID = try await Scanner(client: client, options: options).snapshot()
        #expect(byID.resources.map(\.id) == [instances[0].id])
    }

    @Test("ListTables: 5 tables with Limit 2 take three pages, all described")
    func tables() async throws {
        let pages = try Boto.run("""
            ddb = client("dynamodb")
            for i in range(5):
                ddb.create_table(TableName=f"t-{i}", BillingMode="PAY_PER_REQUEST",
                    AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                    KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}])
            print("LastEvaluatedTableName" in ddb.list_tables(Limit=2))
            """, endpoint: moto.endpoint)
        #expect(pages.contains("True"), "moto should page ListTables at Limit=2")
        var options = ScanOptions()
        options.services = [.dynamodb]
        options.tablePageSize = 2
        let snapshot = try await Scanner(client: try await client(), options: options).snapshot()
        #expect(snapshot.resources.map(\.id) == ["t-0", "t-1", "t-2", "t-3", "t-4"])
        #expect(snapshot.errors.isEmpty)

        options.tableNames = ["t-3", "missing-table"]
        let named = try await Scanner(client: try await client(), options: options).snapshot()
        #expect(named.resources.map(\.id) == ["t-3"])
        #expect(named.errors.isEmpty)
    }

    @Test("instanceAttributes(for:names:) reads only the instances and attributes asked for")
    func perInstanceAttributes() async throws {
        let id = try Boto.run("""
            ec2 = client("ec2")
            ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            print(ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, UserData="hello")["Instances"][0]["InstanceId"])
            """, endpoint: moto.endpoint).trimmingCharacters(in: .whitespacesAndNewlines)
        let client = try await client()
        let scanner = Scanner(client: client, options: ScanOptions())
        let before = client.metrics.requests
        let (values, errors) = await scanner.instanceAttributes(for: [id], names: ["user_data", "disable_api_stop", "bogus"])
        #expect(client.metrics.requests - before == 2)
        #expect(errors.isEmpty)
        // printf hello | sha1sum
        #expect(values[id] == ["user_data": "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", "disable_api_stop": false])
        let missing = await scanner.instanceAttributes(for: ["i-00000000000000000"], names: ["disable_api_stop"])
        #expect(missing.errors.map(\.code) == ["InvalidInstanceID.NotFound"])
    }
}
