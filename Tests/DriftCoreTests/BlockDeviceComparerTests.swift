import DriftModel
import Testing

@testable import DriftCore

/// `ebs_block_device` and `credit_specification` against the generated `aws_instance` schema, as
/// `terraform plan` (AWS provider 5.100, against moto) judged them after console-style changes.
@Suite("Block devices and CPU credits drift as terraform plan says")
struct BlockDeviceComparerTests {
    func changes(declared: [String: Value], live: [String: Value]) throws -> [AttributeChange] {
        let schema = try #require(ProviderSchema.schema(for: "aws_instance"))
        let resource = DeclaredResource(
            address: "aws_instance.data", type: "aws_instance", name: "data", attributes: declared,
            sources: Dictionary(uniqueKeysWithValues: declared.keys.map { ($0, "main.tf:3:3") }), blockSource: "main.tf:1:1")
        return ResourceComparer(schema: schema, provider: ProviderSettings())
            .compare(resource, with: LiveResource(type: "aws_instance", id: "i-1", attributes: live))
    }

    static func volume(_ device: String, size: Int, type: String = "gp2", deleteOnTermination: Bool = true, snapshot: String? = nil) -> Value {
        var v: [String: Value] = [
            "device_name": .string(device), "volume_size": .number(Double(size)), "volume_type": .string(type),
            "delete_on_termination": .bool(deleteOnTermination), "encrypted": false, "iops": 0, "throughput": 0,
            "volume_id": .string("vol-\(device.split(separator: "/").last ?? "")"), "tags": [:],
        ]
        if let snapshot { v["snapshot_id"] = .string(snapshot) }
        return .object(v)
    }

    /// As `drift baseline` gives them: device name, what the file sets, nested defaults filled in.
    static let declaredVolumes: Value = [
        ["device_name": "/dev/sdf", "volume_size": 10, "volume_type": "gp3", "delete_on_termination": true, "tags": nil],
        ["device_name": "/dev/sdg", "volume_size": 5, "delete_on_termination": false, "tags": nil],
    ]

    @Test("a volume resized, retyped or with its deletion flag flipped under the same device name is not drift")
    func sameKeysNeverDrift() throws {
        let live: Value = [
            Self.volume("/dev/sdg", size: 50, type: "io1", deleteOnTermination: true),
            Self.volume("/dev/sdf", size: 20, type: "gp3", deleteOnTermination: false),
        ]
        #expect(try changes(declared: ["ebs_block_device": Self.declaredVolumes], live: ["ebs_block_device": live]).isEmpty)
    }

    @Test("a declared volume detached live, or an extra one attached, drifts the whole set")
    func keysDiffer() throws {
        let detached: Value = [Self.volume("/dev/sdf", size: 10, type: "gp3")]
        let found = try changes(declared: ["ebs_block_device": Self.declaredVolumes], live: ["ebs_block_device": detached])
        #expect(found.map(\.attribute) == ["ebs_block_device"])
        #expect(found.first?.path == "ebs_block_device")
        #expect(found.first?.declared == Self.declaredVolumes)
        #expect(found.first?.live.arrayValue?.count == 1)
        #expect(found.first?.source == "main.tf:3:3")

        let extra: Value = [
            Self.volume("/dev/sdf", size: 10, type: "gp3"), Self.volume("/dev/sdg", size: 5, deleteOnTermination: false),
            Self.volume("/dev/sdk", size: 3),
        ]
        #expect(try changes(declared: ["ebs_block_device": Self.declaredVolumes], live: ["ebs_block_device": extra])
            .map(\.attribute) == ["ebs_block_device"])
    }

    @Test("the snapshot a volume was made from is part of its key: unset declared, set live is drift")
    func snapshotIsKey() throws {
        let live: Value = [
            Self.volume("/dev/sdf", size: 10, type: "gp3"), Self.volume("/dev/sdg", size: 5, deleteOnTermination: false, snapshot: "snap-1"),
        ]
        #expect(try changes(declared: ["ebs_block_device": Self.declaredVolumes], live: ["ebs_block_device": live])
            .map(\.attribute) == ["ebs_block_device"])
        var declared = Self.declaredVolumes.arrayValue ?? []
        declared[1] = ["device_name": "/dev/sdg", "snapshot_id": "snap-1", "delete_on_termination": true, "tags": nil]
        #expect(try changes(declared: ["ebs_block_device": .array(declared)], live: ["ebs_block_device": live]).isEmpty)
    }

    @Test("ebs_block_device left undeclared never drifts, whatever is attached")
    func undeclared() throws {
        #expect(try changes(declared: [:], live: ["ebs_block_device": [Self.volume("/dev/sdk", size: 3)]]).isEmpty)
    }

    @Test("cpu_credits: declared and different is drift; a block that leaves it unset never drifts")
    func credits() throws {
        let unlimited = try changes(
            declared: ["credit_specification": [["cpu_credits": "unlimited"]]],
            live: ["credit_specification": [["cpu_credits": "standard"]]])
        #expect(unlimited.map(\.path) == ["credit_specification[0].cpu_credits"])
        #expect(unlimited.first?.declared == "unlimited")
        #expect(unlimited.first?.live == "standard")
        #expect(try changes(
            declared: ["credit_specification": [["cpu_credits": "standard"]]],
            live: ["credit_specification": [["cpu_credits": "standard"]]]).isEmpty)
        #expect(try changes(
            declared: ["credit_specification": [["cpu_credits": nil]]],
            live: ["credit_specification": [["cpu_credits": "unlimited"]]]).isEmpty)
        // Not described live (a type without CPU credits, or not read): nothing to compare.
        #expect(try changes(declared: ["credit_specification": [["cpu_credits": "unlimited"]]], live: [:]).isEmpty)
    }
}
