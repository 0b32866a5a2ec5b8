import Foundation

/// Caches another provider's credentials and refreshes them shortly before they expire, once for
/// all concurrent callers: a scan with 16 tasks in flight makes one STS call, not 16.
public actor CredentialCache: CredentialProvider {
    public nonisolated let name: String
    private let provider: any CredentialProvider
    /// Refresh this many seconds before expiry.
    private let refreshWindow: Double
    private let now: @Sendable () -> Date
    private var cached: Credentials?
    private var inFlight: Task<Credentials, Error>?

    public init(_ provider: any CredentialProvider, refreshWindow: Double = 300, now: @escaping @Sendable () -> Date = { Date() }) {
        self.provider = provider
        self.name = provider.name
        self.refreshWindow = refreshWindow
        self.now = now
    }

    public func credentials() async throws -> Credentials {
        if let cached, !cached.expires(within: refreshWindow, of: now()) { return cached }
        let task: Task<Credentials, Error>
        if let inFlight {
            task = inFlight
        } else {
            let provider = self.provider
            task = Task { try await provider.credentials() }
            inFlight = task
        }
        do {
            let fresh = try await task.value
            if inFlight == task { inFlight = nil }
            cached = fresh
            return fresh
        } catch {
            if inFlight == task { inFlight = nil }
            // Still valid but inside the refresh window: keep using them rather than fail the scan.
            if let cached, !cached.expires(within: 0, of: now()) { return cached }
            throw error
        }
    }
}
