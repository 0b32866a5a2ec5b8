import DriftModel
import Testing

@testable import DriftCore

enum Build {
    static func instance(_ address: String, tags: [String: String], extra: [String: Value] = [:]) -> DeclaredResource {
        var attributes = extra
        if !tags.isEmpty { attributes["tags"] = .object(tags.mapValues(Value.string)) }
        let parts = address.split(separator: ".")
        return DeclaredResource(
            address: address, type: "aws_instance", name: String(parts.last ?? ""), attributes: attributes,
            sources: Dictionary(uniqueKeysWithValues: attributes.keys.map { ($0, "main.tf:5:3") }), blockSource: "main.tf:4:1")
    }

    static func bucket(_ address: String, type: String = "aws_s3_bucket", bucket: String, extra: [String: Value] = [:]) -> DeclaredResource {
        var attributes = extra
        attributes["bucket"] = .string(bucket)
        return DeclaredResource(address: address, type: type, name: "b", attributes: attributes, blockSource: "s3.tf:1:1")
    }

    static func live(_ id: String, tags: [String: String], state: String = "running") -> LiveResource {
        LiveResource(type: "aws_instance", id: id, attributes: [
            "instance_type": "t3.micro", "instance_state": .string(state), "tags": .object(tags.mapValues(Value.string)),
        ])
    }

    static func snapshot(_ resources: [LiveResource], errors: [ReadError] = []) -> Snapshot {
        Snapshot(takenAt: "2026-11-24T19:00:00Z", region: "eu-west-1", resources: resources, errors: errors)
    }
}

@Suite("Matching declared resources to live ones")
struct MatcherTests {
    @Test("without state an instance is found by its Name tag, a bucket by its name, and the rest is unmanaged")
    func byNameTag() {
        let baseline = Baseline(resources: [Build.instance("aws_instance.web", tags: ["Name": "web"]), Build.bucket("aws_s3_bucket.logs", bucket: "logs")])
        let snapshot = Build.snapshot([
            Build.live("i-1", tags: ["Name": "web"]), Build.live("i-2", tags: ["Name": "hotfix"]),
            Build.live("i-3", tags: ["Name": "old"], state: "terminated"),
            LiveResource(type: "aws_s3_bucket", id: "logs", attributes: ["bucket": "logs", "tags": [:]]),
            LiveResource(type: "aws_s3_bucket", id: "scratch", attributes: ["bucket": "scratch", "tags": [:]]),
        ])
        let result = Matcher(baseline: baseline, snapshot: snapshot, state: nil).match()
        #expect(result.matches.map(\.id) == ["i-1", "logs"])
        #expect(result.unmanaged.map(\.id) == ["i-2", "scratch"])
        #expect(result.errors.isEmpty)
    }

    @Test("two live instances with the declared Name, told apart by the other declared tags")
    func narrowedByTags() {
        let baseline = Baseline(resources: [Build.instance("aws_instance.web", tags: ["Name": "web", "Tier": "front"])])
        let snapshot = Build.snapshot([Build.live("i-1", tags: ["Name": "web"]), Build.live("i-2", tags: ["Name": "web", "Tier": "front"])])
        let result = Matcher(baseline: baseline, snapshot: snapshot, state: nil).match()
        #expect(result.matches.map(\.id) == ["i-2"])
        #expect(result.unmanaged.map(\.id) == ["i-1"])
    }

    @Test("an ambiguous instance is an error, never a guess, and its candidates are not called unmanaged")
    func ambiguous() {
        let baseline = Baseline(resources: [Build.instance("aws_instance.web", tags: ["Name": "web"])])
        let snapshot = Build.snapshot([Build.live("i-1", tags: ["Name": "web"]), Build.live("i-2", tags: ["Name": "web"])])
        let result = Matcher(baseline: baseline, snapshot: snapshot, state: nil).match()
        #expect(result.matches.first?.outcome == .ambiguous(candidates: ["i-1", "i-2"]))
        #expect(result.errors.map(\.code) == ["Ambiguous"])
        #expect(result.errors.first?.resource == "aws_instance.web")
        #expect(result.unmanaged.isEmpty)
    }

    @Test("an instance that declares no tags cannot be identified without state")
    func unidentified() {
        let baseline = Baseline(resources: [Build.instance("aws_instance.web", tags: [:])])
        let result = Matcher(baseline: baseline, snapshot: Build.snapshot([Build.live("i-1", tags: [:])]), state: nil).match()
        #expect(result.errors.map(\.code) == ["Unidentified"])
        #expect(result.unmanaged.isEmpty)
    }

