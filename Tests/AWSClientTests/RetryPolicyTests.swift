import AWSClient
import Testing

@Suite("Retry policy")
struct RetryPolicyTests {
    func error(_ code: String, status: Int) -> AWSError {
        AWSError(
            service: "ec2", operation: "DescribeInstances", code: code, message: "",
            httpStatus: status, retryClass: RetryPolicy.retryClass(code: code, httpStatus: status))
    }

    @Test("every throttling code is classified as throttling, whatever the status")
    func throttlingCodes() {
        for code in [
            "RequestLimitExceeded", "Throttling", "ThrottlingException", "SlowDown",
            "ProvisionedThroughputExceededException", "TooManyRequestsException", "RequestThrottled",
        ] {
            #expect(RetryPolicy.retryClass(code: code, httpStatus: 400) == .throttling, "\(code)")
        }
        #expect(RetryPolicy.retryClass(code: "Anything", httpStatus: 429) == .throttling)
        #expect(RetryPolicy.retryClass(code: "InternalError", httpStatus: 500) == .server)
        #expect(RetryPolicy.retryClass(code: "AccessDenied", httpStatus: 403) == .client)
        #expect(RetryPolicy.retryClass(code: "RequestTimeout", httpStatus: 400) == .transient)
    }

    @Test("backoff doubles per attempt with full jitter, from a larger base when throttled")
    func backoff() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: 0.1, maxDelay: 20, throttlingBaseDelay: 0.5)
        #expect(policy.decide(error("InternalError", status: 500), attempt: 1, random: 1) == .retry(after: 0.1))
        #expect(policy.decide(error("InternalError", status: 503), attempt: 3, random: 1) == .retry(after: 0.4))
        #expect(policy.decide(error("InternalError", status: 503), attempt: 3, random: 0.25) == .retry(after: 0.1))
        #expect(policy.decide(error("Throttling", status: 400), attempt: 2, random: 1) == .retry(after: 1.0))
        #expect(policy.decide(error("Throttling", status: 400), attempt: 2, random: 0) == .retry(after: 0))
    }

    @Test("Retry-After is a floor for the wait, still under the cap")
    func retryAfter() {
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: 0.1, maxDelay: 20, throttlingBaseDelay: 0.5)
        let throttled = error("TooManyRequestsException", status: 429)
        #expect(policy.decide(throttled, attempt: 1, random: 0.5, retryAfter: 3) == .retry(after: 3))
        #expect(policy.decide(throttled, attempt: 1, random: 0.5, retryAfter: 0) == .retry(after: 0.25))
        #expect(policy.decide(throttled, attempt: 1, random: 0.5, retryAfter: 600) == .retry(after: 20))
        #expect(policy.decide(error("AccessDenied", status: 403), attempt: 1, random: 0.5, retryAfter: 3) == .stop)
    }

    @Test("the delay never exceeds the cap")
    func cap() {
        let policy = RetryPolicy(maxAttempts: 100, baseDelay: 1, maxDelay: 20, throttlingBaseDelay: 1)
        #expect(policy.decide(error("SlowDown", status: 503), attempt: 50, random: 0.999) == .retry(after: 0.999 * 20))
    }

    @Test("client errors and the last attempt stop")
    func stops() {
        let policy = RetryPolicy(maxAttempts: 3)
        #expect(policy.decide(error("AccessDenied", status: 403), attempt: 1, random: 0.5) == .stop)
        #expect(policy.decide(error("Throttling", status: 400), attempt: 3, random: 0.5) == .stop)
        #expect(policy.decide(error("Throttling", status: 400), attempt: 2, random: 0.5) != .stop)
        #expect(RetryPolicy.none.decide(error("InternalError", status: 500), attempt: 1, random: 0.5) == .stop)
    }

    @Test("connection failures are retried")
    func transient() {
        let unreachable = AWSError(service: "s3", operation: "ListBuckets", code: "EndpointUnreachable", message: "", retryClass: .transient)
        #expect(RetryPolicy.standard.decide(unreachable, attempt: 1, random: 1) == .retry(after: 0.1))
    }
}
