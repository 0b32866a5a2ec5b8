#!/usr/bin/env python3
"""Create in a local emulator what a baseline declares, without Terraform.

Reads the JSON of `drift baseline --format json` on stdin (so the example baselines are the single
source of truth) and creates every aws_security_group (in the default VPC, inline rules as
declared), aws_instance (in the declared groups), aws_s3_bucket (with its split settings: versioning,
encryption, public access block, policy) and aws_dynamodb_table (with its indexes, stream, TTL and
point-in-time recovery) it lists, with boto3 against $AWS_ENDPOINT_URL, as `terraform apply` would.
Unknown values (an AMI from a data source) are filled with what the emulator has. Prints one line per
resource made.

  drift baseline --baseline baselines/seed --format json | scripts/seed-from-baseline.py --region us-east-1 \
      [--baseline baselines/seed]

With --baseline, an AMI the configuration looks up with a `data "aws_ami"` block (owners, name and
other filters, most_recent) is chosen as the data source chooses it: the newest matching image, so
that `drift scan`, which reads the data source live, finds the instances in sync.
"""
import argparse, json, os, sys

# Run inside the project's virtual environment (scripts/bootstrap), whose python has boto3 and whose
# bin/ holds moto_server; a distribution's Python has neither (PEP 668).
_venv_bin = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".venv", "bin")
if os.path.isdir(_venv_bin) and os.path.realpath(sys.prefix) != os.path.realpath(os.path.join(_venv_bin, "..")):
    os.environ["PATH"] = os.path.realpath(_venv_bin) + os.pathsep + os.environ.get("PATH", "")
    os.execv(os.path.join(_venv_bin, "python3"), [os.path.join(_venv_bin, "python3")] + sys.argv)

import glob, re

import boto3


