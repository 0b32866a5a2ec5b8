import AWSClient
import Foundation
import TestSupport
import Testing

/// Retry budgets as the AWS CLI resolves them, the deadline, and resets on a real socket.
@Suite("Retry budgets, deadline and resets")
struct RetryBudgetTests {
    static let unavailable = FakeTransport.Step.respond(503, [:], "<Error><Code>ServiceUnavailable</Code></Error>")

    @Test("AWS_MAX_ATTEMPTS and AWS_RETRY_MODE win over the profile's max_attempts and retry_mode")
    func resolution() throws {
        let profile = ["max_attempts": "7", "retry_mode": "adaptive"]
        #expect(try RetrySettings.resolve(environment: [:], profile: nil) == RetrySettings(maxAttempts: 5, mode: .standard))
        #expect(try RetrySettings.resolve(environment: [:], profile: profile) == RetrySettings(maxAttempts: 7, mode: .adaptive))
        #expect(
            try RetrySettings.resolve(environment: ["AWS_MAX_ATTEMPTS": "1", "AWS_RETRY_MODE": "standard"], profile: profile)
                == RetrySettings(maxAttempts: 1, mode: .standard))
        let bad = #expect(throws: AWSError.self) { try RetrySettings.resolve(environment: ["AWS_MAX_ATTEMPTS": "0"], profile: nil) }
        #expect(bad?.message == "AWS_MAX_ATTEMPTS must be a whole number of at least 1, not \"0\"")
        let mode = #expect(throws: AWSError.self) { try RetrySettings.resolve(environment: [:], profile: ["retry_mode": "eager"]) }
        #expect(mode?.message == "retry_mode in ~/.aws/config must be standard, adaptive or legacy, not \"eager\"")
    }

    func client(_ transport: FakeTransport, environment: [String: String]) async throws -> AWSClient {
        var env = ["AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b", "HOME": "/nonexistent"]
        env.merge(environment) { $1 }
        return try await AWSClient.make(
            AWSClientOptions(region: "us-east-1", endpointURL: "http://fake.invalid", environment: env), transport: transport)
    }

    @Test("AWS_MAX_ATTEMPTS=1 sends one request; the default sends five")
    func maxAttemptsFromEnvironment() async throws {
        let once = FakeTransport([Self.unavailable])
        _ = await #expect(throws: AWSError.self) {
            try await client(once, environment: ["AWS_MAX_ATTEMPTS": "1"]).ec2("DescribeInstances", [:])
        }
        #expect(once.requests.count == 1)
    }

    @Test("max_attempts in ~/.aws/config is honoured, and retry_mode = adaptive turns on the rate limiter")
    func maxAttemptsFromConfig() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("drift-retry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("config")
        try "[default]\nmax_attempts = 2\nretry_mode = adaptive\n".write(to: config, atomically: true, encoding: .utf8)
        let transport = FakeTransport([Self.unavailable, Self.unavailable, Self.unavailable])
        let client = try await client(transport, environment: ["AWS_CONFIG_FILE": config.path])
        #expect(client.configuration.retryMode == .adaptive)
        #expect(client.rateLimiter != nil)
        _ = await #expect(throws: AWSError.self) { try await client.ec2("DescribeInstances", [:]) }
        #expect(transport.requests.count == 2)
    }

    @Test("the deadline stops retrying: the call fails with DeadlineExceeded naming the last error")
    func deadline() async throws {
        let clock = FakeClock(start: 1000)
        let transport = FakeTransport(Array(repeating: Self.unavailable, count: 10))
        let client = AWSClient(
            configuration: .init(
                region: "us-east-1", credentials: .fixed(accessKeyID: "a", secretAccessKey: "b"), transport: transport,
                retryPolicy: RetryPolicy(maxAttempts: 10), deadline: 1001, sleep: { clock.advance($0) }, random: { 0.5 },
                clock: { clock.now }))
        let error = await #expect(throws: AWSError.self) { try await client.ec2("DescribeInstances", [:]) }
        #expect(error?.code == "DeadlineExceeded")
        #expect(error?.message == "the --deadline passed before this call could complete (last attempt: ServiceUnavailable)")
        // Waits of 0.05, 0.1, 0.2, 0.4 s fit before the deadline; the fifth (0.8 s) would not.
        #expect(transport.requests.count == 5)
        let late = FakeTransport([])
        let after = AWSClient(
            configuration: .init(
                region: "us-east-1", credentials: .fixed(accessKeyID: "a", secretAccessKey: "b"), transport: late,
                deadline: 999, clock: { clock.now }))
        let refused = await #expect(throws: AWSError.self) { try await after.ec2("DescribeInstances", [:]) }
        #expect(refused?.code == "DeadlineExceeded")
        #expect(late.requests.isEmpty)
    }

    @Test("the adaptive limiter slows down after a throttle and recovers along its curve")
    func adaptiveLimiter() {
        let clock = FakeClock(start: 0)
        let limiter = ClientRateLimiter(clock: { clock.now })
        #expect(limiter.rate == nil)
        #expect(limiter.delayForToken() == 0)
        for _ in 0..<20 {
            clock.advance(0.05)
            limiter.update(throttled: false)
        }
        limiter.update(throttled: true)
        let throttledRate = try? #require(limiter.rate)
        #expect((throttledRate ?? 0) > 0)
        var waits = 0
        for _ in 0..<10 where limiter.delayForToken() > 0 { waits += 1 }
        #expect(waits > 0)
        for _ in 0..<200 {
            clock.advance(0.05)
            limiter.update(throttled: false)
        }
        #expect((limiter.rate ?? 0) > (throttledRate ?? 0))
    }

    @Test("a connection reset on every attempt fails each attempt at once: ConnectionReset, never a timeout")
    func resetAlways() async throws {
        let server = try ResetServer()
        defer { server.stop() }
        let client = AWSClient(
            configuration: .init(
                region: "us-east-1", endpoints: .all(server.endpoint), credentials: .fixed(accessKeyID: "a", secretAccessKey: "b"),
                retryPolicy: RetryPolicy(maxAttempts: 3), timeout: 120, connectTimeout: 120, sleep: { _ in }))
        let error = await #expect(throws: AWSError.self) { try await client.s3(S3Request(operation: "ListBuckets")) }
        #expect(error?.code == "ConnectionReset")
        #expect(client.metrics.requests == 3)
        #expect(server.connections >= 3)
    }
}

/// A clock tests move by hand.
final class FakeClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Double
    init(start: Double) { value = start }
    var now: Double { lock.withLock { value } }
    func advance(_ seconds: Double) { lock.withLock { value += seconds } }
}
