import DriftModel
import Foundation
import TestSupport

/// A scratch estate in a private moto: root directories written by the test, resources created
/// with boto3 in the account a role ARN names (moto keeps resources per account), and drift run
/// from the estate's directory, optionally through a fault-injecting proxy.
final class EstateFixture {
    let moto: MotoServer
    let proxy: FaultProxy?
    let directory: URL
    let home: URL

    init(proxy withProxy: Bool = false) throws {
        moto = try MotoServer()
        proxy = withProxy ? try FaultProxy(upstream: moto.endpoint) : nil
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("drift-estate-\(UUID().uuidString)")
        directory = scratch.appendingPathComponent("estate")
        home = scratch.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        proxy?.stop()
        moto.stop()
        try? FileManager.default.removeItem(at: directory.deletingLastPathComponent())
    }

    static func role(_ account: String) -> String { "arn:aws:iam::\(account):role/drift-reader" }

    /// Runs a boto3 script in `account` (through its role; `nil`: moto's default account).
    /// `client(name, region)` then returns clients with that account's credentials.
    @discardableResult
    func boto(account: String? = nil, region: String = "eu-west-1", _ script: String) throws -> String {
        var prelude = ""
        if let account {
            prelude = """
                _c = client("sts").assume_role(RoleArn=\(String(reflecting: Self.role(account))), RoleSessionName="seed")["Credentials"]
                def client(name, region=region):
                    return boto3.client(name, region_name=region, endpoint_url=ep, aws_access_key_id=_c["AccessKeyId"],
                        aws_secret_access_key=_c["SecretAccessKey"], aws_session_token=_c["SessionToken"])

                """
        }
        return try Boto.run(prelude + script, endpoint: moto.endpoint, region: region)
    }

    /// Launches an instance tagged `Name` and returns its id.
    func instance(_ name: String, account: String? = nil, region: String = "eu-west-1") throws -> String {
        try boto(account: account, region: region, """
            ec2 = client("ec2")
            ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            print(ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": \(String(reflecting: name))}]}]
            )["Instances"][0]["InstanceId"])
            """).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The AMI moto launches instances from (declared, so that instances are in sync).
    func ami() throws -> String {
        try boto("print(client('ec2').describe_images(Owners=['amazon'])['Images'][0]['ImageId'])")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A root declaring instances (by `Name` tag) and buckets in `region`.
    func root(_ path: String, region: String = "eu-west-1", instances: [String] = [], buckets: [String] = [], ami: String) throws {
        var text = "provider \"aws\" {\n  region = \"\(region)\"\n}\n"
        for name in instances {
            text += """

                resource "aws_instance" "\(name.replacingOccurrences(of: "-", with: "_"))" {
                  ami           = "\(ami)"
                  instance_type = "t3.micro"
                  tags = {
                    Name = "\(name)"
                  }
                }

                """
        }
        for bucket in buckets {
            text += "\nresource \"aws_s3_bucket\" \"\(bucket.replacingOccurrences(of: "-", with: "_"))\" {\n  bucket = \"\(bucket)\"\n}\n"
        }
        try write(path + "/main.tf", text)
    }

    func write(_ path: String, _ text: String) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func drift(_ arguments: [String]) throws -> DriftBinary.Result {
        let endpoint = proxy?.endpoint ?? moto.endpoint
        var env = DriftBinary.motoEnvironment(endpoint: endpoint, home: home.path, region: nil)
        return try DriftBinary.run(arguments, environment: env, currentDirectory: directory.path)
    }

    /// `drift scan ARGS --format json`, parsed.
    func scan(_ arguments: [String]) throws -> (result: DriftBinary.Result, report: Value) {
        let result = try drift(["scan", "--format", "json"] + arguments)
        guard !result.stdout.isEmpty else { throw NoReport(status: result.status, stderr: result.stderr) }
        return (result, try JSONParser.parse(result.stdout))
    }
}

extension Value {
    /// `kind name-or-address root account region` per finding, for whole-report comparisons.
    var placedFindings: [String] {
        (self["findings"]?.arrayValue ?? []).map { f in
            [f["kind"]?.stringValue, f["address"]?.stringValue ?? f["name"]?.stringValue ?? f["id"]?.stringValue,
             f["root"]?.stringValue, f["account"]?.stringValue, f["region"]?.stringValue]
                .map { $0 ?? "-" }.joined(separator: " ")
        }.sorted()
    }
}
