import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `HTTPTransport` over Foundation's URLSession (libcurl on Linux).
///
/// Redirects are never followed here: S3's 301/307 carry the bucket's region, which the client
/// must re-sign for, and following a redirect with the old signature would fail anyway.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    // URLSession is thread-safe; the class is immutable after init.
    private let session: URLSession

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 32
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        // The per-request budget (`--connect-timeout` + `--read-timeout`) is the client's, raced in
        // `AWSClient.send`, and each request carries its own `timeoutInterval`. The session's own
        // limits stay out of the way: its default of 60 s cut off `--read-timeout 300` at 60 s.
        configuration.timeoutIntervalForRequest = 7 * 24 * 3600
        configuration.timeoutIntervalForResource = 7 * 24 * 3600
        session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }

    public func send(_ request: HTTPRequest) async throws -> AWSResponse {
        guard let url = URL(string: request.url) else {
            throw TransportError(.other, url: request.url, message: "invalid URL")
        }
        var urlRequest = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: request.timeout)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers where name.lowercased() != "host" {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        if !request.body.isEmpty || request.method == "POST" || request.method == "PUT" {
            urlRequest.httpBody = Data(request.body)
        }
        let box = TaskBox()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<AWSResponse, Error>) in
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    if let error {
                        continuation.resume(throwing: URLSessionTransport.map(error, url: request.url))
                        return
                    }
                    guard let http = response as? HTTPURLResponse else {
                        continuation.resume(throwing: TransportError(.other, url: request.url, message: "not an HTTP response"))
                        return
                    }
                    var headers: [String: String] = [:]
                    for (key, value) in http.allHeaderFields {
                        if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
                    }
                    continuation.resume(returning: AWSResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
                }
                box.set(task)
                task.resume()
            }
        } onCancel: {
            box.cancel()
        }
    }

    static func map(_ error: Error, url: String) -> TransportError {
        let nsError = error as NSError
        guard nsError.domain == NSURLErrorDomain else {
            return TransportError(.other, url: url, message: nsError.localizedDescription)
        }
        switch URLError.Code(rawValue: nsError.code) {
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
            return TransportError(.unreachable, url: url, message: "cannot connect to \(url)")
        case .timedOut:
            return TransportError(.timedOut, url: url, message: "no answer from \(url) in time")
        case .networkConnectionLost, .badServerResponse:
            return TransportError(.connectionLost, url: url, message: "connection to \(url) was lost")
        case .cancelled:
            return TransportError(.other, url: url, message: "request to \(url) was cancelled")
        default:
            return TransportError(.other, url: url, message: "request to \(url) failed: \(nsError.localizedDescription)")
        }
    }
}

/// Holds the in-flight task so that Swift task cancellation can cancel it.
private final class TaskBox: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var cancelled = false

    func set(_ task: URLSessionDataTask) {
        lock.lock()
        self.task = task
        let cancelNow = cancelled
        lock.unlock()
        if cancelNow { task.cancel() }
    }

    func cancel() {
        lock.lock()
        cancelled = true
        let task = self.task
        lock.unlock()
        task?.cancel()
    }
}

private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
