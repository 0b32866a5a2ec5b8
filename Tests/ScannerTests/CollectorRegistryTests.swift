import DriftModel
import Testing

@testable import Scanner

/// The scanner's collectors produce exactly the types the registry assigns them, and what a scan
/// leaves out is named in `omitted`.
@Suite("Collectors and the resource-type registry")
struct CollectorRegistryTests {
    @Test("each collector produces exactly the registry's types for it")
    func collectorsMatchRegistry() {
        for collector in ResourceType.Collector.allCases {
            let registered = Set(ResourceType.all.filter { $0.collector == collector }.map(\.name))
            #expect(Scanner.produces(collector) == registered, "\(collector)")
        }
    }

    @Test("undeclared settings are omitted as a whole, skipped calls by argument, per-resource calls unless asked")
    func omitted() {
        var options = ScanOptions()
        options.declaredArguments = ["aws_instance": ["instance_type"], "aws_s3_bucket_policy": ["policy"]]
        let omitted = Scanner.omitted(options, collectors: Set(ResourceType.Collector.allCases))
        #expect(omitted["aws_s3_bucket_versioning"] == ["*"])
        #expect(omitted["aws_s3_bucket_policy"] == nil)
        #expect(omitted["aws_s3_bucket"] == nil)
        #expect(omitted["aws_instance"] == [
            "credit_specification", "disable_api_stop", "disable_api_termination", "ebs_block_device",
            "instance_initiated_shutdown_behavior", "root_block_device", "user_data", "volume_tags",
        ])
        #expect(omitted["aws_dynamodb_table"] == ["point_in_time_recovery", "ttl"])
        options.declaredArguments = nil
        options.instanceAttributes = .all
        // A bare snapshot reads every type but the bucket settings read only where declared.
        let bare = Scanner.omitted(options, collectors: Set(ResourceType.Collector.allCases))
        #expect(Set(bare.keys) == Set(ResourceType.all.filter { !$0.inBareSnapshot }.map(\.name)))
        #expect(bare.values.allSatisfy { $0 == ["*"] })
    }
}
