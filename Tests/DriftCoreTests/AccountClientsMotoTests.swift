import AWSClient
@testable import DriftCore
import DriftModel
import Estate
import Foundation
import TestSupport
import Testing

/// Per-account credentials against a real moto_server behind the fault-injecting proxy: moto
/// assumes any role and keeps resources per account id of the role's ARN; the proxy denies chosen
/// roles and disables chosen regions, and its log shows which key signed each call.
@Suite("Account clients against moto through the fault proxy", .serialized)
final class AccountClientsMotoTests {
    let moto: MotoServer
    let proxy: FaultProxy
    let home: String

    static let roleA = "arn:aws:iam::111111111111:role/drift-readonly"
    static let roleB = "arn:aws:iam::222222222222:role/drift-readonly"
    static let terraformRole = "arn:aws:iam::111111111111:role/terraform-app"

    init() throws {
        moto = try MotoServer()
        proxy = try FaultProxy(upstream: moto.endpoint)
        home = NSTemporaryDirectory() + "drift-accounts-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home + "/.aws", withIntermediateDirectories: true)
        try """
            [ops]
            aws_access_key_id = AKIDOPSPROFILE
            aws_secret_access_key = ops-secret
            """.write(toFile: home + "/.aws/credentials", atomically: true, encoding: .utf8)
    }

    deinit {
        proxy.stop()
        moto.stop()
        try? FileManager.default.removeItem(atPath: home)
    }

    /// Environment keys `AKIDBASE` (the ambient credentials), the proxy as every endpoint.
    func clients() -> AccountClients {
        let env = [
            "HOME": home, "AWS_EC2_METADATA_DISABLED": "true", "PATH": "/usr/bin:/bin",
            "AWS_ACCESS_KEY_ID": "AKIDBASE", "AWS_SECRET_ACCESS_KEY": "base-secret", "AWS_MAX_ATTEMPTS": "1",
        ]
        return AccountClients(settings: SessionSettings(baselineDirectory: ".", endpointURL: proxy.endpoint, environment: env))
    }

    var assumeRoles: [FaultProxy.Request] { proxy.requests.filter { $0.action == "AssumeRole" } }

    @Test("the account's role is assumed with the ambient keys, then the provider's role with the account's")
    func chainingOrder() async throws {
        proxy.clearLog()
        let account = EstateAccount(
            name: "prod", roleARN: Self.roleA, externalID: "acct-ext", sessionName: "drift-prod", durationSeconds: 1800,
            regions: ["eu-west-1"])
        let role = RoleToAssume(roleARN: Self.terraformRole, externalID: "tf-ext", sessionName: "terraform")
        let client = try await clients().client(account: account, region: "eu-west-1", providerRole: role)
        let calls = assumeRoles
        try #require(calls.count == 2)
        #expect(calls[0].roleARN == Self.roleA)
        #expect(calls[0].externalID == "acct-ext")
        #expect(calls[0].sessionName == "drift-prod")
        #expect(calls[0].durationSeconds == "1800")
        #expect(calls[0].accessKeyID == "AKIDBASE")
        #expect(calls[1].roleARN == Self.terraformRole)
        #expect(calls[1].externalID == "tf-ext")
        #expect(calls[1].sessionName == "terraform")
        #expect(calls[1].durationSeconds == nil)
        // Signed with the account role's session keys, not the ambient ones.
        #expect(calls[1].accessKeyID != "AKIDBASE" && calls[1].accessKeyID != nil)
        let identity = try await client.sts("GetCallerIdentity", [:])
        #expect(identity.string("GetCallerIdentityResult/Arn") == "arn:aws:sts::111111111111:assumed-role/terraform-app/terraform")
        let last = try #require(proxy.requests.last)
        #expect(last.region == "eu-west-1")
        #expect(last.accessKeyID == (try await client.resolveCredentials()).accessKeyID)
    }

