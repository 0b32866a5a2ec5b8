import AWSClient
import DriftModel
import Foundation
import TestSupport
import Testing

@testable import Scanner

/// `declaredArguments` skips the per-table calls whose arguments no file declares, and says so in
/// `omitted` so that a skipped setting is never read as an absent one.
@Suite("Scanner reads only the table settings asked for", .serialized)
final class TableArgumentsTests {
    let moto: MotoServer

    init() throws { moto = try MotoServer() }
    deinit { moto.stop() }

    @Test("without point_in_time_recovery and ttl: two calls fewer per table, both named in omitted")
    func skipsUndeclared() async throws {
        try Boto.run("""
            ddb = client("dynamodb")
            ddb.create_table(TableName="orders", BillingMode="PAY_PER_REQUEST",
                AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])
            ddb.update_continuous_backups(TableName="orders",
                PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
            """, endpoint: moto.endpoint)
        let client = try await AWSClient.make(AWSClientOptions(
            region: "us-east-1", endpointURL: moto.endpoint,
            environment: ["AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "HOME": "/nonexistent"]))
        var options = ScanOptions()
        options.services = [.dynamodb]

        var before = client.metrics.requests
        let full = try await Scanner(client: client, options: options).snapshot()
        let fullCalls = client.metrics.requests - before
        let everything = try #require(full.resource(type: "aws_dynamodb_table", id: "orders"))
        #expect(everything.attributes["point_in_time_recovery"] != nil)
        #expect(full.omitted["aws_dynamodb_table"] == nil)

        options.declaredArguments = ["aws_dynamodb_table": ["name", "billing_mode", "hash_key", "attribute", "tags"]]
        before = client.metrics.requests
        let lean = try await Scanner(client: client, options: options).snapshot()
        let leanCalls = client.metrics.requests - before
        let table = try #require(lean.resource(type: "aws_dynamodb_table", id: "orders"))
        #expect(table.attributes["point_in_time_recovery"] == nil)
        #expect(table.attributes["ttl"] == nil)
        #expect(table.attributes["billing_mode"] == "PAY_PER_REQUEST")
        #expect(lean.omitted["aws_dynamodb_table"] == ["point_in_time_recovery", "ttl"])
        #expect(leanCalls == fullCalls - 2)
    }
}
