import DriftModel
import Foundation
import Testing
import TestSupport

/// `aws_launch_template` end to end against moto, with state and without: the `Fixtures/launchtemplate`
/// baseline built with boto3 as the provider builds it, then changed by hand as in the console. The
/// expectations are what `terraform plan` (hashicorp/aws 5.100) says for the same changes: a new
/// latest version is compared, the default version only where `default_version` is declared.
/// One moto for the whole story.
@Suite("Launch templates end to end", .serialized)
struct LaunchTemplateEndToEndTests {
    final class Built {
        let moto: MotoServer
        let directory: URL
        let home: URL
        var ids: [String: String] = [:]

        init() throws {
            moto = try MotoServer()
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("drift-lt-\(UUID().uuidString)")
            directory = scratch.appendingPathComponent("launchtemplate")
            home = scratch.appendingPathComponent("home")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: try ShopFixture.fixtures().appendingPathComponent("launchtemplate"), to: directory)
        }

        deinit {
            moto.stop()
            try? FileManager.default.removeItem(at: directory.deletingLastPathComponent())
        }

        @discardableResult
        func boto(_ script: String) throws -> String {
            try Boto.run(script, endpoint: moto.endpoint, region: "us-east-1")
        }

        /// What `terraform apply` sends for the fixture (user data base64 as declared, only the
        /// arguments set; `name_prefix` plus the provider's 26-digit suffix).
        func seed() throws {
            let out = try boto("""
                import base64
                ec2 = client("ec2")
                def make(name, data, **extra):
                    data = dict({"ImageId": "ami-12c6146b", "InstanceType": "t3.micro"}, **data)
                    return ec2.create_launch_template(LaunchTemplateName=name, LaunchTemplateData=data, **extra)[
                        "LaunchTemplate"]["LaunchTemplateId"]
                web = make("lt-web", {
                    "KeyName": "deployer", "UserData": base64.b64encode(b"#!/bin/sh\\necho hello\\n").decode(),
                    "EbsOptimized": True, "SecurityGroupIds": ["sg-0a1b2c3d4e5f60718"],
                    "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 20, "VolumeType": "gp3",
                        "Encrypted": True, "DeleteOnTermination": True}}],
                    "IamInstanceProfile": {"Name": "web-profile"},
                    "MetadataOptions": {"HttpEndpoint": "enabled", "HttpTokens": "required"},
                    "Monitoring": {"Enabled": True},
                    "TagSpecifications": [{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "web"}]}]},
                    VersionDescription="web servers")
                pinned = make("lt-pinned", {})
                follows = make("lt-follows", {})
                worker = make("lt-worker-20261206101500000000000001", {"InstanceType": "c5.large",
                    "NetworkInterfaces": [{"DeviceIndex": 0, "AssociatePublicIpAddress": False, "DeleteOnTermination": True,
                        "Groups": ["sg-0a1b2c3d4e5f60718"], "SubnetId": "subnet-0a1b2c3d4e5f60718"}]})
                print(json.dumps({"aws_launch_template.web": web, "aws_launch_template.pinned": pinned,
                    "aws_launch_template.follows": follows, "aws_launch_template.worker": worker}))
                """)
            ids = (try JSONParser.parse(out.trimmingCharacters(in: .whitespacesAndNewlines)).objectValue ?? [:])
                .compactMapValues(\.stringValue)
        }

        func run(_ arguments: [String]) throws -> DriftBinary.Result {
            let env = DriftBinary.motoEnvironment(endpoint: moto.endpoint, home: home.path, region: nil)
            return try DriftBinary.run(arguments, environment: env, currentDirectory: home.path)
        }

        func scan(_ mode: String) throws -> (DriftBinary.Result, Value) {
            let state = mode == "state" ? ["--state", try stateFile()] : []
            let result = try run(["scan", "--baseline", directory.path, "--format", "json"] + state)
            guard !result.stdout.isEmpty else { throw NoReport(status: result.status, stderr: result.stderr) }
            return (result, try JSONParser.parse(result.stdout))
        }

