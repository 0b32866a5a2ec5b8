#!/usr/bin/env python3
"""Change the demo's live resources by hand, as an engineer in the console would.

  console-changes.py NAME_TAG BUCKET TABLE [GROUP_NAME]

Resizes the instance tagged Name=NAME_TAG and gives it an extra tag, suspends versioning on BUCKET,
switches TABLE to provisioned capacity, opens port 22 to the world on the security group
GROUP_NAME "just for tonight", and launches a server no file declares (a snowflake).
"""
import os, sys

import boto3

name_tag, bucket, table = sys.argv[1:4]
group_name = sys.argv[4] if len(sys.argv) > 4 else "-"
region = os.environ.get("AWS_REGION", "us-east-1")
kw = dict(endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name=region,
          aws_access_key_id="test", aws_secret_access_key="test")
ec2, s3, ddb = boto3.client("ec2", **kw), boto3.client("s3", **kw), boto3.client("dynamodb", **kw)

found = ec2.describe_instances(Filters=[{"Name": "tag:Name", "Values": [name_tag]},
                                        {"Name": "instance-state-name", "Values": ["running"]}])
iid = found["Reservations"][0]["Instances"][0]["InstanceId"]
ec2.stop_instances(InstanceIds=[iid])
ec2.modify_instance_attribute(InstanceId=iid, InstanceType={"Value": "t2.small"})
ec2.start_instances(InstanceIds=[iid])
ec2.create_tags(Resources=[iid], Tags=[{"Key": "Owner", "Value": "night-shift"}])
print(f"console: {iid} resized to t2.small and tagged Owner=night-shift")
s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Suspended"})
print(f"console: versioning suspended on {bucket}")
ddb.update_table(TableName=table, BillingMode="PROVISIONED",
                 ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5})
print(f"console: {table} switched to provisioned capacity")
if group_name != "-":
    gid = ec2.describe_security_groups(Filters=[{"Name": "group-name", "Values": [group_name]}])[
        "SecurityGroups"][0]["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=gid, IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
        "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "ssh, just for tonight"}]}])
    print(f"console: port 22 opened to 0.0.0.0/0 on {gid} ({group_name})")
ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
hot = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.medium",
                        TagSpecifications=[{"ResourceType": "instance",
                                            "Tags": [{"Key": "Name", "Value": "hotfix-box"}]}])
print(f"console: launched {hot['Instances'][0]['InstanceId']} (hotfix-box), declared nowhere")
