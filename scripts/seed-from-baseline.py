#!/usr/bin/env python3
"""Create in a local emulator what a baseline declares, without Terraform.

Reads the JSON of `drift baseline --format json` on stdin (so the example baselines are the single
source of truth) and creates every aws_security_group (in the default VPC, inline rules as
declared), aws_instance (in the declared groups), aws_s3_bucket (+ versioning) and
aws_dynamodb_table it lists, with boto3 against $AWS_ENDPOINT_URL. Unknown values (an AMI from a
data source) are filled with what the emulator has. Prints one line per resource made.

  drift baseline --baseline baselines/seed --format json | scripts/seed-from-baseline.py --region us-east-1
"""
import argparse, json, os, sys

import boto3


def clients(region):
    kw = dict(endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name=region,
              aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID", "test"),
              aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY", "test"))
    return boto3.client("ec2", **kw), boto3.client("s3", **kw), boto3.client("dynamodb", **kw)


def tag_list(tags):
    return [{"Key": k, "Value": str(v)} for k, v in sorted((tags or {}).items())]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--region", default=os.environ.get("AWS_REGION", "us-east-1"))
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
    for r in by_type.get("aws_dynamodb_table", []):
        a = r["attributes"]
        kw = dict(TableName=a["name"],
                  AttributeDefinitions=[{"AttributeName": x["name"], "AttributeType": x["type"]}
                                        for x in a.get("attribute", [])],
                  KeySchema=[{"AttributeName": a["hash_key"], "KeyType": "HASH"}]
                  + ([{"AttributeName": a["range_key"], "KeyType": "RANGE"}] if a.get("range_key") else []),
                  BillingMode=a.get("billing_mode", "PROVISIONED"))
        if kw["BillingMode"] == "PROVISIONED":
            kw["ProvisionedThroughput"] = {"ReadCapacityUnits": int(a.get("read_capacity") or 1),
                                           "WriteCapacityUnits": int(a.get("write_capacity") or 1)}
        tags = a.get("tags_all") or a.get("tags") or {}
        if tags:
            kw["Tags"] = tag_list(tags)
        ddb.create_table(**kw)
        print(f"created {r['address']}: table {a['name']}")
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
    images = ec2.describe_images(Owners=["amazon"], Filters=[{"Name": "name", "Values": [args.ami_name]}])["Images"]
    images = images or ec2.describe_images(Owners=["amazon"])["Images"]
    ami = sorted(images, key=lambda i: i["CreationDate"][:19], reverse=True)[0]["ImageId"]
    for r in by_type.get("aws_instance", []):
        a = r["attributes"]
        tags = a.get("tags_all") or a.get("tags") or {}
        kw = dict(ImageId=a.get("ami") or ami, MinCount=1, MaxCount=1,
                  InstanceType=a.get("instance_type", "t2.micro"))
        if tags:
            kw["TagSpecifications"] = [{"ResourceType": "instance", "Tags": tag_list(tags)}]
        # vpc_security_group_ids refers to groups made by the same apply (unknown offline): the
        # declared groups.
        if "vpc_security_group_ids" in (r.get("unknown") or []) and groups:
            kw["SecurityGroupIds"] = groups
        iid = ec2.run_instances(**kw)["Instances"][0]["InstanceId"]
        print(f"created {r['address']}: instance {iid}")


if __name__ == "__main__":
    main()
