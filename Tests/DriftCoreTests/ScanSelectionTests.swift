import DriftModel
import Testing

@testable import DriftCore

/// What `drift scan` asks the scanner to read, from the baseline (and state).
@Suite("drift scan reads only what the baseline can drift on")
struct ScanSelectionTests {
    static func instance(_ name: String, _ attributes: [String: Value], unknown: [String] = []) -> DeclaredResource {
        DeclaredResource(address: "aws_instance.\(name)", type: "aws_instance", name: name, attributes: attributes, unknown: unknown)
    }

    @Test("instance arguments: set ones and unknown ones count; null and empty blocks (undeclared) do not")
    func instanceArguments() {
        let baseline = Baseline(resources: [
            Self.instance("a", ["instance_type": "t3.micro", "root_block_device": [], "credit_specification": .null]),
            Self.instance("b", ["ebs_block_device": [["device_name": "/dev/sdf"]]], unknown: ["ami"]),
            DeclaredResource(address: "aws_dynamodb_table.t", type: "aws_dynamodb_table", name: "t", attributes: ["ttl": [["enabled": true]]]),
        ])
        let declared = ResourceType.declaredArguments(of: baseline.resources)
        #expect(declared["aws_instance"] == ["instance_type", "ebs_block_device", "ami"])
        #expect(declared["aws_dynamodb_table"] == ["ttl"])
    }

    @Test("bucket names come from every S3 resource's bucket and from the state's S3 ids")
    func bucketNames() {
        let baseline = Baseline(resources: [
            DeclaredResource(address: "aws_s3_bucket.a", type: "aws_s3_bucket", name: "a", attributes: ["bucket": "alpha"]),
            DeclaredResource(address: "aws_s3_bucket_policy.b", type: "aws_s3_bucket_policy", name: "b", attributes: ["bucket": "beta"]),
            DeclaredResource(address: "aws_s3_bucket.c", type: "aws_s3_bucket", name: "c", unknown: ["bucket"]),
        ])
        let state = TerraformState(instances: [
            "aws_s3_bucket.c": .init(address: "aws_s3_bucket.c", type: "aws_s3_bucket", attributes: ["bucket": "gamma", "id": "gamma"]),
            "aws_instance.w": .init(address: "aws_instance.w", type: "aws_instance", attributes: ["id": "i-1"]),
        ])
        #expect(ScanSession.declaredBucketNames(baseline, recorded: []) == ["alpha", "beta"])
        #expect(ScanSession.declaredBucketNames(baseline, recorded: Array(state.instances.values)) == ["alpha", "beta", "gamma"])
    }
}
