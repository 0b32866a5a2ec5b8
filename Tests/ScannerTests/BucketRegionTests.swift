import AWSClient
import DriftModel
import Foundation
import Testing

@testable import Scanner

/// Where buckets live without a GetBucketLocation per bucket: ListBuckets' `bucket-region`
/// filter, trusted only when the scanned region's list and another region's share no bucket.
@Suite("Bucket regions from ListBuckets")
struct BucketRegionTests {
    /// b-1 and b-2 in us-east-1, b-3 in eu-west-1; the `bucket-region` filter honoured when `honours`.
    static func s3(honours: Bool) -> ScriptedTransport {
        let regions = ["b-1": "us-east-1", "b-2": "us-east-1", "b-3": "eu-west-1"]
        return ScriptedTransport { request in
            let query = request.queryItems
            if request.path == "/" || request.path.isEmpty {
                let wanted = honours ? query["bucket-region"] : nil
                let names = regions.keys.sorted().filter { wanted == nil || regions[$0] == wanted }
                return ScriptedTransport.ok("<ListAllMyBucketsResult><Buckets>"
                    + names.map { "<Bucket><Name>\($0)</Name></Bucket>" }.joined() + "</Buckets></ListAllMyBucketsResult>")
            }
            let bucket = request.path.split(separator: "/").first.map(String.init) ?? ""
            if query["location"] != nil {
                let region = regions[bucket] ?? ""
                return ScriptedTransport.ok(region == "us-east-1" ? "<LocationConstraint/>" : "<LocationConstraint>\(region)</LocationConstraint>")
            }
            if query["tagging"] != nil { return ScriptedTransport.s3Error("NoSuchTagSet") }
            return ScriptedTransport.s3Error("NotImplemented", status: 501)
        }
    }

    static func options(anyRegion: Set<String>) -> ScanOptions {
        var options = ScanOptions()
        options.services = [.s3]
        options.declaredArguments = ["aws_s3_bucket": ["bucket"]]
        options.bucketsAnyRegion = anyRegion
        return options
    }

    static func locations(_ transport: ScriptedTransport) -> [String] {
        transport.requests.filter { $0.queryItems["location"] != nil }
            .compactMap { $0.path.split(separator: "/").first.map(String.init) }.sorted()
    }

    @Test("an honoured filter: the region's buckets unlocated, another region's located only when declared")
    func honoured() async throws {
        let transport = Self.s3(honours: true)
        let snapshot = try await Scanner(client: try await transport.client(), options: Self.options(anyRegion: ["b-3"])).snapshot()
        let buckets = snapshot.resources.filter { $0.type == "aws_s3_bucket" }
        #expect(buckets.map(\.id) == ["b-1", "b-2", "b-3"])
        #expect(buckets.map { $0.attributes["region"]?.stringValue } == ["us-east-1", "us-east-1", "eu-west-1"])
        #expect(Self.locations(transport) == ["b-3"])
        #expect(snapshot.errors.isEmpty)

        let undeclared = Self.s3(honours: true)
        let alone = try await Scanner(client: try await undeclared.client(), options: Self.options(anyRegion: [])).snapshot()
        #expect(alone.resources.filter { $0.type == "aws_s3_bucket" }.map(\.id) == ["b-1", "b-2"])
        #expect(Self.locations(undeclared).isEmpty)
    }

    @Test("an ignored filter (both regions list every bucket): every bucket is located, none misplaced")
    func ignored() async throws {
        let transport = Self.s3(honours: false)
        let snapshot = try await Scanner(client: try await transport.client(), options: Self.options(anyRegion: [])).snapshot()
        #expect(snapshot.resources.filter { $0.type == "aws_s3_bucket" }.map(\.id) == ["b-1", "b-2"])
        #expect(Self.locations(transport) == ["b-1", "b-2", "b-3"])
    }

    @Test("a filtered listing that fails: every bucket is located, and the scan goes on")
    func failedFilter() async throws {
        let base = Self.s3(honours: true)
        let transport = ScriptedTransport { request in
            if request.queryItems["bucket-region"] != nil { return ScriptedTransport.s3Error("InvalidArgument", status: 400) }
            return base.answerForTest(request)
        }
        let snapshot = try await Scanner(client: try await transport.client(), options: Self.options(anyRegion: ["b-3"])).snapshot()
        #expect(snapshot.resources.filter { $0.type == "aws_s3_bucket" }.map(\.id) == ["b-1", "b-2", "b-3"])
        #expect(Self.locations(transport) == ["b-1", "b-2", "b-3"])
        #expect(snapshot.errors.isEmpty)
    }
}
