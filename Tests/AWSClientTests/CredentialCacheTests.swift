import AWSClient
import Foundation
import Testing

@Suite("Credential cache")
struct CredentialCacheTests {
    /// Counts calls and hands out credentials expiring `lifetime` seconds after the fake clock.
    final class Counting: CredentialProvider, @unchecked Sendable {
        let name = "counting"
        private let lock = NSLock()
        private var _calls = 0
        let clock: FakeClock
        let lifetime: Double
        init(clock: FakeClock, lifetime: Double) {
            self.clock = clock
            self.lifetime = lifetime
        }
        var calls: Int { lock.withLock { _calls } }
        func credentials() async throws -> Credentials {
            let n = lock.withLock { _calls += 1; return _calls }
            try await Task.sleep(nanoseconds: 20_000_000)  // long enough for callers to pile up
            return Credentials(
                accessKeyID: "AKID\(n)", secretAccessKey: "s", expiration: clock.now.addingTimeInterval(lifetime))
        }
    }

    final class FakeClock: @unchecked Sendable {
        private let lock = NSLock()
        private var _now = Date(timeIntervalSince1970: 1_000_000)
        var now: Date { lock.withLock { _now } }
        func advance(_ seconds: Double) { lock.withLock { _now = _now.addingTimeInterval(seconds) } }
    }

    @Test("concurrent callers share one fetch; a refresh happens inside the window, once")
    func sharedRefresh() async throws {
        let clock = FakeClock()
        let provider = Counting(clock: clock, lifetime: 3600)
        let cache = CredentialCache(provider, refreshWindow: 300, now: { clock.now })
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await cache.credentials().accessKeyID } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(ids == ["AKID1"])
        #expect(provider.calls == 1)
        clock.advance(3000)  // 600 s left: still outside the window
        #expect(try await cache.credentials().accessKeyID == "AKID1")
        clock.advance(400)  // 200 s left: refresh
        let refreshed = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<10 { group.addTask { try await cache.credentials().accessKeyID } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(refreshed == ["AKID2"])
        #expect(provider.calls == 2)
    }
}
