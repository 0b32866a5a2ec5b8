import Foundation
import SigV4

/// One unsigned request as a protocol method builds it; `perform` signs, sends and retries it.
struct PreparedRequest: Sendable {
    var service: AWSService
    var operation: String
    var resource: String?
    var method: String
    /// `scheme://host[:port]`, no path.
    var baseURL: String
    /// Percent-encoded path starting with `/`.
    var path: String
    var query: [SigV4Request.QueryItem] = []
    var headers: [String: String] = [:]
    var body: [UInt8] = []
    var signingOptions: SigV4.Options = .standard
}

/// Why a 2xx answer is not the answer of the operation that asked: a body that does not parse, a
/// root element or shape the operation never answers with (an XHTML page from a proxy, an empty
/// body). The retry loop treats it like a 5xx; once retries are spent it is `MalformedResponse`.
public struct MalformedAnswer: Error, Sendable, Hashable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

extension AWSClient {
    /// Signs (fresh date and credentials per attempt), sends with the per-request timeout and retries
    /// by the policy. Returns 2xx answers and those `passThrough` accepts; throws `AWSError` otherwise.
    func perform(
        _ request: PreparedRequest, region: String, passThrough: @Sendable (AWSResponse) -> Bool = { _ in false }
    ) async throws -> AWSResponse {
        try await perform(request, region: region, passThrough: passThrough) { _ throws(MalformedAnswer) in () }.response
    }

    /// As `perform(_:region:passThrough:)`, and a 2xx answer must also `decode`: one that does not
    /// is retried like a 5xx. `value` is `nil` only for an answer `passThrough` accepted.
    func perform<T: Sendable>(
        _ request: PreparedRequest, region: String, passThrough: @Sendable (AWSResponse) -> Bool = { _ in false },
        decode: (AWSResponse) throws(MalformedAnswer) -> T
    ) async throws -> (response: AWSResponse, value: T?) {
        let host = AWSClient.hostHeader(of: request.baseURL)
        // An endpoint with a path (`http://proxy:4566/aws`) prefixes every request path, signed too.
        let (origin, basePath) = AWSClient.split(request.baseURL)
        var request = request
        request.path = basePath + request.path
        let queryString = SigV4.canonicalQueryString(request.query)
        let url = origin + request.path + (queryString.isEmpty ? "" : "?" + queryString)
        let payloadHash = SigV4.hexSHA256(request.body)
        var attempt = 1
        var clockCorrected = false
        var retryAfter: Double?
        // The retry quota's tokens the last retry took, given back if the call then succeeds.
        var acquired: Int?
        while true {
            if Task.isCancelled {
                throw AWSError(
                    service: request.service.rawValue, operation: request.operation, resource: request.resource,
                    code: "Cancelled", message: "the request was cancelled")
            }
            let remaining = configuration.deadline.map { $0 - configuration.clock() }
            if let remaining, remaining <= 0 { throw deadlineError(request) }
            if let limiter = rateLimiter {
                let wait = limiter.delayForToken()
                if wait > 0 { await configuration.sleep(min(wait, remaining ?? wait)) }
            }
            var headers = request.headers
            headers["host"] = host
            let date = SigningDate(secondsSince1970: configuration.clock() + clockCorrection.offset)
            if credentialProvider != nil {
                let credentials = try await resolveCredentials()
                let unsigned = SigV4Request(
                    method: request.method, path: request.path, query: request.query, headers: headers,
                    payloadHash: payloadHash)
                headers = SigV4.sign(
                    unsigned, credentials: credentials.signing, region: region, service: request.service.signingName,
                    date: date, options: request.signingOptions)
            } else {
                headers["x-amz-date"] = date.timestamp
            }
            let http = HTTPRequest(
                method: request.method, url: url, headers: headers, body: request.body, timeout: configuration.timeout)
            let budget = min(configuration.connectTimeout + configuration.timeout, remaining ?? .infinity)
            metrics.recordRequest(service: request.service.rawValue, isRetry: attempt > 1)
            let error: AWSError
            switch await exchange(http, budget: budget) {
            case .failure(let failure):
                error = AWSError(
                    service: request.service.rawValue, operation: request.operation, resource: request.resource,
                    code: failure.code, message: failure.message, retryClass: .transient)
            case .success(let response) where (200..<300).contains(response.status):
                rateLimiter?.update(throttled: false)
                do throws(MalformedAnswer) {
                    let value = try decode(response)
                    retryQuota?.release(acquired: acquired)
                    return (response, value)
                } catch let malformed {
                    error = AWSError(
                        service: request.service.rawValue, operation: request.operation, resource: request.resource,
                        code: "MalformedResponse", message: malformed.reason, httpStatus: response.status,
                        requestID: response.headers["x-amzn-requestid"] ?? response.headers["x-amz-request-id"],
                        retryClass: .server)
                }
            case .success(let response):
                if passThrough(response) {
                    retryQuota?.release(acquired: acquired)
                    return (response, nil)
                }
                retryAfter = response.headers["retry-after"].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                error = ErrorDecoder.decode(
                    response, service: request.service.rawValue, operation: request.operation, resource: request.resource)
                if !clockCorrected,
                    let offset = ClockCorrection.correction(
                        for: error, response: response, now: configuration.clock(), current: clockCorrection.offset)
                {
                    // Our clock is off: sign with AWS's time and try again, once, without spending an attempt.
                    clockCorrection.set(offset)
                    clockCorrected = true
                    continue
                }
            }
            if let deadline = configuration.deadline, configuration.clock() >= deadline { throw deadlineError(request, after: error) }
            if error.retryClass == .throttling { metrics.recordThrottle() }
            if error.httpStatus > 0, !(200..<300).contains(error.httpStatus) {
                rateLimiter?.update(throttled: error.retryClass == .throttling)
            }
            if Task.isCancelled { throw error }
            let decision = configuration.retryPolicy.decide(
                error, attempt: attempt, random: configuration.random(), retryAfter: retryAfter)
            retryAfter = nil
            switch decision {
            case .stop: throw error
            case .retry(let delay):
                // A wait that would end past the deadline is not worth starting: report this error.
                if let deadline = configuration.deadline, configuration.clock() + delay >= deadline {
                    throw deadlineError(request, after: error)
                }
                // An exhausted quota answers with this error rather than another try.
                if let quota = retryQuota {
                    guard let cost = quota.acquire(after: error) else { throw error }
                    acquired = cost
                }
                await configuration.sleep(delay)
                attempt += 1
            }
        }
    }

