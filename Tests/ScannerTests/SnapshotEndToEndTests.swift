import DriftModel
import Foundation
import TestSupport
import Testing

/// `drift snapshot` run as a user would, against a real moto seeded with boto3.
@Suite("drift snapshot end to end against moto", .serialized)
final class SnapshotEndToEndTests {
    let moto: MotoServer
    let home: String
    let ids: [String: String]

    init() throws {
        moto = try MotoServer()
        home = FileManager.default.temporaryDirectory.appendingPathComponent("drift-scan-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let out = try Boto.run(Self.seed, endpoint: moto.endpoint)
        let parsed = try JSONParser.parse(out.trimmingCharacters(in: .whitespacesAndNewlines))
        ids = (parsed.objectValue ?? [:]).compactMapValues(\.stringValue)
    }

    deinit {
        moto.stop()
        try? FileManager.default.removeItem(atPath: home)
    }

    static let seed = """
        ec2 = client("ec2"); s3 = client("s3"); ddb = client("dynamodb")
        ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
        vpc = ec2.create_vpc(CidrBlock="10.1.0.0/16")["Vpc"]["VpcId"]
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.1.1.0/24", AvailabilityZone="us-east-1b")["Subnet"]["SubnetId"]
        sg = ec2.create_security_group(GroupName="web", Description="web", VpcId=vpc)["GroupId"]
        ec2.create_key_pair(KeyName="deployer")
        web = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.small", SubnetId=subnet,
            SecurityGroupIds=[sg], KeyName="deployer", Monitoring={"Enabled": True}, UserData="#!/bin/sh\\necho hello\\n",
            InstanceInitiatedShutdownBehavior="terminate",
            TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "web-1"}, {"Key": "Team", "Value": "platform"}]}],
        )["Instances"][0]["InstanceId"]
        gone = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t2.nano")["Instances"][0]["InstanceId"]
        ec2.terminate_instances(InstanceIds=[gone])
        s3.create_bucket(Bucket="acme-assets")
        s3.create_bucket(Bucket="acme-bare")
        client("s3", "eu-west-1").create_bucket(Bucket="acme-far", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        s3.put_bucket_tagging(Bucket="acme-assets", Tagging={"TagSet": [{"Key": "Team", "Value": "web"}]})
        s3.put_bucket_versioning(Bucket="acme-assets", VersioningConfiguration={"Status": "Enabled"})
        s3.put_bucket_encryption(Bucket="acme-assets", ServerSideEncryptionConfiguration={"Rules": [
            {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]})
        s3.put_public_access_block(Bucket="acme-assets", PublicAccessBlockConfiguration={"BlockPublicAcls": True,
            "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
        s3.put_bucket_policy(Bucket="acme-assets", Policy=json.dumps({"Version": "2012-10-17", "Statement": [
            {"Sid": "Deny", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::acme-assets/*",
             "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}, indent=2))
        s3.put_bucket_lifecycle_configuration(Bucket="acme-assets", LifecycleConfiguration={"Rules": [
            {"ID": "expire", "Status": "Enabled", "Filter": {"Prefix": "tmp/"}, "Expiration": {"Days": 7}}]})
        s3.put_bucket_acl(Bucket="acme-bare", ACL="log-delivery-write")
        s3.put_bucket_logging(Bucket="acme-assets", BucketLoggingStatus={"LoggingEnabled": {"TargetBucket": "acme-bare", "TargetPrefix": "logs/"}})
        s3.put_bucket_ownership_controls(Bucket="acme-assets", OwnershipControls={"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]})
        ddb.create_table(TableName="orders", BillingMode="PROVISIONED",
            ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 3},
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"}],
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
            StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"},
            Tags=[{"Key": "Team", "Value": "orders"}])
        ddb.update_continuous_backups(TableName="orders", PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
        ddb.update_time_to_live(TableName="orders", TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})
        ddb.create_table(TableName="locks", BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "LockID", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "LockID", "KeyType": "HASH"}])
        print(json.dumps({"web": web, "gone": gone, "subnet": subnet, "sg": sg, "ami": ami}))
        """

    func snapshot(_ extra: [String] = []) throws -> (Snapshot, DriftBinary.Result) {
        let out = home + "/snap-\(UUID().uuidString).json"
        let result = try DriftBinary.run(
            ["snapshot", "--out", out] + extra, environment: DriftBinary.motoEnvironment(endpoint: moto.endpoint, home: home))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        return (try Snapshot(json: try JSONParser.parse(text)), result)
    }

    @Test("every type is described with the provider's attribute names and shapes")
    func attributes() throws {
        let (snap, result) = try snapshot()
        #expect(result.stdout.isEmpty)
        #expect(snap.errors == [])
        #expect(snap.region == "us-east-1")
        #expect(snap.account == "123456789012")
        #expect(snap.omitted["aws_instance"] == [
            "disable_api_stop", "disable_api_termination", "instance_initiated_shutdown_behavior", "user_data"])

