import DriftModel
import Foundation
import Testing
import TestSupport

/// A resource that cannot be read is an error, never missing and never in sync: moto with IAM
/// authorization on, and drift running as a user whose policy denies `s3:GetBucketPolicy`.
@Suite("Unreadable resources", .serialized)
struct UnreadableTests {
    @Test("a denied GetBucketPolicy is an errors entry, the policy is not missing, and the exit code is 2")
    func deniedPolicy() throws {
        // The first three calls run without authentication: they make the admin that seeds the rest.
        let moto = try MotoServer(environment: ["INITIAL_NO_AUTH_ACTION_COUNT": "3"])
        defer { moto.stop() }
        let keys = try Boto.run("""
            iam = client("iam")
            iam.create_user(UserName="admin")
            iam.put_user_policy(UserName="admin", PolicyName="all", PolicyDocument=json.dumps({
                "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
            admin = iam.create_access_key(UserName="admin")["AccessKey"]
            def as_admin(name):
                return boto3.client(name, region_name=region, endpoint_url=ep,
                    aws_access_key_id=admin["AccessKeyId"], aws_secret_access_key=admin["SecretAccessKey"])
            iam = as_admin("iam"); s3 = as_admin("s3")
            s3.create_bucket(Bucket="locked", CreateBucketConfiguration={"LocationConstraint": region})
            s3.put_bucket_policy(Bucket="locked", Policy=json.dumps({"Version": "2012-10-17", "Statement": [{
                "Effect": "Deny", "Principal": "*", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::locked"}]}))
            iam.create_user(UserName="auditor")
            iam.put_user_policy(UserName="auditor", PolicyName="read", PolicyDocument=json.dumps({
                "Version": "2012-10-17", "Statement": [
                    {"Effect": "Allow", "Action": "*", "Resource": "*"},
                    {"Effect": "Deny", "Action": "s3:GetBucketPolicy", "Resource": "*"}]}))
            key = iam.create_access_key(UserName="auditor")["AccessKey"]
            print(key["AccessKeyId"] + " " + key["SecretAccessKey"])
            """, endpoint: moto.endpoint, region: "eu-west-1").split(separator: " ").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("drift-unreadable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
            provider "aws" {
              region = "eu-west-1"
            }

            resource "aws_s3_bucket" "locked" {
              bucket = "locked"
            }

            resource "aws_s3_bucket_policy" "locked" {
              bucket = aws_s3_bucket.locked.id
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Deny", Principal = "*", Action = "s3:DeleteBucket", Resource = "arn:aws:s3:::locked" }]
              })
            }
            """.write(to: dir.appendingPathComponent("main.tf"), atomically: true, encoding: .utf8)
        var env = DriftBinary.motoEnvironment(endpoint: moto.endpoint, home: dir.path, region: nil)
        env["AWS_ACCESS_KEY_ID"] = keys[0]
        env["AWS_SECRET_ACCESS_KEY"] = keys[1]
        let result = try DriftBinary.run(["scan", "--baseline", dir.path, "--format", "json"], environment: env)
        #expect(result.status == 2, "\(result.stderr)")
        let report = try JSONParser.parse(result.stdout)
        #expect(report.findingLines == [])
        let errors = report["errors"]?.arrayValue ?? []
        #expect(errors.contains { $0["operation"] == "GetBucketPolicy" && $0["code"] == "AccessDenied" && $0["resource"] == "locked" })
        #expect(report["summary"]?["missing"] == 0)
    }
}