    @Test("one AssumeRole per account and per chained role, shared by every region; defaults drift-<time>")
    func sharedAcrossRegions() async throws {
        proxy.clearLog()
        let clients = clients()
        let account = EstateAccount(name: "prod", roleARN: Self.roleA, regions: ["eu-west-1", "us-east-1"])
        let role = RoleToAssume(roleARN: Self.terraformRole)
        async let a = clients.client(account: account, region: "eu-west-1")
        async let b = clients.client(account: account, region: "us-east-1")
        async let c = clients.client(account: account, region: "eu-west-1", providerRole: role)
        async let d = clients.client(account: account, region: "ap-south-1", providerRole: role)
        let all = try await [a, b, c, d]
        #expect(assumeRoles.map(\.roleARN) == [Self.roleA, Self.terraformRole])
        #expect(assumeRoles.allSatisfy { $0.sessionName?.hasPrefix("drift-") == true && $0.externalID == nil })
        #expect(all.map(\.region) == ["eu-west-1", "us-east-1", "eu-west-1", "ap-south-1"])
        for client in all { _ = try await client.ec2("DescribeVpcs", [:]) }
        #expect(clients.metrics.requestsByService["ec2"] == 4)
        #expect(clients.metrics.requestsByService["sts"] == 2, "the AssumeRole calls count among the scan's requests")
        #expect(assumeRoles.count == 2)
    }

    @Test("moto keeps resources per account: what one account's role creates, the other's does not see")
    func accountsAreSeparate() async throws {
        let clients = clients()
        let a = try await clients.client(account: EstateAccount(name: "a", roleARN: Self.roleA), region: "us-east-1")
        let b = try await clients.client(account: EstateAccount(name: "b", roleARN: Self.roleB), region: "us-east-1")
        _ = try await a.ec2("CreateVpc", ["CidrBlock": "10.42.0.0/16"])
        func cidrs(_ client: AWSClient) async throws -> [String] {
            try await client.ec2("DescribeVpcs", [:]).all("vpcSet/item").compactMap { $0.string("cidrBlock") }
        }
        #expect(try await cidrs(a).contains("10.42.0.0/16"))
        #expect(try await !cidrs(b).contains("10.42.0.0/16"))
        let identity = try await b.sts("GetCallerIdentity", [:])
        #expect(identity.string("GetCallerIdentityResult/Account") == "222222222222")
    }

    @Test("a role that cannot be assumed is a typed error naming the account and role, asked once")
    func deniedAccountRole() async throws {
        try proxy.configure(deniedRoles: [Self.roleB])
        defer { try? proxy.configure() }
        proxy.clearLog()
        let clients = clients()
        let denied = EstateAccount(name: "staging", roleARN: Self.roleB, externalID: "never-printed", regions: ["us-east-1"])
        for region in ["us-east-1", "eu-west-1"] {
            do {
                _ = try await clients.client(account: denied, region: region)
                Issue.record("AssumeRole of a denied role succeeded")
            } catch let error {
                guard case .accountUnreachable(let access) = error else {
                    Issue.record("not accountUnreachable: \(error)")
                    continue
                }
                #expect(access.account == "staging")
                #expect(access.step == .accountRole)
                #expect(access.roleARN == Self.roleB)
                #expect(access.code == "AccessDenied")
                #expect(access.message.contains("not authorized to perform: sts:AssumeRole"))
                #expect(!"\(error)".contains("never-printed"))
            }
        }
        #expect(assumeRoles.count == 1)
        #expect(assumeRoles.first?.status == 403)
        // The other account is still reachable.
        let other = try await clients.client(account: EstateAccount(name: "prod", roleARN: Self.roleA), region: "us-east-1")
        #expect(try await other.ec2("DescribeVpcs", [:]).all("vpcSet/item").count >= 1)
    }

