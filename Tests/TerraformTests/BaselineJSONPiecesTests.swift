import DriftModel
import Foundation
import Terraform
import Testing

@Suite("Baseline JSON rendered in pieces")
struct BaselineJSONPiecesTests {
    /// Enough resources for the parallel path, with nested values, escapes and both index kinds.
    static func largeBaseline() -> Baseline {
        var resources: [DeclaredResource] = []
        for i in 0..<5000 {
            let index: ResourceIndex = i % 2 == 0 ? .int(i) : .string("k\"\(i)")
            let tags: Value = .object(["Name": .string("n\\\(i)\n"), "Index": .string(String(i))])
            let list: Value = .array([.number(Double(i)), .bool(i % 3 == 0), .null])
            let attributes: [String: Value] = ["bucket": .string("bucket-\(i)"), "tags": tags, "list": list]
            resources.append(DeclaredResource(
                address: String(format: "aws_s3_bucket.b%05d", i), type: "aws_s3_bucket", name: "b\(i)",
                index: index, attributes: attributes, unknown: i % 5 == 0 ? ["acl"] : [],
                sources: ["bucket": "main.tf:\(i):3"], blockSource: "main.tf:\(i):1"))
        }
        return Baseline(resources: resources)
    }

    @Test("resources rendered on several threads, written one piece after another, are the one-thread document")
    func piecesJoinToTheDocument() throws {
        let baseline = Self.largeBaseline()
        let whole = BaselineJSON.renderUTF8(baseline)
        let pieces = BaselineJSON.renderPieces(baseline, threads: 3)
        // The opening, three runs of resources, the closing.
        #expect(pieces.count == 5)
        #expect(Array(pieces.joined()) == whole)
        let parsed = try JSONSerialization.jsonObject(with: Data(whole)) as? [String: Any]
        #expect((parsed?["resources"] as? [Any])?.count == 5000)
    }

    @Test("a small baseline is one piece")
    func smallBaselineIsOnePiece() {
        let baseline = Baseline(resources: [DeclaredResource(address: "aws_s3_bucket.a", type: "aws_s3_bucket", name: "a")])
        let pieces = BaselineJSON.renderPieces(baseline, threads: 4)
        #expect(pieces == [BaselineJSON.renderUTF8(baseline)])
    }
}
