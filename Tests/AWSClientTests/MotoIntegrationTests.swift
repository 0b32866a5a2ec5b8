import AWSClient
import DriftModel
import Foundation
import TestSupport
import Testing

/// The wire layer against a real moto_server: the three protocols, STS AssumeRole through a
/// profile, and signature checking with moto's authentication turned on.
@Suite("Against moto", .serialized)
struct MotoIntegrationTests {
    @Test("EC2, S3 and DynamoDB calls with environment credentials, and errors decoded from moto")
    func threeProtocols() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        try Boto.run(
            """
            client("s3").create_bucket(Bucket="drift-wire-one")
            client("s3").create_bucket(Bucket="drift-wire-two", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
            client("dynamodb").create_table(TableName="wire", KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}],
                AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
            ec2 = client("ec2")
            ami = ec2.describe_images()["Images"][0]["ImageId"]
            ec2.run_instances(ImageId=ami, MinCount=2, MaxCount=2, InstanceType="t3.micro")
            """, endpoint: moto.endpoint)
        let home = try ScratchHome()
        defer { home.remove() }
        let client = try await AWSClient.make(
            AWSClientOptions(
                environment: home.environment([
                    "AWS_ENDPOINT_URL": moto.endpoint, "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
                    "AWS_REGION": "us-east-1",
                ])))
        let instances = try await client.ec2("DescribeInstances", ["MaxResults": "1000"])
        #expect(instances.all("reservationSet/item/instancesSet/item").count == 2)
        let buckets = try await client.s3(S3Request(operation: "ListBuckets")).xml(service: "s3", operation: "ListBuckets")
        #expect(buckets.all("Buckets/Bucket").compactMap { $0.string("Name") } == ["drift-wire-one", "drift-wire-two"])
        let location = try await client.s3(S3Request(operation: "GetBucketLocation", bucket: "drift-wire-two", query: ["location": ""]))
        #expect(try location.xml(service: "s3", operation: "GetBucketLocation").text == "eu-west-1")
        let tables = try await client.dynamodb("ListTables", [:])
        #expect(tables["TableNames"] == ["wire"])
        let described = try await client.withRegion("us-east-1").dynamodb("DescribeTable", ["TableName": "wire"], resource: "wire")
        #expect(described["Table"]?["TableName"] == "wire")

