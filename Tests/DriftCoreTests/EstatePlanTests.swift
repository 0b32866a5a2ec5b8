import AWSClient
import DriftModel
import Estate
import Foundation
import Scanner
import Testing

@testable import DriftCore

/// What an estate scan knows before it sets anything up (each root's regions offline, or that its
/// files are broken), the errors a root that cannot be planned leaves on its account's targets,
/// and error codes taken from typed errors.
@Suite("Estate scan: offline plans, unit failures, typed codes")
struct EstatePlanTests {
    static func settings(_ environment: [String: String] = [:]) -> SessionSettings {
        SessionSettings(baselineDirectory: ".", environment: environment)
    }

    @Test("regions offline: the block's, the environment's, the account's first; aliases default to them")
    func regionsOffline() {
        let aliased = Baseline(
            provider: ProviderSettings(region: "eu-west-1"),
            aliasedProviders: ["us": ProviderSettings(region: "us-east-1"), "same": ProviderSettings()])
        #expect(UnitPlan.regions(of: aliased, settings: Self.settings()) == ["eu-west-1", "us-east-1"])
        #expect(UnitPlan.regions(of: aliased, settings: Self.settings(["AWS_REGION": "ap-south-1"]))
            == ["eu-west-1", "us-east-1", "ap-south-1"])
        var flagged = Self.settings()
        flagged.region = "eu-north-1"
        #expect(UnitPlan.regions(of: aliased, settings: flagged) == ["eu-north-1", "us-east-1"])

        let bare = Baseline()
        #expect(UnitPlan.regions(of: bare, settings: Self.settings(["AWS_DEFAULT_REGION": "sa-east-1"])) == ["sa-east-1"])
        // The ambient chain may take the region from a profile: only known when the client is made.
        #expect(UnitPlan.regions(of: bare, settings: Self.settings()) == nil)
        var inAccount = Self.settings()
        let account = EstateAccount(name: "prod", regions: ["ca-central-1", "eu-west-1"])
        inAccount.account = AccountScope(account: account, clients: AccountClients(settings: inAccount))
        #expect(UnitPlan.regions(of: bare, settings: inAccount) == ["ca-central-1"])

