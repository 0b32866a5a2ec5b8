import DriftModel
import Foundation
import TestSupport

/// The `Fixtures/shop` baseline, built in a private moto with boto3 exactly as Terraform would
/// have built it (default tags included), then changed by hand as each test needs.
final class ShopFixture {
    let moto: MotoServer
    let directory: URL
    let home: URL
    /// The id of `aws_instance.web`.
    private(set) var webID = ""

    init() throws {
        moto = try MotoServer()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("drift-cli-\(UUID().uuidString)")
        directory = scratch.appendingPathComponent("shop")
        home = scratch.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let fixtures = try Self.fixtures()
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("shop"), to: directory)
    }

    deinit {
        moto.stop()
        try? FileManager.default.removeItem(at: directory.deletingLastPathComponent())
    }

    static func fixtures() throws -> URL {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }

    static let region = "eu-west-1"

    /// Creates the shop as declared.
    func seed() throws {
        let out = try boto("""
            ec2 = client("ec2"); s3 = client("s3"); ddb = client("dynamodb")
            ami = sorted(ec2.describe_images(Owners=["amazon"], Filters=[{"Name": "name", "Values": ["amzn2-ami-hvm-*-x86_64-gp2"]}])["Images"], key=lambda i: i["CreationDate"], reverse=True)[0]["ImageId"]
            web = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t2.micro",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [
                    {"Key": "Name", "Value": "shop-web"}, {"Key": "Team", "Value": "shop"}]}])["Instances"][0]["InstanceId"]
            s3.create_bucket(Bucket="shop-assets", CreateBucketConfiguration={"LocationConstraint": region})
            s3.put_bucket_tagging(Bucket="shop-assets", Tagging={"TagSet": [{"Key": "Team", "Value": "shop"}]})
            s3.put_bucket_versioning(Bucket="shop-assets", VersioningConfiguration={"Status": "Enabled"})
            s3.put_bucket_policy(Bucket="shop-assets", Policy=json.dumps({"Version": "2012-10-17", "Statement": [{
                "Effect": "Deny", "Sid": "DenyInsecure", "Principal": "*", "Action": ["s3:*"],
                "Resource": ["arn:aws:s3:::shop-assets/*", "arn:aws:s3:::shop-assets"],
                "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}, indent=4))
            ddb.create_table(TableName="shop-orders", BillingMode="PAY_PER_REQUEST",
                KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                Tags=[{"Key": "Team", "Value": "shop"}])
            print(web)
            """)
        webID = out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs a boto3 script (`client(name)`, `region`, `ep` defined) against this moto.
    @discardableResult
    func boto(_ script: String) throws -> String {
        try Boto.run(script, endpoint: moto.endpoint, region: Self.region)
    }

    /// The environment drift runs with: moto's endpoint, test keys, scratch HOME, no AWS_REGION
    /// (the region comes from the provider block).
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = DriftBinary.motoEnvironment(endpoint: moto.endpoint, home: home.path, region: nil)
        for (k, v) in extra { env[k] = v }
        return env
    }

    func drift(_ arguments: [String], environment extra: [String: String] = [:]) throws -> DriftBinary.Result {
        try DriftBinary.run(arguments, environment: environment(extra), currentDirectory: home.path)
    }

    /// `drift scan --baseline <shop> --format json` parsed.
    func scanJSON(_ arguments: [String] = [], environment extra: [String: String] = [:]) throws -> (result: DriftBinary.Result, report: Value) {
        let result = try drift(["scan", "--baseline", directory.path, "--format", "json"] + arguments, environment: extra)
        guard !result.stdout.isEmpty else { throw NoReport(status: result.status, stderr: result.stderr) }
        return (result, try JSONParser.parse(result.stdout))
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// A v4 state recording the shop's resources with these ids, and `extra` (type, name, id).
    func stateFile(instanceID: String, extra: [(String, String, String)] = []) throws -> String {
        let resources: [(String, String, String)] = extra + [
            ("aws_instance", "web", instanceID), ("aws_s3_bucket", "assets", "shop-assets"),
            ("aws_s3_bucket_versioning", "assets", "shop-assets"), ("aws_s3_bucket_policy", "assets", "shop-assets"),
            ("aws_dynamodb_table", "orders", "shop-orders"),
        ]
        let doc: Value = .object([
            "version": 4, "terraform_version": "1.11.0", "serial": 1, "lineage": "test",
            "resources": .array(resources.map { type, name, id in
                .object([
                    "mode": "managed", "type": .string(type), "name": .string(name),
                    "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
                    "instances": .array([.object(["attributes": .object(["id": .string(id), "bucket": type.hasPrefix("aws_s3") ? .string(id) : .null])])]),
                ])
            }),
        ])
        let path = directory.deletingLastPathComponent().appendingPathComponent("applied.tfstate").path
        try doc.canonicalJSON(pretty: true).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// `drift scan` printed no report: its exit code and stderr say why.
struct NoReport: Error, CustomStringConvertible {
    var status: Int32
    var stderr: String
    var description: String { "drift printed no report (exit \(status)): \(stderr)" }
}

extension Value {
    /// `findings` of a report as `kind address-or-id` lines, for compact assertions.
    var findingLines: [String] {
        (self["findings"]?.arrayValue ?? []).map { f in
            let who = f["address"]?.stringValue ?? "\(f["type"]?.stringValue ?? "") \(f["id"]?.stringValue ?? "")"
            let changes = (f["changes"]?.arrayValue ?? []).compactMap { $0["path"]?.stringValue }
            return "\(f["kind"]?.stringValue ?? "") \(who)" + (changes.isEmpty ? "" : " " + changes.joined(separator: ","))
        }
    }
}
