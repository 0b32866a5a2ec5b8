import AWSClient
import Foundation
import Testing

/// A scratch HOME with `.aws/credentials` and `.aws/config`, removed by the test.
struct ScratchHome {
    let path: String

    init(credentials: String = "", config: String = "") throws {
        path = NSTemporaryDirectory() + "drift-creds-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/.aws", withIntermediateDirectories: true)
        try credentials.write(toFile: path + "/.aws/credentials", atomically: true, encoding: .utf8)
        try config.write(toFile: path + "/.aws/config", atomically: true, encoding: .utf8)
    }

    /// Only what the test sets: never the developer's own AWS variables.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ["HOME": path, "AWS_EC2_METADATA_DISABLED": "true", "PATH": "/usr/bin:/bin"]
        for (k, v) in extra { env[k] = v }
        return env
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

@Suite("Credentials chain")
struct CredentialChainTests {
    static let files = (
        credentials: """
            [default]
            aws_access_key_id = AKIDDEFAULT
            aws_secret_access_key = default-secret

            [prod]
            aws_access_key_id=AKIDPROD
            aws_secret_access_key=prod-secret
            aws_session_token = prod-token  # a comment
            """,
        config: """
            [default]
            region = eu-central-1

            [profile prod]
            region = ap-southeast-2
            aws_access_key_id = IGNORED-CREDENTIALS-FILE-WINS
            s3 =
              addressing_style = path

            [profile proc]
            region = us-west-2
            credential_process = printf '{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "proc-secret", "SessionToken": "proc-token", "Expiration": "2099-01-01T00:00:00Z"}'

            [profile broken]
            region = us-west-2
            credential_process = sh -c 'echo no such helper >&2; exit 3'

            [profile nothing]
            region = us-west-2

            [profile sso]
            sso_session = corp
            sso_account_id = 123456789012
            region = us-west-2
            """)

    func client(_ home: ScratchHome, profile: String? = nil, region: String? = nil, _ env: [String: String] = [:])
        async throws -> AWSClient
    {
        try await AWSClient.make(AWSClientOptions(region: region, profile: profile, environment: home.environment(env)))
    }

    @Test("environment variables win over AWS_PROFILE's profile")
    func environmentWins() async throws {
        let home = try ScratchHome(credentials: Self.files.credentials, config: Self.files.config)
        defer { home.remove() }
        let client = try await client(
            home, ["AWS_PROFILE": "prod", "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret"])
        let credentials = try await client.resolveCredentials()
        #expect(credentials.accessKeyID == "AKIDENV")
        #expect(credentials.source == "environment")
        #expect(client.region == "ap-southeast-2")  // the profile still gives the region
    }