def clients(region):
    kw = dict(endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name=region,
              aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID", "test"),
              aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY", "test"))
    return boto3.client("ec2", **kw), boto3.client("s3", **kw), boto3.client("dynamodb", **kw)


def ami_lookup(baseline):
    """owners and filters of the first data "aws_ami" block in the baseline's .tf files (a plain
    reading of simple blocks, enough for the example baselines), or None."""
    for path in sorted(glob.glob(os.path.join(baseline, "**", "*.tf"), recursive=True)):
        text = open(path).read()
        m = re.search(r'data\s+"aws_ami"\s+"[^"]+"\s*\{', text)
        if not m:
            continue
        depth, i = 1, m.end()
        while depth and i < len(text):
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        body = text[m.end():i - 1]
        owners = re.findall(r'"([^"]*)"', (re.search(r'owners\s*=\s*\[([^\]]*)\]', body) or [None, ""])[1])
        filters = [{"Name": name, "Values": re.findall(r'"([^"]*)"', values)}
                   for name, values in re.findall(r'filter\s*\{\s*name\s*=\s*"([^"]+)"\s*values\s*=\s*\[([^\]]*)\]', body)]
        return owners, filters
    return None


def newest_image(ec2, lookup):
    owners, filters = lookup if lookup else (["amazon"], [])
    kw = {"Owners": owners} if owners else {}
    if filters:
        kw["Filters"] = filters
    images = ec2.describe_images(**kw)["Images"]
    return sorted(images, key=lambda i: i.get("CreationDate", ""), reverse=True)[0]


def tag_list(tags):
    return [{"Key": k, "Value": str(v)} for k, v in sorted((tags or {}).items())]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--region", default=os.environ.get("AWS_REGION", "us-east-1"))
    ap.add_argument("--baseline", help="the baseline directory, for its data \"aws_ami\" lookup")
    # An instance whose AMI comes from a data source is unknown offline; drift scan reads that
    # data source live, so the seed uses the image it will read: the newest Amazon image by this
    # name (baselines/seed's aws_ami lookup), ties in API order as the provider's sort keeps them.
    ap.add_argument("--ami-name", default="amzn-ami-hvm-*-x86_64-gp2")
    args = ap.parse_args()
    doc = json.load(sys.stdin)
    ec2, s3, ddb = clients(args.region)
    by_type = {}
    for r in doc.get("resources", []):
        by_type.setdefault(r["type"], []).append(r)

    for r in by_type.get("aws_s3_bucket", []):
        a = r["attributes"]
        name = a["bucket"]
        if args.region == "us-east-1":
            s3.create_bucket(Bucket=name)
        else:
            s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": args.region})
        tags = a.get("tags_all") or a.get("tags") or {}
        if tags:
            s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": tag_list(tags)})
        print(f"created {r['address']}: bucket {name}")
    for r in by_type.get("aws_s3_bucket_versioning", []):
        a = r["attributes"]
        status = (a.get("versioning_configuration") or [{}])[0].get("status", "Enabled")
        s3.put_bucket_versioning(Bucket=a["bucket"], VersioningConfiguration={"Status": status})
        print(f"created {r['address']}: versioning {status}")
    for r in by_type.get("aws_s3_bucket_server_side_encryption_configuration", []):
        a = r["attributes"]
        rules = []
        for rule in a.get("rule") or []:
            default = (rule.get("apply_server_side_encryption_by_default") or [{}])[0]
            by_default = {"SSEAlgorithm": default.get("sse_algorithm") or "AES256"}
            if default.get("kms_master_key_id"):
                by_default["KMSMasterKeyID"] = default["kms_master_key_id"]
            rules.append({"ApplyServerSideEncryptionByDefault": by_default,
                          "BucketKeyEnabled": bool(rule.get("bucket_key_enabled"))})
        s3.put_bucket_encryption(Bucket=a["bucket"], ServerSideEncryptionConfiguration={"Rules": rules})
        print(f"created {r['address']}: encryption")
    for r in by_type.get("aws_s3_bucket_public_access_block", []):
        a = r["attributes"]
        s3.put_public_access_block(Bucket=a["bucket"], PublicAccessBlockConfiguration={
            "BlockPublicAcls": bool(a.get("block_public_acls")), "IgnorePublicAcls": bool(a.get("ignore_public_acls")),
            "BlockPublicPolicy": bool(a.get("block_public_policy")),
            "RestrictPublicBuckets": bool(a.get("restrict_public_buckets"))})
        print(f"created {r['address']}: public access block")
    for r in by_type.get("aws_s3_bucket_policy", []):
        a = r["attributes"]
        s3.put_bucket_policy(Bucket=a["bucket"], Policy=a["policy"])
        print(f"created {r['address']}: policy")
    for r in by_type.get("aws_dynamodb_table", []):
        create_table(ddb, r)
    groups = []
    for r in by_type.get("aws_security_group", []):
        a = r["attributes"]
        tags = a.get("tags_all") or a.get("tags") or {}
        kw = dict(GroupName=a["name"], Description=a.get("description") or "Managed by Terraform")
        if tags:
            kw["TagSpecifications"] = [{"ResourceType": "security-group", "Tags": tag_list(tags)}]
        gid = ec2.create_security_group(**kw)["GroupId"]
        # As Terraform does: AWS's default allow-all egress goes, the declared rules come in.
        ec2.revoke_security_group_egress(GroupId=gid, IpPermissions=[
            {"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
        for kind, authorize in (("ingress", ec2.authorize_security_group_ingress),
                                ("egress", ec2.authorize_security_group_egress)):
            for rule in a.get(kind) or []:
                permission = {"IpProtocol": rule.get("protocol") or "-1",
                              "IpRanges": [{"CidrIp": c, "Description": rule.get("description") or ""}
                                           for c in rule.get("cidr_blocks") or []]}
                if permission["IpProtocol"] != "-1":
                    permission.update(FromPort=int(rule.get("from_port") or 0), ToPort=int(rule.get("to_port") or 0))
                for entry in permission["IpRanges"]:
                    if not entry["Description"]:
                        del entry["Description"]
                authorize(GroupId=gid, IpPermissions=[permission])
        groups.append(gid)
        print(f"created {r['address']}: security group {gid}")
    if args.baseline:
        ami = newest_image(ec2, ami_lookup(args.baseline))
    else:
        images = ec2.describe_images(Owners=["amazon"], Filters=[{"Name": "name", "Values": [args.ami_name]}])["Images"]
        images = images or ec2.describe_images(Owners=["amazon"])["Images"]
        ami = sorted(images, key=lambda i: i["CreationDate"][:19], reverse=True)[0]
    for r in by_type.get("aws_instance", []):
        a = r["attributes"]
        tags = a.get("tags_all") or a.get("tags") or {}
        kw = dict(ImageId=a.get("ami") or ami["ImageId"], MinCount=1, MaxCount=1,
                  InstanceType=a.get("instance_type", "t2.micro"), Monitoring={"Enabled": bool(a.get("monitoring"))})
        if tags:
            kw["TagSpecifications"] = [{"ResourceType": "instance", "Tags": tag_list(tags)}]
        if a.get("metadata_options"):
            m = a["metadata_options"][0]
            kw["MetadataOptions"] = {k: v for k, v in {
                "HttpEndpoint": m.get("http_endpoint"), "HttpTokens": m.get("http_tokens"),
                "HttpProtocolIpv6": m.get("http_protocol_ipv6")}.items() if v}
        if a.get("root_block_device"):
            d = a["root_block_device"][0]
            ebs = {k: v for k, v in {
                "VolumeSize": d.get("volume_size"), "VolumeType": d.get("volume_type"),
                "Encrypted": d.get("encrypted"), "DeleteOnTermination": d.get("delete_on_termination")}.items()
                if v is not None}
            kw["BlockDeviceMappings"] = [{"DeviceName": ami.get("RootDeviceName") or "/dev/sda1", "Ebs": ebs}]
        # vpc_security_group_ids refers to groups made by the same apply (unknown offline): the
        # declared groups.
        if "vpc_security_group_ids" in (r.get("unknown") or []) and groups:
            kw["SecurityGroupIds"] = groups
        iid = ec2.run_instances(**kw)["Instances"][0]["InstanceId"]
        print(f"created {r['address']}: instance {iid}")
        if a.get("user_data"):
            # drift never prints user_data, only its SHA-1: the content cannot be rebuilt from it.
            print(f"not seeded: {r['address']}.user_data (the baseline holds only its hash)")


def create_table(ddb, r):
    """A table as the provider creates it: keys, indexes, stream, then TTL and point-in-time recovery."""
    a = r["attributes"]
    provisioned = a.get("billing_mode", "PROVISIONED") == "PROVISIONED"

    def throughput(x):
        return {"ReadCapacityUnits": int(x.get("read_capacity") or 1),
                "WriteCapacityUnits": int(x.get("write_capacity") or 1)}

    def keys(x):
        return ([{"AttributeName": x["hash_key"], "KeyType": "HASH"}]
                + ([{"AttributeName": x["range_key"], "KeyType": "RANGE"}] if x.get("range_key") else []))

    def projection(x):
        p = {"ProjectionType": x.get("projection_type") or "ALL"}
        if x.get("non_key_attributes"):
            p["NonKeyAttributes"] = sorted(x["non_key_attributes"])
        return p

    kw = dict(TableName=a["name"], KeySchema=keys(a), BillingMode=a.get("billing_mode", "PROVISIONED"),
              AttributeDefinitions=[{"AttributeName": x["name"], "AttributeType": x["type"]}
                                    for x in a.get("attribute", [])])
    if provisioned:
        kw["ProvisionedThroughput"] = throughput(a)
    gsis = []
    for g in a.get("global_secondary_index") or []:
        index = {"IndexName": g["name"], "KeySchema": keys(g), "Projection": projection(g)}
        if provisioned:
            index["ProvisionedThroughput"] = throughput(g)
        gsis.append(index)
    if gsis:
        kw["GlobalSecondaryIndexes"] = gsis
    lsis = [{"IndexName": l["name"], "Projection": projection(l),
             "KeySchema": [{"AttributeName": a["hash_key"], "KeyType": "HASH"},
                           {"AttributeName": l["range_key"], "KeyType": "RANGE"}]}
            for l in a.get("local_secondary_index") or []]
    if lsis:
        kw["LocalSecondaryIndexes"] = lsis
    if a.get("stream_enabled"):
        kw["StreamSpecification"] = {"StreamEnabled": True, "StreamViewType": a.get("stream_view_type") or "NEW_AND_OLD_IMAGES"}
    sse = (a.get("server_side_encryption") or [{}])[0]
    if sse.get("enabled"):
        kw["SSESpecification"] = {"Enabled": True, "SSEType": "KMS"}
        if sse.get("kms_key_arn"):
            kw["SSESpecification"]["KMSMasterKeyId"] = sse["kms_key_arn"]
    if a.get("table_class"):
        kw["TableClass"] = a["table_class"]
    if a.get("deletion_protection_enabled"):
        kw["DeletionProtectionEnabled"] = True
    tags = a.get("tags_all") or a.get("tags") or {}
    if tags:
        kw["Tags"] = tag_list(tags)
    ddb.create_table(**kw)
    ttl = (a.get("ttl") or [{}])[0]
    if ttl.get("enabled"):
        ddb.update_time_to_live(TableName=a["name"], TimeToLiveSpecification={
            "Enabled": True, "AttributeName": ttl["attribute_name"]})
    if (a.get("point_in_time_recovery") or [{}])[0].get("enabled"):
        ddb.update_continuous_backups(TableName=a["name"], PointInTimeRecoverySpecification={
            "PointInTimeRecoveryEnabled": True})
    print(f"created {r['address']}: table {a['name']}")


if __name__ == "__main__":
    main()