    @Test("with state the address gives the id; gone live is missing, a failed read is unreadable")
    func withState() throws {
        let state = try TerraformState.parse(Array("""
            {"version": 4, "resources": [
              {"mode": "managed", "type": "aws_instance", "name": "web", "instances": [
                {"index_key": 0, "attributes": {"id": "i-1"}}, {"index_key": 1, "attributes": {"id": "i-9"}}]},
              {"mode": "managed", "type": "aws_s3_bucket_policy", "name": "p", "instances": [{"attributes": {"id": "logs", "bucket": "logs"}}]},
              {"mode": "data", "type": "aws_ami", "name": "a", "instances": [{"attributes": {"id": "ami-1"}}]}
            ]}
            """.utf8), source: "t.tfstate")
        var first = Build.instance("aws_instance.web[0]", tags: ["Name": "renamed"])
        first.index = .int(0)
        let baseline = Baseline(resources: [
            first, Build.instance("aws_instance.web[1]", tags: ["Name": "web-1"]),
            Build.bucket("aws_s3_bucket_policy.p", type: "aws_s3_bucket_policy", bucket: "logs"),
            Build.instance("aws_instance.new", tags: ["Name": "new"]),
        ])
        let snapshot = Build.snapshot(
            [Build.live("i-1", tags: ["Name": "web-0"]), LiveResource(type: "aws_s3_bucket", id: "logs", attributes: [:])],
            errors: [ReadError(service: "s3", operation: "GetBucketPolicy", resource: "logs", code: "AccessDenied", message: "no")])
        let result = Matcher(baseline: baseline, snapshot: snapshot, state: state).match()
        #expect(result.matches[0].id == "i-1")
        #expect(result.matches[1].outcome == .missing(id: "i-9"))
        #expect(result.matches[2].outcome == .unreadable(id: "logs"))
        #expect(result.matches[3].outcome == .notInState)
        #expect(result.errors.map(\.code) == ["AccessDenied"])
        #expect(result.unmanaged.map(\.id) == ["logs"])
    }

    @Test("with state, a recorded resource no file declares is orphaned while it lives; gone, it is nothing")
    func orphaned() throws {
        let state = try TerraformState.parse(Array("""
            {"version": 4, "resources": [
              {"mode": "managed", "type": "aws_instance", "name": "web", "instances": [
                {"index_key": 0, "attributes": {"id": "i-1"}}, {"index_key": 1, "attributes": {"id": "i-2"}},
                {"index_key": 2, "attributes": {"id": "i-3"}}]},
              {"mode": "managed", "type": "aws_s3_bucket", "name": "old", "instances": [{"attributes": {"id": "old", "bucket": "old"}}]},
              {"mode": "managed", "type": "aws_iam_role", "name": "r", "instances": [{"attributes": {"id": "role"}}]},
              {"mode": "data", "type": "aws_instance", "name": "d", "instances": [{"attributes": {"id": "i-1"}}]}
            ]}
            """.utf8), source: "t.tfstate")
        var first = Build.instance("aws_instance.web[0]", tags: ["Name": "web-0"])
        first.index = .int(0)
        let snapshot = Build.snapshot([
            Build.live("i-1", tags: ["Name": "web-0"]), Build.live("i-2", tags: ["Name": "web-1"]),
            Build.live("i-3", tags: ["Name": "web-2"], state: "terminated"),
            LiveResource(type: "aws_s3_bucket", id: "old", attributes: [:]),
        ])
        let result = Matcher(baseline: Baseline(resources: [first]), snapshot: snapshot, state: state).match()
        #expect(result.orphaned.map(\.address) == ["aws_instance.web[1]", "aws_s3_bucket.old"])
        #expect(result.orphaned.map(\.live.id) == ["i-2", "old"])
        #expect(result.unmanaged.isEmpty)
        let report = DriftAnalyzer(baseline: Baseline(resources: [first])).report(
            result, context: .init(scannedAt: "t", baseline: ".", region: "eu-west-1", stateSource: "t.tfstate"))
        #expect(report.findings.map(\.kind) == [.orphaned, .orphaned])
        #expect(report.findings.first?.name == "web-1")
        #expect(report.summary.orphaned == 2)
        #expect(report.summary.inSync == 1)
        #expect(report.exitCode(failOn: [.orphaned]) == 2)
        #expect(report.exitCode(failOn: [.drifted]) == 0)
        // Without state nothing is orphaned: the same live resources are unmanaged.
        let stateless = Matcher(baseline: Baseline(resources: [first]), snapshot: snapshot, state: nil).match()
        #expect(stateless.orphaned.isEmpty)
        #expect(stateless.unmanaged.map(\.id) == ["i-2", "old"])
    }

    @Test("state that is not JSON, or of another format version, cannot be read")
    func badState() {
        #expect(throws: DriftCoreError.self) { try TerraformState.parse(Array("nope".utf8), source: "x") }
        #expect(throws: DriftCoreError.self) { try TerraformState.parse(Array(#"{"version": 3}"#.utf8), source: "x") }
    }

    @Test("state addresses carry module paths and for_each keys as the baseline writes them")
    func stateAddresses() throws {
        let state = try TerraformState.parse(Array("""
            {"version": 4, "resources": [{"module": "module.svc[\\"api\\"]", "mode": "managed", "type": "aws_dynamodb_table",
              "name": "t", "instances": [{"index_key": "orders", "attributes": {"id": "app-orders", "name": "app-orders"}}]}]}
            """.utf8), source: "x")
        #expect(state.instances.keys.first == #"module.svc["api"].aws_dynamodb_table.t["orders"]"#)
        #expect(state.instances.values.first?.liveID == "app-orders")
    }
}
