import DriftModel
import Foundation
import Testing
import TestSupport

/// Security groups and their rules, volumes, elastic IPs, key pairs, VPCs and subnets, end to end
/// against moto: in sync, drifted, unmanaged and missing, with state and without. One moto for the
/// whole story, as in the other end-to-end suites.
@Suite("Security groups, volumes, elastic IPs, key pairs and networks end to end", .serialized)
struct NetworkEndToEndTests {
    static let modes: [String] = ["nostate", "state"]

    func scan(_ net: NetworkFixture, _ mode: String) throws -> (DriftBinary.Result, Value) {
        try net.scanJSON(mode == "state" ? ["--state", try net.stateFile()] : [])
    }

    @Test("as built: in sync in both modes; AWS's defaults and root volumes are never unmanaged")
    func inSync() throws {
        let net = try NetworkFixture()
        try net.seed()
        // An instance brings a root volume, and the region has its default VPC, subnets and group.
        try net.boto("""
            ec2 = client("ec2")
            ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.micro")
            """)
        for mode in Self.modes {
            let (result, report) = try scan(net, mode)
            let unmanaged = report.findingLines.filter { $0.hasPrefix("unmanaged") && !$0.hasPrefix("unmanaged aws_instance ") }
            #expect(unmanaged == [], "\(mode)")
            #expect(report.findingLines.filter { !$0.hasPrefix("unmanaged") } == [], "\(mode) \(result.stderr)")
            #expect(report["errors"] == [], "\(mode)")
            #expect(report["summary"]?["inSync"] == 8, "\(mode)")
            #expect(!(report["warnings"]?.arrayValue ?? []).contains { $0["code"] == "NotScanned" }, "\(mode)")
        }
    }