        /// A v4 state recording `ids`, as apply would.
        func stateFile() throws -> String {
            let resources: [Value] = ids.keys.sorted().map { address in
                let parts = address.split(separator: ".").map(String.init)
                return .object([
                    "mode": "managed", "type": .string(parts[0]), "name": .string(parts[1]),
                    "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
                    "instances": .array([.object(["attributes": .object(["id": .string(ids[address] ?? "")])])]),
                ])
            }
            let doc: Value = .object([
                "version": 4, "terraform_version": "1.11.0", "serial": 1, "lineage": "test", "resources": .array(resources),
            ])
            let path = directory.deletingLastPathComponent().appendingPathComponent("applied.tfstate").path
            try doc.canonicalJSON(pretty: true).write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    static let modes = ["nostate", "state"]

    @Test("in sync as built; a new version and a moved default; deleted is missing; made by hand is unmanaged")
    func story() throws {
        let lt = try Built()
        try lt.seed()
        for mode in Self.modes {
            let (result, report) = try lt.scan(mode)
            #expect(report.findingLines == [], "\(mode) \(result.stderr)")
            #expect(report["errors"] == [], "\(mode)")
            #expect(report["summary"]?["inSync"] == 4, "\(mode)")
        }

        // The snapshot keeps user data only as the SHA-1 of the template's (base64) text.
        let snapshot = try lt.run(["snapshot", "--region", "us-east-1", "--services", "ec2"])
        #expect(snapshot.status == 0, "\(snapshot.stderr)")
        #expect(!snapshot.stdout.contains("IyEvYmluL3NoCmVjaG8gaGVsbG8K"))
        #expect(snapshot.stdout.contains("6e3ecb6ec16aa1ee5ddc564d3347b850758496ad"))

        // In the console: a new version of web with a bigger type, made the default; the default of
        // pinned and follows moved to a copy of their version 1.
        let web = lt.ids["aws_launch_template.web"] ?? ""
        try lt.boto("""
            ec2 = client("ec2")
            def copy(tid, **changes):
                data = ec2.describe_launch_template_versions(LaunchTemplateId=tid, Versions=["$Latest"])[
                    "LaunchTemplateVersions"][0]
                body = dict(data["LaunchTemplateData"], **changes)
                ec2.create_launch_template_version(LaunchTemplateId=tid, LaunchTemplateData=body,
                    **({"VersionDescription": data["VersionDescription"]} if "VersionDescription" in data else {}))
                ec2.modify_launch_template(LaunchTemplateId=tid, DefaultVersion="2")
            copy(\(String(reflecting: web)), InstanceType="t3.large")
            copy(\(String(reflecting: lt.ids["aws_launch_template.pinned"] ?? "")))
            copy(\(String(reflecting: lt.ids["aws_launch_template.follows"] ?? "")))
            """)
        for mode in Self.modes {
            let (result, report) = try lt.scan(mode)
            #expect(result.status == 2, "\(mode)")
            #expect(report.findingLines.sorted() == [
                "drifted aws_launch_template.pinned default_version",
                "drifted aws_launch_template.web instance_type",
            ], "\(mode) \(result.stderr)")
            let change = (report["findings"]?.arrayValue ?? []).first { $0["address"] == "aws_launch_template.web" }?[
                "changes"]?.arrayValue?.first
            #expect(change?["declared"] == "t3.micro" && change?["live"] == "t3.large", "\(mode)")
            #expect(change?["source"] == "main.tf:11:3", "\(mode)")
        }

        // Deleted: missing. Made by hand: unmanaged, named by its name.
        let made = try lt.boto("""
            ec2 = client("ec2")
            ec2.delete_launch_template(LaunchTemplateId=\(String(reflecting: lt.ids["aws_launch_template.worker"] ?? "")))
            print(ec2.create_launch_template(LaunchTemplateName="hand-made",
                LaunchTemplateData={"ImageId": "ami-12c6146b", "InstanceType": "t3.nano"})["LaunchTemplate"]["LaunchTemplateId"])
            """).trimmingCharacters(in: .whitespacesAndNewlines)
        for mode in Self.modes {
            let (_, report) = try lt.scan(mode)
            #expect(report.findingLines.filter { !$0.hasPrefix("drifted") }.sorted() == [
                "missing aws_launch_template.worker", "unmanaged aws_launch_template \(made)",
            ], "\(mode)")
            let unmanaged = (report["findings"]?.arrayValue ?? []).first { $0["kind"] == "unmanaged" }
            #expect(unmanaged?["name"] == "hand-made", "\(mode)")
        }

        // Silenced by type (declared or not), nothing about launch templates is reported.
        try "aws_launch_template.*\n".write(
            to: lt.directory.appendingPathComponent(".driftignore"), atomically: true, encoding: .utf8)
        let (silencedRun, silenced) = try lt.scan("nostate")
        #expect(silenced.findingLines == [])
        #expect(silencedRun.status == 0)
    }
}
