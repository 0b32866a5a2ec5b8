import DriftModel
import Foundation
import TestSupport

/// The `Fixtures/network` baseline built in a private moto with boto3 as Terraform builds it (the
/// default egress rule of each new group revoked, then the declared rules added).
final class NetworkFixture {
    let moto: MotoServer
    let directory: URL
    let home: URL
    /// Address → live id, as `terraform apply` would record them.
    private(set) var ids: [String: String] = [:]

    init() throws {
        moto = try MotoServer()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("drift-net-\(UUID().uuidString)")
        directory = scratch.appendingPathComponent("network")
        home = scratch.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try ShopFixture.fixtures().appendingPathComponent("network"), to: directory)
    }

    deinit {
        moto.stop()
        try? FileManager.default.removeItem(at: directory.deletingLastPathComponent())
    }

    func seed() throws {
        let out = try boto("""
            ec2 = client("ec2")
            def tag(kind, name):
                return [{"ResourceType": kind, "Tags": [{"Key": "Name", "Value": name}]}]
            vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16", TagSpecifications=tag("vpc", "net-main"))["Vpc"]["VpcId"]
            subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.1.0/24", AvailabilityZone="us-east-1a",
                TagSpecifications=tag("subnet", "net-a"))["Subnet"]["SubnetId"]
            def group(name, description):
                gid = ec2.create_security_group(GroupName=name, Description=description, VpcId=vpc,
                    TagSpecifications=tag("security-group", name))["GroupId"]
                ec2.revoke_security_group_egress(GroupId=gid, IpPermissions=[
                    {"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
                return gid
            web = group("net-web", "web servers")
            ec2.authorize_security_group_ingress(GroupId=web, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 443,
                "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "https"},
                                            {"CidrIp": "10.0.0.0/8", "Description": "https"}]}])
            ec2.authorize_security_group_egress(GroupId=web, IpPermissions=[
                {"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
            db = group("net-db", "database")
            ec2.authorize_security_group_ingress(GroupId=db, IpPermissions=[{"IpProtocol": "tcp",
                "FromPort": 5432, "ToPort": 5432, "IpRanges": [{"CidrIp": "10.20.0.0/16"}]}])
            rule = [r for r in ec2.describe_security_group_rules(Filters=[{"Name": "group-id", "Values": [db]}])[
                "SecurityGroupRules"] if not r["IsEgress"]][0]
            volume = ec2.create_volume(AvailabilityZone="us-east-1a", Size=8,
                TagSpecifications=tag("volume", "net-data"))["VolumeId"]
            eip = ec2.allocate_address(Domain="vpc", TagSpecifications=tag("elastic-ip", "net-eip"))["AllocationId"]
            ec2.import_key_pair(KeyName="net-deploy", PublicKeyMaterial=b"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKOSyVWW3XWN1nmyaepSDXp7La1gkpF05MsSC56lideJ deploy")
            print(json.dumps({"aws_vpc.main": vpc, "aws_subnet.a": subnet, "aws_security_group.web": web,
                "aws_security_group.db": db, "aws_vpc_security_group_ingress_rule.db_postgres": rule["SecurityGroupRuleId"],
                "aws_ebs_volume.data": volume, "aws_eip.web": eip, "aws_key_pair.deploy": "net-deploy"}))
            """)
        let parsed = try JSONParser.parse(out.trimmingCharacters(in: .whitespacesAndNewlines))
        ids = (parsed.objectValue ?? [:]).compactMapValues(\.stringValue)
    }

    @discardableResult
    func boto(_ script: String) throws -> String {
        try Boto.run(script, endpoint: moto.endpoint, region: "us-east-1")
    }

    func scanJSON(_ arguments: [String] = []) throws -> (result: DriftBinary.Result, report: Value) {
        let env = DriftBinary.motoEnvironment(endpoint: moto.endpoint, home: home.path, region: nil)
        let result = try DriftBinary.run(
            ["scan", "--baseline", directory.path, "--format", "json"] + arguments, environment: env,
            currentDirectory: home.path)
        guard !result.stdout.isEmpty else { throw NoReport(status: result.status, stderr: result.stderr) }
        return (result, try JSONParser.parse(result.stdout))
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// A v4 state recording `ids` (the key pair by name, as the provider does), or the given ones.
    /// `recorded` adds attributes the state records beside the id, by address.
    func stateFile(ids given: [String: String]? = nil, recorded: [String: [String: Value]] = [:]) throws -> String {
        let ids = given ?? self.ids
        let resources: [Value] = ids.keys.sorted().map { address in
            let parts = address.split(separator: ".").map(String.init)
            var attributes: [String: Value] = ["id": .string(ids[address] ?? "")]
            if parts[0] == "aws_key_pair" { attributes["key_name"] = .string(ids[address] ?? "") }
            attributes.merge(recorded[address] ?? [:]) { _, given in given }
            return .object([
                "mode": "managed", "type": .string(parts[0]), "name": .string(parts[1]),
                "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
                "instances": .array([.object(["attributes": .object(attributes)])]),
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