    func deadlineError(_ request: PreparedRequest, after last: AWSError? = nil) -> AWSError {
        AWSError(
            service: request.service.rawValue, operation: request.operation, resource: request.resource, code: "DeadlineExceeded",
            message: "the --deadline passed before this call could complete"
                + (last.map { " (last attempt: \($0.code))" } ?? ""))
    }

    /// One HTTP exchange; every failure without an HTTP answer as a `TransportError`.
    private func exchange(_ http: HTTPRequest, budget: Double) async -> Result<AWSResponse, TransportError> {
        do { return .success(try await send(http, budget: budget)) } catch let failure as TransportError {
            return .failure(failure)
        } catch {
            return .failure(TransportError(.other, url: http.url, message: "\(error)"))
        }
    }

    /// Races the transport against the per-request timeout, so a stalled connection fails in time
    /// whatever the transport's own timeout semantics are.
    private func send(_ http: HTTPRequest, budget: Double) async throws -> AWSResponse {
        let transport = configuration.transport
        let timeout = budget
        return try await withThrowingTaskGroup(of: AWSResponse?.self) { group in
            group.addTask { try await transport.send(http) }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(max(0.001, timeout) * 1_000_000_000))
                return nil
            }
            defer { group.cancelAll() }
            if let first = try await group.next(), let response = first { return response }
            throw TransportError(.timedOut, url: http.url, message: "no answer from \(http.url) within \(Int(timeout)) s")
        }
    }

    /// `scheme://host[:port]` and the path after it (no trailing slash).
    static func split(_ baseURL: String) -> (origin: String, path: String) {
        guard let scheme = baseURL.range(of: "://"),
            let slash = baseURL[scheme.upperBound...].firstIndex(of: "/")
        else { return (baseURL, "") }
        var path = String(baseURL[slash...])
        while path.hasSuffix("/") { path.removeLast() }
        return (String(baseURL[..<slash]), path)
    }

    /// `host[:port]` of a base URL, as the `Host` header carries it.
    static func hostHeader(of baseURL: String) -> String {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        return String(rest).lowercased()
    }
}
