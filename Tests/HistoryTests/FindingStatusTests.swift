import DriftCore
import DriftModel
import History
import Testing

@Suite("New, ongoing and resolved (pure)")
struct FindingStatusTests {
    let web = Finding(
        kind: .drifted, address: "aws_instance.web", type: "aws_instance", id: "i-1",
        changes: [AttributeChange(attribute: "instance_type", path: "instance_type", declared: "t3.micro", live: "t3.large", source: "main.tf:3:3")])

    func report(_ findings: [Finding], at time: String, errors: [ReadError] = []) -> Report {
        Report(scannedAt: time, baseline: "infra", region: "us-east-1", stateSource: nil, summary: .init(), findings: findings, errors: errors, warnings: [])
    }

    @Test("a resource that could not be read is not resolved")
    func unreadableIsNotResolved() {
        let first = FindingStatus.annotate(report([web], at: "2026-12-01T00:00:00Z"), previous: nil)
        let error = ReadError(service: "ec2", operation: "DescribeInstances", resource: "i-1", code: "Throttling", message: "slow down")
        let second = FindingStatus.annotate(report([], at: "2026-12-02T00:00:00Z", errors: [error]), previous: first.findings)
        #expect(second.resolved == [])
        let third = FindingStatus.annotate(report([], at: "2026-12-03T00:00:00Z"), previous: first.findings)
        #expect(third.resolved?.map(\.resolvedAt) == ["2026-12-03T00:00:00Z"])
    }

    @Test("since when, in words")
    func since() {
        var f = web
        f.firstSeen = "2026-12-01T09:00:00Z"
        f.status = .ongoing
        #expect(SinceText.describe(f, at: "2026-12-06T10:00:00Z") == "drifting since 2026-12-01 (5 days)")
        #expect(SinceText.describe(f, at: "2026-12-01T12:30:00Z") == "drifting since 2026-12-01 (3 hours)")
        f.status = .new
        #expect(SinceText.describe(f, at: "2026-12-01T09:00:00Z") == "new: drifting since 2026-12-01")
        #expect(SinceText.describe(web, at: "2026-12-01T09:00:00Z") == nil)
    }
}