    @Test("a provider role that cannot be assumed names the provider role, on top of a working account role")
    func deniedProviderRole() async throws {
        try proxy.configure(deniedRoles: [Self.terraformRole])
        defer { try? proxy.configure() }
        let account = EstateAccount(name: "prod", roleARN: Self.roleA)
        let error = await #expect(throws: DriftCoreError.self) {
            try await self.clients().client(account: account, region: "us-east-1", providerRole: RoleToAssume(roleARN: Self.terraformRole))
        }
        guard case .accountUnreachable(let access)? = error else {
            Issue.record("not accountUnreachable: \(String(describing: error))")
            return
        }
        #expect(access.step == .providerRole)
        #expect(access.roleARN == Self.terraformRole)
        #expect("\(access)".hasPrefix("cannot assume the provider role \(Self.terraformRole) for account prod: AccessDenied"))
    }

    @Test("a profile account signs with the profile's keys; a missing profile is unreachable, not the ambient keys")
    func profileAccounts() async throws {
        proxy.clearLog()
        let clients = clients()
        let ops = try await clients.client(account: EstateAccount(name: "ops", profile: "ops"), region: "us-east-1")
        _ = try await ops.ec2("DescribeVpcs", [:])
        #expect(proxy.requests.last?.accessKeyID == "AKIDOPSPROFILE")
        let error = await #expect(throws: DriftCoreError.self) {
            try await clients.client(account: EstateAccount(name: "gone", profile: "no-such-profile"), region: "us-east-1")
        }
        guard case .accountUnreachable(let access)? = error else {
            Issue.record("not accountUnreachable: \(String(describing: error))")
            return
        }
        #expect(access.step == .credentials)
        #expect(access.code == "ProfileNotFound")
    }

    @Test("a region the account has not enabled answers each service's unknown-credentials error")
    func disabledRegion() async throws {
        try proxy.configure(disabledRegions: ["ap-east-1"])
        defer { try? proxy.configure() }
        let clients = clients()
        let account = EstateAccount(name: "prod", roleARN: Self.roleA, regions: ["us-east-1", "ap-east-1"])
        // STS is called in us-east-1: the account is reachable, the region is not.
        let client = try await clients.client(account: account, region: "ap-east-1")
        let ec2 = await #expect(throws: AWSError.self) { try await client.ec2("DescribeInstances", [:]) }
        #expect(ec2?.code == "AuthFailure")
        #expect(ec2?.httpStatus == 401)
        let dynamo = await #expect(throws: AWSError.self) { try await client.dynamodb("ListTables", [:]) }
        #expect(dynamo?.code == "UnrecognizedClientException")
        let s3 = await #expect(throws: AWSError.self) {
            try await client.s3(S3Request(operation: "GetBucketTagging", bucket: "any-bucket", query: ["tagging": ""]))
        }
        #expect(s3?.code == "InvalidAccessKeyId")
        #expect(s3?.httpStatus == 403)
        // Another region of the same account is forwarded to moto unchanged.
        let enabled = try await clients.client(account: account, region: "us-east-1")
        _ = try await enabled.ec2("DescribeInstances", [:])
        #expect(proxy.requests.last?.injected == false)
        #expect(proxy.requests.last?.status == 200)
    }

    @Test("SessionSetup.makeClient in an estate account chains the provider block's role on the account's")
    func sessionSetupRoutes() async throws {
        proxy.clearLog()
        let clients = clients()
        var settings = clients.settings
        settings.account = AccountScope(account: EstateAccount(name: "prod", roleARN: Self.roleA, regions: ["eu-west-1"]), clients: clients)
        let client = try await SessionSetup.makeClient(
            region: nil, profile: "ignored-in-an-account", roleARN: Self.terraformRole, sessionName: "tf", externalID: nil,
            settings: settings)
        #expect(client.region == "eu-west-1")
        #expect(assumeRoles.map(\.roleARN) == [Self.roleA, Self.terraformRole])
        let identity = try await client.sts("GetCallerIdentity", [:])
        #expect(identity.string("GetCallerIdentityResult/Arn") == "arn:aws:sts::111111111111:assumed-role/terraform-app/tf")
    }
}
