import AWSClient
import DriftModel
import Foundation
import Testing

@testable import Scanner

/// What lets a snapshot of tens of thousands of instances stay within memory: the listing keeps
/// only a small view of each instance once its page is normalized, and the snapshot is written
/// one resource at a time. Both must give exactly what the whole-tree, whole-document paths give
/// (scripts/bench-snapshot measures the memory).
@Suite("Large accounts: per-page instance views and the streamed snapshot document")
struct LargeAccountTests {
    /// Every recorded DescribeInstances and DescribeVolumes answer under Fixtures/moto.
    func recorded() throws -> (instances: [XMLTree], volumes: [String: XMLTree]) {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("moto")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        var instances: [XMLTree] = []
        var volumes: [String: XMLTree] = [:]
        for name in names where name.hasSuffix("DescribeInstances.xml") {
            instances += EC2Normalizer.page(try Fixture.xml(name)).instances
        }
        for name in names where name.hasSuffix("DescribeVolumes.xml") {
            volumes.merge(EC2Normalizer.volumes(try Fixture.xml(name).all("volumeSet/item"))) { $1 }
        }
        return (instances, volumes)
    }

    @Test("an instance read without volumes plus the device blocks from its device view is the instance read whole")
    func deviceView() throws {
        let (instances, volumes) = try recorded()
        #expect(instances.count >= 4)
        var withDevices = 0
        for item in instances {
            let whole = try #require(EC2Normalizer.resource(item, volumes: volumes))
            var split = try #require(EC2Normalizer.resource(item, volumes: nil))
            let view = EC2Normalizer.deviceView(item)
            #expect(view.children.count < item.children.count)
            split.attributes.merge(EC2Normalizer.deviceAttributes(view, volumes: volumes)) { $1 }
            #expect(split == whole)
            #expect(EC2Normalizer.volumeIDs(view) == EC2Normalizer.volumeIDs(item))
            if whole.attributes["ebs_block_device"]?.arrayValue?.isEmpty == false { withDevices += 1 }
        }
        // The fixtures hold instances with extra volumes, so the comparison covered ebs_block_device.
        #expect(withDevices > 0)
    }

    @Test("the streamed snapshot document is byte for byte the canonical JSON of the whole snapshot")
    func streamedDocument() throws {
        let (instances, volumes) = try recorded()
        let resources = instances.compactMap { EC2Normalizer.resource($0, volumes: volumes) }
        let full = Snapshot(
            takenAt: "2026-12-06T19:00:00Z", region: "us-east-1", account: "123456789012", resources: resources.reversed(),
            errors: [ReadError(service: "s3", operation: "GetBucketPolicy", resource: "b", code: "AccessDenied", message: "no \"quote\"")],
            omitted: ["aws_instance": ["user_data", "disable_api_stop"]])
        let cases = [
            full,
            Snapshot(takenAt: "2026-12-06T19:00:00Z", region: "eu-west-1"),
            Snapshot(takenAt: "2026-12-06T19:00:00Z", region: "eu-west-1", resources: [resources[0]]),
        ]
        for snapshot in cases {
            #expect(SnapshotOutput.render(snapshot) == snapshot.jsonValue.canonicalJSON(pretty: true) + "\n")
        }
        // And it reads back as the same snapshot.
        let back = try Snapshot(json: JSONParser.parse(SnapshotOutput.render(full)))
        #expect(back == full.normalized())
    }
}
