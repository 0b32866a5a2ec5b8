import SigV4
import Testing

/// Expected values are AWS's published examples (the SigV4 test suite's `get-vanilla`, the IAM
/// `ListUsers` walk-through, the S3 `GET Object` example) or, where AWS publishes none for a
/// protocol shape, botocore 1.43's `SigV4Auth` with the same fixed timestamp (see the note on
/// each test): an independent implementation, not our own arithmetic.
@Suite("SigV4 known answers")
struct SigV4KnownAnswerTests {
    static let suiteCredentials = SigningCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let suiteDate = SigningDate(secondsSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

    @Test("the signing date renders as the x-amz-date header and the scope day")
    func signingDate() {
        #expect(Self.suiteDate.timestamp == "20150830T123600Z")
        #expect(Self.suiteDate.day == "20150830")
        #expect(SigningDate(secondsSince1970: 1_369_353_600).timestamp == "20130524T000000Z")
        #expect(SigningDate(secondsSince1970: 951_782_400).timestamp == "20000229T000000Z")
        #expect(SigningDate(timestamp: "20150830T123600Z")?.day == "20150830")
        #expect(SigningDate(timestamp: "2015-08-30") == nil)
    }

    @Test("get-vanilla from the AWS SigV4 test suite")
    func getVanilla() throws {
        let request = SigV4Request(
            method: "GET", path: "/", headers: ["Host": "example.amazonaws.com"], payloadHash: SigV4.emptyPayloadHash)
        let headers = SigV4.sign(
            request, credentials: Self.suiteCredentials, region: "us-east-1", service: "service", date: Self.suiteDate)
        #expect(
            headers["authorization"]
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, "
                + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
        #expect(headers["x-amz-date"] == "20150830T123600Z")
        #expect(headers["x-amz-security-token"] == nil)
    }

    @Test(
        "more AWS test-suite requests (query order, form POST) and a UTF-8 path (botocore oracle)",
        arguments: [
            (
                "get-vanilla-query-order-key-case",
                SigV4Request(
                    method: "GET", path: "/", query: [.init("Param2", "value2"), .init("Param1", "value1")],
                    headers: ["host": "example.amazonaws.com"], payloadHash: SigV4.emptyPayloadHash),
                "host;x-amz-date", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"
            ),
            (
                "post-x-www-form-urlencoded",
                SigV4Request(
                    method: "POST", path: "/",
                    headers: ["host": "example.amazonaws.com", "content-type": "application/x-www-form-urlencoded"],
                    payloadHash: SigV4.hexSHA256(Array("Param1=value1".utf8))),
                "content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"
            ),
            (
                "utf-8 path, double-encoded as every service but S3 signs it",
                SigV4Request(
                    method: "GET", path: "/" + URIEncoding.encode("\u{1234}"), headers: ["host": "example.amazonaws.com"],
                    payloadHash: SigV4.emptyPayloadHash),
                "host;x-amz-date", "697b34846207a3f72246f99d74ae1ee4fe54f44bb06730c58a0d339eb079596d"
            ),
        ])
    func suite(name: String, request: SigV4Request, signedHeaders: String, signature: String) {
        let headers = SigV4.sign(
            request, credentials: Self.suiteCredentials, region: "us-east-1", service: "service", date: Self.suiteDate)
        #expect(
            headers["authorization"]
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=\(signedHeaders), Signature=\(signature)", "\(name)")
    }

    @Test("the IAM ListUsers example, stage by stage")
    func iamListUsersStages() {
        let request = SigV4Request(
            method: "GET", path: "/", query: [.init("Version", "2010-05-08"), .init("Action", "ListUsers")],
            headers: [
                "content-type": "application/x-www-form-urlencoded; charset=utf-8", "host": "iam.amazonaws.com",
                "x-amz-date": "20150830T123600Z",
            ], payloadHash: SigV4.emptyPayloadHash)
        let canonical = SigV4.canonicalRequest(request)
        #expect(
            canonical == """
                GET
                /
                Action=ListUsers&Version=2010-05-08
                content-type:application/x-www-form-urlencoded; charset=utf-8
                host:iam.amazonaws.com
                x-amz-date:20150830T123600Z

                content-type;host;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
        #expect(SigV4.hexSHA256(Array(canonical.utf8)) == "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59")
        let scope = SigV4.credentialScope(date: Self.suiteDate, region: "us-east-1", service: "iam")
        #expect(scope == "20150830/us-east-1/iam/aws4_request")
        let toSign = SigV4.stringToSign(canonicalRequest: canonical, date: Self.suiteDate, scope: scope)
        #expect(
            toSign == """
                AWS4-HMAC-SHA256
                20150830T123600Z
                20150830/us-east-1/iam/aws4_request
                f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59
                """)
        let key = SigV4.signingKey(
            secretAccessKey: Self.suiteCredentials.secretAccessKey, day: "20150830", region: "us-east-1", service: "iam")
        #expect(hex(key) == "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9")
        #expect(
            SigV4.signature(signingKey: key, stringToSign: toSign)
                == "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")
    }

    @Test("the S3 GET Object example signs the path as sent and adds x-amz-content-sha256")
    func s3GetObjectExample() {
        let request = SigV4Request(
            method: "GET", path: "/test.txt",
            headers: ["Host": "examplebucket.s3.amazonaws.com", "Range": "bytes=0-9"], payloadHash: SigV4.emptyPayloadHash)
        let headers = SigV4.sign(
            request,
            credentials: SigningCredentials(
                accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            region: "us-east-1", service: "s3", date: SigningDate(secondsSince1970: 1_369_353_600), options: .s3)
        #expect(headers["x-amz-content-sha256"] == SigV4.emptyPayloadHash)
        #expect(
            headers["authorization"]
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    // botocore oracle: SigV4Auth(Credentials(AKIDEXAMPLE, ..., TOKEN), "ec2", "us-east-1") on
    // POST https://ec2.us-east-1.amazonaws.com/ with the same body, timestamp 2015-08-30T12:36:00Z.
    @Test("an EC2 Query POST with a session token signs the token header (botocore oracle)")
    func ec2WithSessionToken() {
        let token =
            "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="
        var credentials = Self.suiteCredentials
        credentials.sessionToken = token
        let body = Array("Action=DescribeInstances&Version=2016-11-15".utf8)
        let request = SigV4Request(
            method: "POST", path: "/",
            headers: [
                "host": "ec2.us-east-1.amazonaws.com",
                "content-type": "application/x-www-form-urlencoded; charset=utf-8",
            ], payloadHash: SigV4.hexSHA256(body))
        let headers = SigV4.sign(request, credentials: credentials, region: "us-east-1", service: "ec2", date: Self.suiteDate)
        #expect(headers["x-amz-security-token"] == token)
        #expect(
            headers["authorization"]
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/ec2/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, "
                + "Signature=17220b0e1b93aea1e13349c1d4432a8d7c27020f1508d93839356b29a8b95118")
    }

    // botocore oracle: SigV4Auth(..., "dynamodb", "us-east-1"), body {"Limit":10}.
    @Test("a DynamoDB JSON 1.0 POST signs X-Amz-Target (botocore oracle)")
    func dynamodbJSON() {
        let body = Array(#"{"Limit":10}"#.utf8)
        let request = SigV4Request(
            method: "POST", path: "/",
            headers: [
                "Host": "dynamodb.us-east-1.amazonaws.com", "Content-Type": "application/x-amz-json-1.0",
                "X-Amz-Target": "DynamoDB_20120810.ListTables",
            ], payloadHash: SigV4.hexSHA256(body))
        let headers = SigV4.sign(
            request, credentials: Self.suiteCredentials, region: "us-east-1", service: "dynamodb", date: Self.suiteDate)
        #expect(
            headers["authorization"]
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/dynamodb/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
                + "Signature=11041d969631ff3f1d1f8d3b5fac1fe918edd3847f40dcc4423df1f26416af70")
    }

    // botocore oracle: S3SigV4Auth on GET https://examplebucket.s3.amazonaws.com/my%20photos/a%2Bb.txt?versioning=
    // and SigV4Auth("service") on the same path at example.amazonaws.com.
    @Test("S3 signs an encoded path as sent; other services encode it again (botocore oracle)")
    func pathEncoding() {
        let path = "/" + URIEncoding.encodePath("my photos/a+b.txt")
        #expect(path == "/my%20photos/a%2Bb.txt")
        #expect(SigV4.canonicalURI(path: path, doubleEncode: false) == "/my%20photos/a%2Bb.txt")
        #expect(SigV4.canonicalURI(path: path, doubleEncode: true) == "/my%2520photos/a%252Bb.txt")
        let s3 = SigV4.sign(
            SigV4Request(
                method: "GET", path: path, query: [.init("versioning", "")],
                headers: ["host": "examplebucket.s3.amazonaws.com"], payloadHash: SigV4.emptyPayloadHash),
            credentials: Self.suiteCredentials, region: "us-east-1", service: "s3", date: Self.suiteDate, options: .s3)
        #expect(s3["authorization"]?.hasSuffix("Signature=986fa2fe0c6d86766051bcc13d88a517e6360305c46f3285ce5bf66ae6f55036") == true)
        let other = SigV4.sign(
            SigV4Request(
                method: "GET", path: path, headers: ["host": "example.amazonaws.com"], payloadHash: SigV4.emptyPayloadHash),
            credentials: Self.suiteCredentials, region: "us-east-1", service: "service", date: Self.suiteDate)
        #expect(other["authorization"]?.hasSuffix("Signature=910193aedd03df7d32aa45922250f2cc6e47ead11961688205967ce67e9768b0") == true)
    }

    @Test("canonical query and headers: encoding, sorting, trimming")
    func canonicalParts() {
        #expect(
            SigV4.canonicalQueryString([.init("b", "2"), .init("a", "x y"), .init("a", "+/="), .init("c~", "")])
                == "a=%2B%2F%3D&a=x%20y&b=2&c~=")
        let headers = SigV4.canonicalHeaders(["My-Header": "  a   b  c ", "Host": "h"])
        #expect(headers.canonical == "host:h\nmy-header:a b c\n")
        #expect(headers.signed == "host;my-header")
        #expect(URIEncoding.encode("ünï/") == "%C3%BCn%C3%AF%2F")
    }

    @Test("credentials never print their secret")
    func redaction() {
        var credentials = Self.suiteCredentials
        credentials.sessionToken = "TOKEN-VALUE"
        let text = "\(credentials) \(String(reflecting: credentials))"
        #expect(!text.contains("EXAMPLEKEY"))
        #expect(!text.contains("TOKEN-VALUE"))
        #expect(text.contains("AKIDEXAMPLE"))
    }

    private func hex(_ bytes: [UInt8]) -> String { bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }
}