    @Test("port 22 opened by hand: drift of an inline group, an unmanaged sgr- rule of a group with separate rules")
    func openedPort() throws {
        let net = try NetworkFixture()
        try net.seed()
        let web = net.ids["aws_security_group.web"] ?? "", db = net.ids["aws_security_group.db"] ?? ""
        try net.boto("""
            ec2 = client("ec2")
            for g in [\(String(reflecting: web)), \(String(reflecting: db))]:
                ec2.authorize_security_group_ingress(GroupId=g, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 22,
                    "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "tonight only"}]}])
            """)
        let ruleID = try net.boto("""
            ec2 = client("ec2")
            print([r["SecurityGroupRuleId"] for r in ec2.describe_security_group_rules(
                Filters=[{"Name": "group-id", "Values": [\(String(reflecting: db))]}])["SecurityGroupRules"]
                if r.get("FromPort") == 22][0])
            """).trimmingCharacters(in: .whitespacesAndNewlines)
        for mode in Self.modes {
            let (result, report) = try scan(net, mode)
            #expect(result.status == 2, "\(mode) \(result.stderr)")
            #expect(report.findingLines.sorted() == [
                "drifted aws_security_group.web ingress",
                "unmanaged aws_vpc_security_group_ingress_rule \(ruleID)",
            ], "\(mode)")
            let findings = report["findings"]?.arrayValue ?? []
            let unmanaged = findings.first { $0["kind"] == "unmanaged" }
            #expect(unmanaged?["name"]?.stringValue == db, "the rule's group")
            let change = findings.first { $0["kind"] == "drifted" }?["changes"]?.arrayValue?.first
            #expect(change?["source"] == "main.tf:28:3")
            let live = change?["live"]?.arrayValue ?? []
            #expect(live.contains { $0["from_port"] == 22 && $0["cidr_blocks"] == ["0.0.0.0/0"] }, "\(live)")
        }
        // Silenced by type, the opened rule is not reported (and the rules call is skipped).
        try net.write(".driftignore", "aws_vpc_security_group_ingress_rule.*\n")
        let (_, report) = try scan(net, "nostate")
        #expect(report.findingLines == ["drifted aws_security_group.web ingress"])
    }

    @Test("changed by hand: a volume grown, a subnet made public, a VPC re-tagged, a rule's description")
    func drifted() throws {
        let net = try NetworkFixture()
        try net.seed()
        let ids = net.ids
        try net.boto("""
            ec2 = client("ec2")
            ec2.modify_volume(VolumeId=\(String(reflecting: ids["aws_ebs_volume.data"] ?? "")), Size=20)
            ec2.modify_subnet_attribute(SubnetId=\(String(reflecting: ids["aws_subnet.a"] ?? "")),
                MapPublicIpOnLaunch={"Value": True})
            ec2.create_tags(Resources=[\(String(reflecting: ids["aws_vpc.main"] ?? ""))], Tags=[{"Key": "Owner", "Value": "ops"}])
            ec2.create_tags(Resources=[\(String(reflecting: ids["aws_eip.web"] ?? ""))], Tags=[{"Key": "Name", "Value": "net-eip"},
                {"Key": "Env", "Value": "prod"}])
            """)
        for mode in Self.modes {
            let (result, report) = try scan(net, mode)
            #expect(result.status == 2, "\(mode)")
            #expect(report.findingLines.sorted() == [
                "drifted aws_ebs_volume.data size",
                "drifted aws_eip.web tags.Env",
                "drifted aws_subnet.a map_public_ip_on_launch",
                "drifted aws_vpc.main tags.Owner",
            ], "\(mode) \(result.stderr)")
        }
    }

    @Test("made by hand: a group, a volume, an address, a key pair, a VPC and a subnet are unmanaged")
    func unmanaged() throws {
        let net = try NetworkFixture()
        try net.seed()
        let out = try net.boto("""
            ec2 = client("ec2")
            vpc = ec2.create_vpc(CidrBlock="10.99.0.0/16")["Vpc"]["VpcId"]
            subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.99.1.0/24")["Subnet"]["SubnetId"]
            sg = ec2.create_security_group(GroupName="scratch", Description="scratch", VpcId=vpc)["GroupId"]
            vol = ec2.create_volume(AvailabilityZone="us-east-1a", Size=1)["VolumeId"]
            eip = ec2.allocate_address(Domain="vpc")["AllocationId"]
            ec2.create_key_pair(KeyName="laptop")
            print(" ".join([vpc, subnet, sg, vol, eip]))
            """).split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        for mode in Self.modes {
            let (_, report) = try scan(net, mode)
            #expect(report.findingLines.sorted() == [
                "unmanaged aws_ebs_volume \(out[3])", "unmanaged aws_eip \(out[4])", "unmanaged aws_key_pair laptop",
                "unmanaged aws_security_group \(out[2])", "unmanaged aws_subnet \(out[1])", "unmanaged aws_vpc \(out[0])",
            ], "\(mode)")
            let group = (report["findings"]?.arrayValue ?? []).first { $0["type"] == "aws_security_group" }
            #expect(group?["name"] == "scratch")
        }
    }

    @Test("deleted by hand: each declared resource is missing")
    func missing() throws {
        let net = try NetworkFixture()
        try net.seed()
        let ids = net.ids
        try net.boto("""
            ec2 = client("ec2")
            ec2.revoke_security_group_ingress(GroupId=\(String(reflecting: ids["aws_security_group.db"] ?? "")),
                SecurityGroupRuleIds=[\(String(reflecting: ids["aws_vpc_security_group_ingress_rule.db_postgres"] ?? ""))])
            ec2.delete_volume(VolumeId=\(String(reflecting: ids["aws_ebs_volume.data"] ?? "")))
            ec2.release_address(AllocationId=\(String(reflecting: ids["aws_eip.web"] ?? "")))
            ec2.delete_key_pair(KeyName="net-deploy")
            """)
        for mode in Self.modes {
            let (result, report) = try scan(net, mode)
            #expect(result.status == 2)
            #expect(report.findingLines.sorted() == [
                "missing aws_ebs_volume.data", "missing aws_eip.web", "missing aws_key_pair.deploy",
                "missing aws_vpc_security_group_ingress_rule.db_postgres",
            ], "\(mode) \(result.stderr)")
        }
    }
}

