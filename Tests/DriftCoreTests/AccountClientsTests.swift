import AWSClient
@testable import DriftCore
import DriftModel
import Estate
import Foundation
import Testing

/// The pure parts of per-account credentials: what an account asks `AWSClient.make` for, where
/// STS is called, and how a failure is named (never with the external id).
@Suite("Account clients: options and errors")
struct AccountClientsTests {
    static func settings(_ env: [String: String] = [:], region: String? = nil, profile: String? = nil) -> SessionSettings {
        SessionSettings(baselineDirectory: ".", region: region, profile: profile, endpointURL: "http://127.0.0.1:9", environment: env)
    }

    @Test("an account's role, external id, session name and duration go to the AssumeRole of its options")
    func accountOptions() {
        let clients = AccountClients(settings: Self.settings())
        let account = EstateAccount(
            name: "prod", profile: "ops", roleARN: "arn:aws:iam::111122223333:role/drift-readonly", externalID: "ext-123",
            sessionName: "drift-prod", durationSeconds: 1800, regions: ["eu-west-1", "us-east-1"])
        let options = clients.options(for: account)
        #expect(options.profile == "ops")
        #expect(options.assumeRoleARN == "arn:aws:iam::111122223333:role/drift-readonly")
        #expect(options.externalID == "ext-123")
        #expect(options.sessionName == "drift-prod")
        #expect(options.durationSeconds == 1800)
        #expect(options.endpointURL == "http://127.0.0.1:9")
        #expect(options.region == "eu-west-1")
        #expect(options.metrics === clients.metrics)
    }

    @Test("no account means the ambient credentials with the --profile flag, and no role")
    func ambientOptions() {
        let clients = AccountClients(settings: Self.settings(profile: "flag-profile"))
        let options = clients.options(for: nil)
        #expect(options.profile == "flag-profile")
        #expect(options.assumeRoleARN == nil)
        #expect(options.externalID == nil)
        #expect(options.region == "us-east-1")
    }

    @Test("STS is called in the flag's region, else the environment's, else the account's first, else us-east-1")
    func stsRegion() {
        let account = EstateAccount(name: "a", regions: ["ap-south-1"])
        #expect(AccountClients(settings: Self.settings(["AWS_REGION": "eu-west-3"], region: "eu-north-1")).stsRegion(for: account) == "eu-north-1")
        #expect(AccountClients(settings: Self.settings(["AWS_REGION": "eu-west-3"])).stsRegion(for: account) == "eu-west-3")
        #expect(AccountClients(settings: Self.settings(["AWS_DEFAULT_REGION": "ca-central-1"])).stsRegion(for: account) == "ca-central-1")
        #expect(AccountClients(settings: Self.settings()).stsRegion(for: account) == "ap-south-1")
        #expect(AccountClients(settings: Self.settings()).stsRegion(for: EstateAccount(name: "b")) == "us-east-1")
    }

    @Test("a provider block's assume_role becomes the role chained on top; none without role_arn")
    func providerRole() {
        let provider = ProviderSettings(
            region: "eu-west-1", assumeRoleARN: "arn:aws:iam::444455556666:role/terraform", assumeRoleSessionName: "tf",
            assumeRoleExternalID: "tf-ext")
        let role = RoleToAssume(provider: provider)
        #expect(role == RoleToAssume(roleARN: "arn:aws:iam::444455556666:role/terraform", externalID: "tf-ext", sessionName: "tf"))
        #expect(role?.description == "arn:aws:iam::444455556666:role/terraform")
        #expect(RoleToAssume(provider: ProviderSettings(region: "eu-west-1")) == nil)
        #expect(RoleToAssume(provider: ProviderSettings(assumeRoleARN: "")) == nil)
    }

    @Test("a denied AssumeRole names the step, the account and the role, and redacts the external id")
    func errorClassification() {
        let account = EstateAccount(name: "prod", roleARN: "arn:aws:iam::111122223333:role/a", externalID: "s3cr3t-ext")
        let provider = RoleToAssume(roleARN: "arn:aws:iam::111122223333:role/b", externalID: "other-ext")
        let options = AWSClientOptions()
        func denied(_ role: String) -> AWSError {
            AWSError(
                service: "sts", operation: "AssumeRole", resource: role, code: "AccessDenied",
                message: "not authorized (ExternalId s3cr3t-ext, other-ext)", httpStatus: 403)
        }
        let first = AccountAccessError(
            account: "prod", key: .init(account: account, providerRole: provider), options: options,
            error: denied("arn:aws:iam::111122223333:role/a"))
        #expect(first.step == .accountRole)
        #expect(first.roleARN == "arn:aws:iam::111122223333:role/a")
        #expect(first.code == "AccessDenied")
        #expect(first.service == "sts" && first.operation == "AssumeRole")
        let second = AccountAccessError(
            account: "prod", key: .init(account: account, providerRole: provider), options: options,
            error: denied("arn:aws:iam::111122223333:role/b"))
        #expect(second.step == .providerRole)
        #expect(second.roleARN == "arn:aws:iam::111122223333:role/b")
        for error in [first, second] {
            let text = "\(error) \(DriftCoreError.accountUnreachable(error))"
            #expect(!text.contains("s3cr3t-ext") && !text.contains("other-ext"), "\(text)")
            #expect(text.contains("account prod"))
            #expect(text.contains(error.roleARN ?? "?"))
        }
        let noKeys = AccountAccessError(
            account: "prod", key: .init(account: EstateAccount(name: "prod", profile: "ops"), providerRole: nil),
            options: options, error: AWSError(service: "credentials", operation: "resolve", code: "NoCredentials", message: "none"))
        #expect(noKeys.step == .credentials)
        #expect(noKeys.roleARN == nil)
        #expect("\(noKeys)" == "no credentials for account prod (profile ops): NoCredentials: none")
    }
}