    @Test("--profile selects that profile even when environment keys are set")
    func explicitProfile() async throws {
        let home = try ScratchHome(credentials: Self.files.credentials, config: Self.files.config)
        defer { home.remove() }
        let client = try await client(home, profile: "prod", ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "x"])
        let credentials = try await client.resolveCredentials()
        #expect(credentials.accessKeyID == "AKIDPROD")
        #expect(credentials.sessionToken == "prod-token")
        #expect(credentials.source == "profile prod")
    }

    @Test("the default profile, with files named by AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE")
    func fileVariables() async throws {
        let home = try ScratchHome()
        defer { home.remove() }
        let other = try ScratchHome(credentials: Self.files.credentials, config: Self.files.config)
        defer { other.remove() }
        let client = try await client(
            home,
            [
                "AWS_SHARED_CREDENTIALS_FILE": other.path + "/.aws/credentials",
                "AWS_CONFIG_FILE": other.path + "/.aws/config",
            ])
        #expect(try await client.resolveCredentials().accessKeyID == "AKIDDEFAULT")
        #expect(client.region == "eu-central-1")
    }

    @Test("credential_process output becomes expiring credentials")
    func credentialProcess() async throws {
        let home = try ScratchHome(credentials: Self.files.credentials, config: Self.files.config)
        defer { home.remove() }
        let client = try await client(home, profile: "proc")
        let credentials = try await client.resolveCredentials()
        #expect(credentials.accessKeyID == "AKIDPROC")
        #expect(credentials.sessionToken == "proc-token")
        #expect(credentials.expiration == Date(timeIntervalSince1970: 4_070_908_800))
        #expect(!"\(credentials)".contains("proc-secret"))
        #expect(!"\(credentials)".contains("proc-token"))
    }

    @Test("a failing credential_process names the profile and the exit status, never its command or output")
    func brokenProcess() async throws {
        let home = try ScratchHome(credentials: Self.files.credentials, config: Self.files.config)
        defer { home.remove() }
        let client = try await client(home, profile: "broken")
        let error = await #expect(throws: AWSError.self) { try await client.resolveCredentials() }
        #expect(error?.code == "CredentialsError")
        #expect(error?.message.contains("the credential_process of profile broken exited with status 3") == true)
        #expect(error?.message.contains("no such helper") == false)
        #expect(error?.description.contains("echo") == false)
    }

    @Test("nothing anywhere: the error names everything that was tried")
    func nothing() async throws {
        let home = try ScratchHome(config: Self.files.config)
        defer { home.remove() }
        let nothingClient = try await client(home, profile: "nothing")
        let error = await #expect(throws: AWSError.self) { try await nothingClient.resolveCredentials() }
        #expect(error?.code == "NoCredentials")
        let message = error?.message ?? ""
        for expected in [
            "profile nothing (no aws_access_key_id, role_arn or credential_process)",
            "web identity (AWS_WEB_IDENTITY_TOKEN_FILE/AWS_ROLE_ARN not set)",
            "container credentials (AWS_CONTAINER_CREDENTIALS_*_URI not set)",
            "EC2 instance metadata (disabled by AWS_EC2_METADATA_DISABLED)",
        ] {
            #expect(message.contains(expected), "\(message)")
        }
        // --profile was explicit, so the environment was rightly not consulted.
        #expect(!message.contains("environment ("))
        let bare = try ScratchHome()
        defer { bare.remove() }
        let noProfile = try await client(bare, region: "us-east-1")
        let second = await #expect(throws: AWSError.self) { try await noProfile.resolveCredentials() }
        #expect(second?.message.contains("environment (AWS_ACCESS_KEY_ID not set)") == true)
        #expect(second?.message.contains("profile default (not in \(bare.path)/.aws/credentials or \(bare.path)/.aws/config)") == true)
    }

    @Test("an SSO profile says how to bridge it instead of falling through")
    func ssoProfile() async throws {
        let home = try ScratchHome(credentials: Self.files.credentials, config: Self.files.config)
        defer { home.remove() }
        let client = try await client(home, profile: "sso")
        let error = await #expect(throws: AWSError.self) { try await client.resolveCredentials() }
        #expect(error?.code == "CredentialsError")
        #expect(error?.message.contains("aws sso login --profile sso") == true)
    }

    @Test("an explicit profile that does not exist is an error at once")
    func missingProfile() async throws {
        let home = try ScratchHome(credentials: Self.files.credentials)
        defer { home.remove() }
        let error = await #expect(throws: AWSError.self) { try await client(home, profile: "typo", region: "us-east-1") }
        #expect(error?.code == "ProfileNotFound")
        #expect(error?.message.contains("typo") == true)
    }

    @Test("region: option, then AWS_REGION, AWS_DEFAULT_REGION, the profile; none is an error")
    func region() async throws {
        let home = try ScratchHome(credentials: Self.files.credentials, config: Self.files.config)
        defer { home.remove() }
        let env = ["AWS_REGION": "us-west-1", "AWS_DEFAULT_REGION": "us-west-2"]
        #expect(try await client(home, region: "sa-east-1", env).region == "sa-east-1")
        #expect(try await client(home, env).region == "us-west-1")
        #expect(try await client(home, ["AWS_DEFAULT_REGION": "us-west-2"]).region == "us-west-2")
        #expect(try await client(home).region == "eu-central-1")
        let empty = try ScratchHome()
        defer { empty.remove() }
        let error = await #expect(throws: AWSError.self) { try await client(empty) }
        #expect(error?.code == "MissingRegion")
    }

    @Test("endpoints: --endpoint-url, then AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, else AWS")
    func endpoints() {
        let env = ["AWS_ENDPOINT_URL_S3": "http://s3.local:1/", "AWS_ENDPOINT_URL": "http://all.local:2"]
        let resolved = Endpoints.resolve(endpointURL: nil, environment: env)
        #expect(resolved.baseURL(.s3, region: "eu-west-1") == "http://s3.local:1")
        #expect(resolved.baseURL(.ec2, region: "eu-west-1") == "http://all.local:2")
        #expect(Endpoints.resolve(endpointURL: "http://flag:3", environment: env).baseURL(.s3, region: "x") == "http://flag:3")
        var ignoring = env
        ignoring["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true"
        #expect(Endpoints.resolve(endpointURL: nil, environment: ignoring) == .aws)
        let aws = Endpoints.resolve(endpointURL: nil, environment: [:])
        #expect(aws.baseURL(.dynamodb, region: "eu-west-1") == "https://dynamodb.eu-west-1.amazonaws.com")
        #expect(aws.baseURL(.ec2, region: "cn-north-1") == "https://ec2.cn-north-1.amazonaws.com.cn")
        #expect(aws.s3BaseURL(bucket: "logs", region: "eu-west-1").base == "https://logs.s3.eu-west-1.amazonaws.com")
        #expect(aws.s3BaseURL(bucket: "a.b", region: "eu-west-1") == ("https://s3.eu-west-1.amazonaws.com", "/a.b"))
        #expect(resolved.s3BaseURL(bucket: "logs", region: "eu-west-1") == ("http://s3.local:1", "/logs"))
    }

    @Test("container credentials with an authorization token from the environment")
    func container() async throws {
        let transport = FakeTransport([
            .respond(
                200, [:],
                #"{"AccessKeyId":"AKIDCONTAINER","SecretAccessKey":"s","Token":"t","Expiration":"2099-01-01T00:00:00.000Z"}"#)
        ])
        let provider = ContainerCredentialProvider(
            context: CredentialContext(
                environment: [
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://localhost:8080/creds",
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN": "Bearer abc",
                ], transport: transport))
        let credentials = try await provider.credentials()
        #expect(credentials.accessKeyID == "AKIDCONTAINER")
        #expect(credentials.expiration == Date(timeIntervalSince1970: 4_070_908_800))
        #expect(transport.requests.first?.url == "http://localhost:8080/creds")
        #expect(transport.requests.first?.headers["authorization"] == "Bearer abc")
    }

    @Test("IMDSv2: token first, then role, then its credentials")
    func imds() async throws {
        let transport = FakeTransport([
            .respond(200, [:], "TOKEN123"), .respond(200, [:], "my-role\n"),
            .respond(200, [:], #"{"Code":"Success","AccessKeyId":"AKIDIMDS","SecretAccessKey":"s","Token":"t","Expiration":"2099-01-01T00:00:00Z"}"#),
        ])
        let provider = InstanceMetadataCredentialProvider(
            context: CredentialContext(environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://imds.test/"], transport: transport))
        #expect(try await provider.credentials().accessKeyID == "AKIDIMDS")
        let requests = transport.requests
        #expect(requests.map(\.method) == ["PUT", "GET", "GET"])
        #expect(requests[0].url == "http://imds.test/latest/api/token")
        #expect(requests[2].url == "http://imds.test/latest/meta-data/iam/security-credentials/my-role")
        #expect(requests[2].headers["x-aws-ec2-metadata-token"] == "TOKEN123")
    }
}