        let noTable = await #expect(throws: AWSError.self) {
            try await client.dynamodb("DescribeTable", ["TableName": "absent"], resource: "absent")
        }
        #expect(noTable?.code == "ResourceNotFoundException")
        #expect(noTable?.httpStatus == 400)
        #expect(noTable?.resource == "absent")
        let noPolicy = await #expect(throws: AWSError.self) {
            try await client.s3(S3Request(operation: "GetBucketPolicy", bucket: "drift-wire-one", query: ["policy": ""]))
        }
        #expect(noPolicy?.code == "NoSuchBucketPolicy")
        #expect(noPolicy?.httpStatus == 404)
        let badInstance = await #expect(throws: AWSError.self) {
            try await client.ec2("DescribeInstances", ["InstanceId.1": "i-00000000000000000"], resource: "i-00000000000000000")
        }
        #expect(badInstance?.code == "InvalidInstanceID.NotFound")
        #expect(client.metrics.requests >= 8)
    }

    @Test("a profile with role_arn and source_profile assumes the role through STS")
    func assumeRoleProfile() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let home = try ScratchHome(
            credentials: """
                [base]
                aws_access_key_id = AKIDBASE
                aws_secret_access_key = base-secret
                """,
            config: """
                [profile deploy]
                role_arn = arn:aws:iam::123456789012:role/drift-reader
                source_profile = base
                role_session_name = drift-test
                region = eu-west-1
                """)
        defer { home.remove() }
        let client = try await AWSClient.make(
            AWSClientOptions(profile: "deploy", environment: home.environment(["AWS_ENDPOINT_URL": moto.endpoint])))
        #expect(client.region == "eu-west-1")
        let credentials = try await client.resolveCredentials()
        #expect(credentials.source == "assume role arn:aws:iam::123456789012:role/drift-reader")
        #expect(credentials.accessKeyID != "AKIDBASE")
        #expect(credentials.sessionToken?.isEmpty == false)
        #expect(credentials.expiration != nil)
        let identity = try await client.sts("GetCallerIdentity", [:])
        #expect(identity.string("GetCallerIdentityResult/Arn")?.contains("assumed-role/drift-reader/drift-test") == true)
        // Cached: asking again makes no second AssumeRole call.
        #expect(try await client.resolveCredentials().accessKeyID == credentials.accessKeyID)
    }

    @Test("web identity from AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN through AssumeRoleWithWebIdentity")
    func webIdentity() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let home = try ScratchHome()
        defer { home.remove() }
        let tokenFile = home.path + "/token"
        try "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmRyaWZ0In0.c2ln\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        let client = try await AWSClient.make(
            AWSClientOptions(
                region: "us-east-1",
                environment: home.environment([
                    "AWS_ENDPOINT_URL": moto.endpoint, "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile,
                    "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/ci", "AWS_ROLE_SESSION_NAME": "gha",
                ])))
        let credentials = try await client.resolveCredentials()
        #expect(credentials.source == "web identity arn:aws:iam::123456789012:role/ci")
        #expect(credentials.sessionToken?.isEmpty == false)
        let tables = try await client.dynamodb("ListTables", [:])
        #expect(tables["TableNames"] == [])
        // withRegion shares the credential cache and the counters.
        let other = client.withRegion("eu-west-1")
        #expect(other.region == "eu-west-1")
        #expect(try await other.resolveCredentials().accessKeyID == credentials.accessKeyID)
        _ = try await other.dynamodb("ListTables", [:])
        #expect(client.metrics.requests == 2)  // AssumeRoleWithWebIdentity goes through its own client
    }

    @Test("the provider block's assume_role is applied on top of environment credentials")
    func assumeRoleOption() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let home = try ScratchHome()
        defer { home.remove() }
        let client = try await AWSClient.make(
            AWSClientOptions(
                region: "us-east-1",
                environment: home.environment([
                    "AWS_ENDPOINT_URL": moto.endpoint, "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
                ]), assumeRoleARN: "arn:aws:iam::123456789012:role/auditor", sessionName: "audit", externalID: "ext-1"))
        let identity = try await client.sts("GetCallerIdentity", [:])
        #expect(identity.string("GetCallerIdentityResult/Arn") == "arn:aws:sts::123456789012:assumed-role/auditor/audit")
    }

    @Test("with moto's authentication on, drift's signatures are accepted and a wrong secret is rejected")
    func authenticationOn() async throws {
        // Three unauthenticated actions: CreateUser, PutUserPolicy, CreateAccessKey. Everything after is checked.
        let moto = try MotoServer(environment: ["INITIAL_NO_AUTH_ACTION_COUNT": "3"])
        defer { moto.stop() }
        let output = try Boto.run(
            """
            iam = client("iam")
            iam.create_user(UserName="drift")
            iam.put_user_policy(UserName="drift", PolicyName="all", PolicyDocument=json.dumps(
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
            key = iam.create_access_key(UserName="drift")["AccessKey"]
            print(key["AccessKeyId"] + " " + key["SecretAccessKey"])
            """, endpoint: moto.endpoint)
        let parts = output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
        try #require(parts.count == 2)
        func client(secret: String) -> AWSClient {
            AWSClient(
                configuration: .init(
                    region: "us-east-1", endpoints: .all(moto.endpoint),
                    credentials: .fixed(accessKeyID: parts[0], secretAccessKey: secret), retryPolicy: .none))
        }
        let good = client(secret: parts[1])
        let instances = try await good.ec2("DescribeInstances", ["MaxResults": "1000"])
        #expect(instances.name == "DescribeInstancesResponse")
        let buckets = try await good.s3(S3Request(operation: "ListBuckets"))
        #expect(buckets.status == 200)
        let tables = try await good.dynamodb("ListTables", [:])
        #expect(tables["TableNames"] == [])
        let identity = try await good.sts("GetCallerIdentity", [:])
        #expect(identity.string("GetCallerIdentityResult/Arn") == "arn:aws:iam::123456789012:user/drift")

        // Signed bodies and encoded keys: create a bucket in another region, tag it, write and read an object.
        let create = #"<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>"#
        _ = try await good.s3(S3Request(operation: "CreateBucket", method: "PUT", bucket: "drift-auth", body: Array(create.utf8)))
        let tagging = #"<Tagging><TagSet><Tag><Key>team</Key><Value>a b&amp;c</Value></Tag></TagSet></Tagging>"#
        _ = try await good.s3(
            S3Request(operation: "PutBucketTagging", method: "PUT", bucket: "drift-auth", query: ["tagging": ""], body: Array(tagging.utf8)))
        let tags = try await good.s3(S3Request(operation: "GetBucketTagging", bucket: "drift-auth", query: ["tagging": ""]))
        #expect(try tags.xml(service: "s3", operation: "GetBucketTagging").string("TagSet/Tag/Value") == "a b&c")
        // moto 5.2.1 verifies `+`, `=`, non-ASCII keys and `/` in query values wrongly (boto3 fails
        // there too: checked with list_objects_v2(Prefix="dir/") and put_object(Key="a+b")); the
        // SigV4 known-answer tests cover those encodings against botocore instead.
        let key = "dir/a b~c.txt"
        _ = try await good.s3(S3Request(operation: "PutObject", method: "PUT", bucket: "drift-auth", key: key, body: Array("hello".utf8)))
        let object = try await good.s3(S3Request(operation: "GetObject", bucket: "drift-auth", key: key))
        #expect(String(decoding: object.body, as: UTF8.self) == "hello")
        let listed = try await good.s3(S3Request(operation: "ListObjectsV2", bucket: "drift-auth", query: ["list-type": "2", "prefix": "dir"]))
        #expect(try listed.xml(service: "s3", operation: "ListObjectsV2").string("Contents/Key") == key)

        let bad = client(secret: parts[1] + "x")
        let ec2Error = await #expect(throws: AWSError.self) { try await bad.ec2("DescribeInstances", [:]) }
        #expect(ec2Error?.code == "AuthFailure")
        #expect(ec2Error?.httpStatus == 401 || ec2Error?.httpStatus == 403)
        let s3Error = await #expect(throws: AWSError.self) { try await bad.s3(S3Request(operation: "ListBuckets")) }
        #expect(s3Error?.code == "SignatureDoesNotMatch")
        #expect(s3Error?.httpStatus == 403)
        let ddbError = await #expect(throws: AWSError.self) { try await bad.dynamodb("ListTables", [:]) }
        #expect(ddbError?.code == "SignatureDoesNotMatch")
        #expect(ddbError?.httpStatus == 403)
    }
}