/// The resources that join others: a legacy `aws_security_group_rule` (found by the permissions it
/// describes), an `aws_volume_attachment` and an `aws_eip_association` (ids from state).
@Suite("Legacy rules, volume attachments and address associations end to end", .serialized)
struct JoiningResourcesEndToEndTests {
    static let box = """
        data "aws_ami" "base" {
          most_recent = true
          owners      = ["amazon"]
        }

        resource "aws_instance" "box" {
          ami           = data.aws_ami.base.id
          instance_type = "t2.micro"
          tags = {
            Name = "net-box"
          }
        }

        resource "aws_security_group" "app" {
          name        = "net-app"
          description = "app"
          vpc_id      = aws_vpc.main.id
          tags = {
            Name = "net-app"
          }
        }

        resource "aws_security_group_rule" "app_https" {
          type              = "ingress"
          security_group_id = aws_security_group.app.id
          protocol          = "tcp"
          from_port         = 443
          to_port           = 443
          cidr_blocks       = ["10.0.0.0/8", "192.168.0.0/16"]
        }

        resource "aws_volume_attachment" "data" {
          device_name = "/dev/sdh"
          volume_id   = aws_ebs_volume.data.id
          instance_id = aws_instance.box.id
        }

        resource "aws_eip_association" "web" {
          allocation_id = aws_eip.web.id
          instance_id   = aws_instance.box.id
        }
        """

    /// The network fixture plus `box.tf`, built; the ids of the new resources added to `ids`.
    static func built() throws -> (NetworkFixture, [String: String]) {
        let net = try NetworkFixture()
        let box = try net.boto("""
            ec2 = client("ec2")
            ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
            print(ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t2.micro",
                TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "net-box"}]}])[
                "Instances"][0]["InstanceId"])
            """).trimmingCharacters(in: .whitespacesAndNewlines)
        try net.seed()
        try net.write("box.tf", Self.box)
        let ids = net.ids
        let out = try net.boto("""
            ec2 = client("ec2")
            box = \(String(reflecting: box))
            ec2.modify_instance_attribute(InstanceId=box, Groups=[\(String(reflecting: ids["aws_security_group.web"] ?? ""))])
            app = ec2.create_security_group(GroupName="net-app", Description="app", VpcId=\(String(reflecting: ids["aws_vpc.main"] ?? "")),
                TagSpecifications=[{"ResourceType": "security-group", "Tags": [{"Key": "Name", "Value": "net-app"}]}])["GroupId"]
            ec2.revoke_security_group_egress(GroupId=app, IpPermissions=[{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
            ec2.authorize_security_group_ingress(GroupId=app, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
                "IpRanges": [{"CidrIp": "10.0.0.0/8"}, {"CidrIp": "192.168.0.0/16"}]}])
            ec2.attach_volume(VolumeId=\(String(reflecting: ids["aws_ebs_volume.data"] ?? "")), InstanceId=box, Device="/dev/sdh")
            assoc = ec2.associate_address(AllocationId=\(String(reflecting: ids["aws_eip.web"] ?? "")), InstanceId=box)["AssociationId"]
            print(json.dumps({"aws_instance.box": box, "aws_security_group.app": app, "aws_eip_association.web": assoc}))
            """)
        var all = ids
        for (k, v) in (try JSONParser.parse(out.trimmingCharacters(in: .whitespacesAndNewlines)).objectValue ?? [:]) {
            all[k] = v.stringValue
        }
        let volume = ids["aws_ebs_volume.data"] ?? ""
        all["aws_volume_attachment.data"] = "vai-\(CRC32.checksum("/dev/sdh-\(box)-\(volume)-"))"
        all["aws_security_group_rule.app_https"] = "sgrule-1"
        return (net, all)
    }

    func scan(_ net: NetworkFixture, ids: [String: String]) throws -> (DriftBinary.Result, Value) {
        let rule: [String: Value] = [
            "type": "ingress", "security_group_id": .string(ids["aws_security_group.app"] ?? ""), "protocol": "tcp",
            "from_port": 443, "to_port": 443, "cidr_blocks": ["10.0.0.0/8", "192.168.0.0/16"],
        ]
        return try net.scanJSON(["--state", try net.stateFile(ids: ids, recorded: ["aws_security_group_rule.app_https": rule])])
    }

