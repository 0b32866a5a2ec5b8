import DriftModel
import Foundation
import Testing
import TestSupport

/// `--deadline` is "what was not read by then is an error": the report is still written, and a
/// declared resource whose listing the deadline cut is neither missing nor in sync.
@Suite("Deadline end to end")
struct DeadlineEndToEndTests {
    @Test("a deadline that passes before the listings: a report with errors, exit 2, nothing missing")
    func deadlineCutsListings() throws {
        let shop = try ShopFixture()
        try shop.seed()
        // 1 ms passes while the baseline is still loading, so every listing meets the deadline.
        let (result, report) = try shop.scanJSON(["--deadline", "0.001"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(report.findingLines.allSatisfy { !$0.hasPrefix("missing") }, "\(report.findingLines)")
        let codes = report["errors"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
        #expect(!codes.isEmpty && codes.allSatisfy { $0 == "DeadlineExceeded" }, "\(codes)")
        let listings = Set(report["errors"]?.arrayValue?.filter { $0["resource"] == .null }.compactMap { $0["operation"]?.stringValue } ?? [])
        #expect(listings.isSuperset(of: ["DescribeInstances", "ListBuckets", "ListTables"]), "\(listings)")
        #expect(report["summary"]?["inSync"] == 0)

        // Without a deadline the same shop is clean: the errors above were the deadline's alone.
        let (clean, _) = try shop.scanJSON()
        #expect(clean.status == 0, "\(clean.stdout)")
    }
}