        #expect(snap.resources.filter { $0.type == "aws_instance" }.map(\.id) == [ids["web"]])
        let web = try #require(snap.resource(type: "aws_instance", id: ids["web"] ?? "")).attributes
        #expect(web["ami"] == .string(ids["ami"] ?? ""))
        #expect(web["instance_type"] == "t3.small")
        #expect(web["availability_zone"] == "us-east-1b")
        #expect(web["subnet_id"] == .string(ids["subnet"] ?? ""))
        #expect(web["vpc_security_group_ids"] == [.string(ids["sg"] ?? "")])
        #expect(web["key_name"] == "deployer")
        #expect(web["monitoring"] == true)
        #expect(web["ebs_optimized"] == false)
        #expect(web["tenancy"] == "default")
        #expect(web["instance_state"] == "running")
        #expect(web["tags"] == ["Name": "web-1", "Team": "platform"])
        #expect(web["user_data"] == nil)

        #expect(snap.resources.filter { $0.type == "aws_s3_bucket" }.map(\.id) == ["acme-assets", "acme-bare"])
        #expect(snap.resource(type: "aws_s3_bucket", id: "acme-assets")?.attributes == [
            "bucket": "acme-assets", "region": "us-east-1", "tags": ["Team": "web"], "arn": "arn:aws:s3:::acme-assets"])
        #expect(snap.resource(type: "aws_s3_bucket_versioning", id: "acme-assets")?.attributes == [
            "bucket": "acme-assets", "versioning_configuration": [["status": "Enabled"]]])
        #expect(snap.resource(type: "aws_s3_bucket_versioning", id: "acme-bare") == nil)
        #expect(snap.resource(type: "aws_s3_bucket_server_side_encryption_configuration", id: "acme-assets")?
            .attributes["rule"] == [["apply_server_side_encryption_by_default": [["sse_algorithm": "AES256"]], "bucket_key_enabled": false]])
        #expect(snap.resource(type: "aws_s3_bucket_public_access_block", id: "acme-assets")?.attributes == [
            "bucket": "acme-assets", "block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true,
            "restrict_public_buckets": true])
        #expect(snap.resource(type: "aws_s3_bucket_policy", id: "acme-assets")?.attributes["policy"] == .string(
            #"{"Statement":[{"Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":"false"}},"Effect":"Deny","#
            + #""Principal":"*","Resource":"arn:aws:s3:::acme-assets/*","Sid":"Deny"}],"Version":"2012-10-17"}"#))
        #expect(snap.resource(type: "aws_s3_bucket_lifecycle_configuration", id: "acme-assets")?.attributes["rule"] == [[
            "id": "expire", "status": "Enabled", "filter": [["prefix": "tmp/"]], "expiration": [["days": 7, "expired_object_delete_marker": false]]]])
        #expect(snap.resource(type: "aws_s3_bucket_logging", id: "acme-assets")?.attributes == [
            "bucket": "acme-assets", "target_bucket": "acme-bare", "target_prefix": "logs/"])
        #expect(snap.resource(type: "aws_s3_bucket_ownership_controls", id: "acme-assets")?.attributes == [
            "bucket": "acme-assets", "rule": [["object_ownership": "BucketOwnerEnforced"]]])
        #expect(snap.resource(type: "aws_s3_bucket_acl", id: "acme-bare")?.attributes["access_control_policy"] != nil)
        for absent in ["aws_s3_bucket_policy", "aws_s3_bucket_public_access_block", "aws_s3_bucket_lifecycle_configuration",
                       "aws_s3_bucket_logging", "aws_s3_bucket_ownership_controls"] {
            #expect(snap.resource(type: absent, id: "acme-bare") == nil, "\(absent) should be absent")
        }

        let orders = try #require(snap.resource(type: "aws_dynamodb_table", id: "orders")).attributes
        #expect(orders["name"] == "orders")
        #expect(orders["billing_mode"] == "PROVISIONED")
        #expect(orders["hash_key"] == "pk")
        #expect(orders["range_key"] == "sk")
        #expect(orders["attribute"] == [["name": "pk", "type": "S"], ["name": "sk", "type": "N"]])
        #expect(orders["read_capacity"] == 5)
        #expect(orders["write_capacity"] == 3)
        #expect(orders["stream_enabled"] == true)
        #expect(orders["stream_view_type"] == "NEW_IMAGE")
        #expect(orders["point_in_time_recovery"]?.arrayValue?.first?["enabled"] == true)
        #expect(orders["ttl"] == [["attribute_name": "expires", "enabled": true]])
        #expect(orders["tags"] == ["Team": "orders"])
        #expect(orders["table_class"] == "STANDARD")
        #expect(orders["deletion_protection_enabled"] == false)
        let locks = try #require(snap.resource(type: "aws_dynamodb_table", id: "locks")).attributes
        #expect(locks["billing_mode"] == "PAY_PER_REQUEST")
        #expect(locks["point_in_time_recovery"] == [["enabled": false]])
        #expect(locks["ttl"] == [["attribute_name": "", "enabled": false]])
        #expect(locks["tags"] == [:])
    }

    @Test("two snapshots of an unchanged account are byte-identical apart from takenAt")
    func deterministic() throws {
        let env = DriftBinary.motoEnvironment(endpoint: moto.endpoint, home: home)
        let first = try DriftBinary.run(["snapshot", "--quiet"], environment: env)
        let second = try DriftBinary.run(["snapshot", "--quiet", "--concurrency", "3"], environment: env)
        #expect(first.status == 0 && second.status == 0)
        func strip(_ text: String) -> String {
            text.split(separator: "\n").filter { !$0.contains("\"takenAt\"") }.joined(separator: "\n")
        }
        #expect(!first.stdout.isEmpty)
        #expect(strip(first.stdout) == strip(second.stdout))
        #expect(first.stdout.hasPrefix("{\n  \"account\": \"123456789012\",\n"))
    }

    @Test("a bucket of another region is listed only with --all-regions, with its region")
    func otherRegion() throws {
        let (plain, _) = try snapshot()
        #expect(plain.resource(type: "aws_s3_bucket", id: "acme-far") == nil)
        let (all, _) = try snapshot(["--all-regions"])
        #expect(all.resource(type: "aws_s3_bucket", id: "acme-far")?.attributes["region"] == "eu-west-1")
        #expect(all.errors == [])
    }

    @Test("--instance-attributes adds user_data as SHA-1 and the protection flags, and omits nothing")
    func instanceAttributes() throws {
        let (snap, _) = try snapshot(["--instance-attributes", "--services", "ec2"])
        let web = try #require(snap.resource(type: "aws_instance", id: ids["web"] ?? "")).attributes
        #expect(web["user_data"] == "9db6f074fca0a903137b91c7c866b21d4e7205a7")
        #expect(web["disable_api_termination"] == false)
        #expect(web["disable_api_stop"] == false)
        #expect(web["instance_initiated_shutdown_behavior"] == "terminate")
        #expect(snap.omitted.isEmpty)
        #expect(snap.resources.allSatisfy { ResourceType.named($0.type)?.service == .ec2 })
        #expect(snap.resources.contains { $0.type == "aws_security_group" }, "the ec2 service covers groups too")
    }
}