        var unknown = aliased
        unknown.aliasedProviders["us"]?.connectionUnknown = true
        #expect(UnitPlan.regions(of: unknown, settings: Self.settings()) == nil)
    }

    @Test("a root's files evaluated offline: regions, broken with its diagnostics, or live when data sources decide")
    func plansFromFiles() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("drift-plan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        func root(_ name: String, _ text: String) throws -> EstateRoot {
            let directory = scratch.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try text.write(to: directory.appendingPathComponent("main.tf"), atomically: true, encoding: .utf8)
            return EstateRoot(name: name, path: directory.path)
        }
        let config = EstateConfig(roots: [
            try root("good", """
                variable "region" {
                  default = "eu-west-1"
                }
                provider "aws" {
                  region = var.region
                }
                provider "aws" {
                  alias  = "us"
                  region = "us-east-1"
                }
                """),
            try root("broken", "provider \"aws\" {\n  region = var.nowhere\n}\n"),
            // Offline the count is unknown (an error); planned, the data source gives it.
            try root("zones", """
                provider "aws" {
                  region = "eu-west-1"
                }
                data "aws_availability_zones" "all" {}
                resource "aws_s3_bucket" "per_zone" {
                  count  = length(data.aws_availability_zones.all.names)
                  bucket = "zone-${count.index}"
                }
                """),
            try root("regionless", """
                data "aws_ssm_parameter" "region" {
                  name = "/estate/region"
                }
                provider "aws" {
                  region = data.aws_ssm_parameter.region.value
                }
                """),
        ])
        let settings = Self.settings()
        let units = RootUnit.units(of: config, shared: settings, clients: AccountClients(settings: settings))
        let (plans, evaluated) = await UnitPlan.plans(of: units, inFlight: 2)
        try #require(plans.count == 4)
        // Only a root that reads no data source is already evaluated as the plan would.
        #expect(Set(evaluated.keys) == ["good"])
        #expect(plans[0].regions == ["eu-west-1", "us-east-1"])
        guard case .broken(.invalidBaseline(let diagnostics)) = plans[1] else {
            Issue.record("a root with an undeclared variable is not broken: \(plans[1])")
            return
        }
        #expect(diagnostics.map(\.location) == ["main.tf:2:12"])
        if case .live = plans[2] {} else { Issue.record("a count of a data source is planned offline: \(plans[2])") }
        if case .live = plans[3] {} else { Issue.record("a region read from a data source is planned offline: \(plans[3])") }

        let failure = UnitFailure(units[1], .invalidBaseline(diagnostics))
        #expect(failure.error.code == "InvalidBaseline")
        #expect(failure.error.message.contains("\(config.roots[1].path)/main.tf:2:12: "))
    }

    @Test("a root that cannot be planned is an error on each target of its account a shard holds; credentials once")
    func unitFailureEntries() {
        let settings = Self.settings()
        let config = EstateConfig(
            roots: [EstateRoot(name: "edge", path: "edge")],
            accounts: [EstateAccount(name: "prod", regions: ["eu-west-1"]), EstateAccount(name: "staging")])
        let units = RootUnit.units(of: config, shared: settings, clients: AccountClients(settings: settings))
        let selected: Set<EstateTarget> = [
            EstateTarget(account: "prod", region: "eu-west-1"), EstateTarget(account: "prod", region: "us-east-1"),
            EstateTarget(account: "staging", region: "eu-west-1"),
        ]
        let broken = UnitFailure(units[0], .unreadableState(source: "s3://b/k", reason: "AccessDenied"))
        let entries = broken.errors(in: selected)
        #expect(entries.map(\.region) == ["eu-west-1", "us-east-1"])
        #expect(entries.allSatisfy { $0.root == "edge" && $0.account == "prod" && $0.code == "UnreadableState" })
        #expect(broken.errors(in: [EstateTarget(account: "staging", region: "eu-west-1")]).isEmpty)

        let denied = AccountAccessError(
            account: "prod", step: .accountRole, roleARN: "arn:aws:iam::1:role/r", profile: nil, service: "sts",
            operation: "AssumeRole", code: "AccessDenied", message: "not authorized")
        let unreachable = UnitFailure(units[0], .accountUnreachable(denied))
        #expect(unreachable.errors(in: selected).map(\.code) == ["AccessDenied"])
        #expect(unreachable.errors(in: selected).first?.region == nil)
    }

    @Test("a target's error code is the typed error's, never a word found in its text")
    func typedCodes() {
        struct Opaque: Error, CustomStringConvertible { var description: String { "AccessDenied somewhere in a message" } }
        #expect(EstateScan.code(of: Opaque()) == "Unreachable")
        let s3 = AWSError(service: "s3", operation: "ListBuckets", code: "InvalidAccessKeyId", message: "AccessDenied? no", httpStatus: 403)
        #expect(EstateScan.code(of: s3) == "InvalidAccessKeyId")
        #expect(EstateScan.code(of: ScanError.listingFailed(service: .s3, operation: "ListBuckets", underlying: s3)) == "InvalidAccessKeyId")
        #expect(EstateScan.code(of: ScanError.malformedListing(service: .ec2, operation: "DescribeInstances", root: "html"))
            == "MalformedResponse")
        #expect(EstateScan.code(of: DriftCoreError.aws(doing: "x", reason: "AuthFailure", code: "OptInRequired")) == "OptInRequired")
        #expect(EstateScan.code(of: DriftCoreError.aws(doing: "x", reason: "AuthFailure")) == "Unreachable")
        #expect(DriftCoreError.noRegion.reportCode == "NoRegion")
    }
}