    @Test("in sync with state; a revoked permission, a detached volume and a moved address are missing")
    func story() throws {
        let (net, ids) = try Self.built()
        let (result, report) = try scan(net, ids: ids)
        #expect(report.findingLines == [], "\(result.stderr)")
        #expect(report["errors"] == [])
        #expect(report["summary"]?["inSync"] == 13)

        // Without state the legacy rule is found by its permissions; the attachment by its device;
        // the association by its address and box, once those are found by their tags.
        let (_, nostate) = try net.scanJSON()
        #expect(nostate.findingLines == [])
        #expect(nostate["errors"] == [])
        #expect(nostate["summary"]?["inSync"] == 13)

        // drift check shows the rest of the box: its group with its rules, its volume and address.
        let env = DriftBinary.motoEnvironment(endpoint: net.moto.endpoint, home: net.home.path, region: nil)
        let check = try DriftBinary.run(
            ["check", "--baseline", net.directory.path, "net-box"], environment: env, currentDirectory: net.home.path)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let volume = ids["aws_ebs_volume.data"] ?? "", address = ids["aws_eip.web"] ?? ""
        #expect(check.stdout.contains("volume \(volume) (net-data)  aws_ebs_volume.data  in sync"), "\(check.stdout)")
        #expect(check.stdout.contains("elastic IP \(address) (net-eip)  aws_eip.web  in sync"), "\(check.stdout)")
        let web = ids["aws_security_group.web"] ?? ""
        #expect(check.stdout.contains("security group \(web) (net-web)  aws_security_group.web  in sync"), "\(check.stdout)")
        #expect(check.stdout.contains("ingress tcp 443 from 0.0.0.0/0, 10.0.0.0/8 \"https\""), "\(check.stdout)")
        // With state, only the box's own volumes, address, groups and rules are listed: the same picture.
        let stated = try DriftBinary.run(
            ["check", "--baseline", net.directory.path, "net-box", "--state", try net.stateFile(ids: ids, recorded: [
                "aws_security_group_rule.app_https": [
                    "type": "ingress", "security_group_id": .string(ids["aws_security_group.app"] ?? ""), "protocol": "tcp",
                    "from_port": 443, "to_port": 443, "cidr_blocks": ["10.0.0.0/8", "192.168.0.0/16"],
                ],
            ])],
            environment: env, currentDirectory: net.home.path)
        #expect(stated.status == 0, "\(stated.stdout)\(stated.stderr)")
        for line in ["volume \(volume) (net-data)  aws_ebs_volume.data  in sync", "elastic IP \(address) (net-eip)  aws_eip.web  in sync",
            "security group \(web) (net-web)  aws_security_group.web  in sync", "ingress tcp 443 from 0.0.0.0/0, 10.0.0.0/8 \"https\""]
        {
            #expect(stated.stdout.contains(line), "\(stated.stdout)")
        }
        #expect(!stated.stdout.contains("net-app"), "a group the box is not in is not about the box")

        // A port opened by hand in the group whose rules are legacy resources is unmanaged.
        let app = ids["aws_security_group.app"] ?? ""
        try net.boto("""
            ec2 = client("ec2")
            ec2.authorize_security_group_ingress(GroupId=\(String(reflecting: app)), IpPermissions=[{"IpProtocol": "tcp",
                "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
            """)
        let (_, opened) = try scan(net, ids: ids)
        #expect(opened.findingLines.count == 1)
        #expect(opened.findingLines.first?.hasPrefix("unmanaged aws_vpc_security_group_ingress_rule sgr-") == true)

        try net.boto("""
            ec2 = client("ec2")
            ec2.revoke_security_group_ingress(GroupId=\(String(reflecting: app)), IpPermissions=[{"IpProtocol": "tcp",
                "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "192.168.0.0/16"}]}])
            ec2.detach_volume(VolumeId=\(String(reflecting: ids["aws_ebs_volume.data"] ?? "")),
                InstanceId=\(String(reflecting: ids["aws_instance.box"] ?? "")), Device="/dev/sdh")
            ec2.disassociate_address(AssociationId=\(String(reflecting: ids["aws_eip_association.web"] ?? "")))
            """)
        let (_, gone) = try scan(net, ids: ids)
        #expect(gone.findingLines.filter { !$0.hasPrefix("unmanaged") }.sorted() == [
            "missing aws_eip_association.web", "missing aws_security_group_rule.app_https",
            "missing aws_volume_attachment.data",
        ])
    }

    @Test("a group declared by reference and swapped by hand on the box is drift, with state and without")
    func swappedGroup() throws {
        let (net, ids) = try Self.built()
        try net.write("box.tf", Self.box.replacingOccurrences(
            of: "instance_type = \"t2.micro\"",
            with: "instance_type = \"t2.micro\"\n  vpc_security_group_ids = [aws_security_group.web.id]"))
        for state in [true, false] {
            let (result, report) = state ? try scan(net, ids: ids) : try net.scanJSON()
            #expect(report.findingLines == [], "state \(state): \(result.stderr)")
            #expect(report["errors"] == [], "state \(state)")
            let unknown = (report["warnings"]?.arrayValue ?? []).compactMap { $0["message"]?.stringValue }
                .filter { $0.contains("vpc_security_group_ids") }
            #expect(unknown == [], "the group's id is known once the group is found: compared, not skipped")
        }
        try net.boto("""
            ec2 = client("ec2")
            ec2.modify_instance_attribute(InstanceId=\(String(reflecting: ids["aws_instance.box"] ?? "")),
                Groups=[\(String(reflecting: ids["aws_security_group.app"] ?? ""))])
            """)
        for state in [true, false] {
            let (result, report) = state ? try scan(net, ids: ids) : try net.scanJSON()
            #expect(result.status == 2, "state \(state): \(result.stderr)")
            #expect(report.findingLines == ["drifted aws_instance.box vpc_security_group_ids"], "state \(state)")
            let change = report["findings"]?.arrayValue?.first?["changes"]?.arrayValue?.first
            #expect(change?["declared"] == [.string(ids["aws_security_group.web"] ?? "")], "state \(state)")
            #expect(change?["live"] == [.string(ids["aws_security_group.app"] ?? "")], "state \(state)")
        }
        // drift check says the same of the box, without state.
        let env = DriftBinary.motoEnvironment(endpoint: net.moto.endpoint, home: net.home.path, region: nil)
        let check = try DriftBinary.run(
            ["check", "--baseline", net.directory.path, "net-box"], environment: env, currentDirectory: net.home.path)
        #expect(check.status == 2, "\(check.stdout)\(check.stderr)")
        let row = check.stdout.split(separator: "\n").first { $0.hasPrefix("~ vpc_security_group_ids") }.map(String.init) ?? ""
        let web = ids["aws_security_group.web"] ?? "", app = ids["aws_security_group.app"] ?? ""
        #expect(row.contains("[\"\(web)\"] → [\"\(app)\"]"), "\(check.stdout)")
    }

    @Test("drift check whose groups cannot be listed is unable, not a box with no groups")
    func relatedUnreadable() throws {
        let (net, ids) = try Self.built()
        let proxy = try FaultProxy(upstream: net.moto.endpoint, deniedActions: ["DescribeSecurityGroups"])
        defer { proxy.stop() }
        let env = DriftBinary.motoEnvironment(endpoint: proxy.endpoint, home: net.home.path, region: nil)
        let state = try net.stateFile(ids: ids)
        let check = try DriftBinary.run(
            ["check", "--baseline", net.directory.path, "--state", state, "net-box"], environment: env,
            currentDirectory: net.home.path)
        #expect(check.status == 2, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("UnauthorizedOperation") || check.stdout.contains("not authorized"), "\(check.stdout)")
        #expect(!check.stdout.contains("in sync\n"), "\(check.stdout)")
        #expect(proxy.requests.contains { $0.action == "DescribeSecurityGroups" && $0.injected })
    }
}
