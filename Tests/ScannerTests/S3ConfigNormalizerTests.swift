import AWSClient
import DriftModel
import Foundation
import Testing

@testable import Scanner

/// The S3 settings moto 5.2.1 does not serve (intelligent tiering, metrics, analytics, request
/// payment), normalized from HAND-WRITTEN answers shaped after the S3 API reference
/// (`Fixtures/api-reference`), not recorded from moto. The others are tested against moto end to end.
@Suite("S3 configurations moto does not serve, from API-reference answers")
struct S3ConfigNormalizerTests {
    func setting(_ operation: String) throws -> S3Normalizer.Setting {
        try #require(S3Normalizer.settings.first { $0.operation == operation })
    }

    func resources(_ operation: String, _ file: String) throws -> [LiveResource] {
        try S3Normalizer.resources(
            setting(operation), bucket: "logs", body: Fixture.data("api-reference/s3-\(operation)-\(file).xml"))
    }

    @Test("intelligent tiering: one resource per configuration, id bucket:name, tiers as a set, filter flattened")
    func intelligentTiering() throws {
        let found = try resources("ListBucketIntelligentTieringConfigurations", "logs")
        #expect(found.map(\.id) == ["logs:archive", "logs:whole"])
        #expect(found[0].type == "aws_s3_bucket_intelligent_tiering_configuration")
        #expect(found[0].attributes["status"] == "Enabled")
        #expect(found[0].attributes["filter"] == [["prefix": "logs/", "tags": ["class": "cold"]]])
        #expect(found[0].attributes["tiering"] == [
            ["access_tier": "ARCHIVE_ACCESS", "days": 90], ["access_tier": "DEEP_ARCHIVE_ACCESS", "days": 180],
        ])
        #expect(found[1].attributes["filter"] == nil)
        #expect(found[1].attributes["name"] == "whole")
        #expect(found[1].attributes["bucket"] == "logs")
    }

    @Test("metrics: a whole-bucket configuration has no filter; And holds prefix and tags")
    func metrics() throws {
        let found = try resources("ListBucketMetricsConfigurations", "logs")
        #expect(found.map(\.id) == ["logs:EntireBucket", "logs:ImportantBlueDocuments"])
        #expect(found[0].attributes["filter"] == nil)
        #expect(found[1].attributes["filter"] == [["prefix": "documents/", "tags": ["priority": "high", "class": "blue"]]])
    }

    @Test("analytics: the export destination nests as the provider's blocks")
    func analytics() throws {
        let found = try resources("ListBucketAnalyticsConfigurations", "logs")
        #expect(found.map(\.id) == ["logs:list1", "logs:report1"])
        #expect(found[0].attributes["storage_class_analysis"] == [["data_export": [[
            "output_schema_version": "V_1",
            "destination": [["s3_bucket_destination": [[
                "format": "CSV", "bucket_account_id": "123456789012", "bucket_arn": "arn:aws:s3:::destination-bucket",
                "prefix": "destination-prefix",
            ]]]],
        ]]]])
        #expect(found[1].attributes["storage_class_analysis"] == [["data_export": []]])
    }

    @Test("request payment: the payer, always present")
    func requestPayment() throws {
        let found = try resources("GetBucketRequestPayment", "logs")
        #expect(found.map(\.id) == ["logs"])
        #expect(found.first?.attributes["payer"] == "Requester")
    }

    @Test("a truncated listing, or another operation's document, is an error, never an empty list")
    func wrongAnswers() throws {
        #expect(throws: S3Normalizer.NormalizeError.self) {
            try resources("ListBucketMetricsConfigurations", "truncated")
        }
        // What an emulator without the handler might answer: a ListObjects page.
        let listing = Data("<ListBucketResult><Name>logs</Name></ListBucketResult>".utf8)
        #expect(throws: S3Normalizer.NormalizeError.self) {
            try S3Normalizer.resources(setting("ListBucketAnalyticsConfigurations"), bucket: "logs", body: listing)
        }
    }

    @Test("a bare snapshot does not read these settings; a configuration declaring one reads only it")
    func notReadByDefault() {
        var options = ScanOptions()
        let bare = S3Normalizer.settings(for: options.reads).map(\.operation)
        #expect(!bare.contains("ListBucketMetricsConfigurations"))
        #expect(!bare.contains("GetBucketCors"))
        #expect(bare.contains("GetBucketVersioning"))
        options.declaredArguments = ["aws_s3_bucket_metric": []]
        #expect(S3Normalizer.settings(for: options.reads).map(\.operation) == ["GetBucketTagging", "ListBucketMetricsConfigurations"])
    }
}
