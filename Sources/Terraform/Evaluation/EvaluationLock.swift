#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Guards the memo tables of one load (module instances, session, diagnostics) while worker
/// threads evaluate resources at once. Evaluation is pure, so the tables are only caches: a value
/// two threads compute at the same time is the same value, and the first one stored wins. Every
/// critical section is a table read or write, never an evaluation, so the lock is never held
/// while waiting for another.
final class EvaluationLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    /// Set by the coordinating thread only, before it starts workers and after it joins them (both
    /// are synchronization points), so reading it needs no lock. A single thread skips locking.
    var isShared = false

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        #if canImport(Glibc)
        // Critical sections are a table read or write: spinning a little beats sleeping in the
        // kernel, which is what a plain mutex does as soon as the other worker holds it.
        pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ADAPTIVE_NP))
        #endif
        pthread_mutex_init(mutex, &attributes)
        pthread_mutexattr_destroy(&attributes)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    @inline(__always)
    func sync<T>(_ body: () throws -> T) rethrows -> T {
        guard isShared else { return try body() }
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}

/// The keys being evaluated on the current thread, innermost last: a key already on it is a
/// cycle. Per thread, because two workers evaluating the same local at once is not a cycle.
final class EvaluationStack {
    var keys: [String] = []

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { raw in
            guard let raw else { return }
            Unmanaged<EvaluationStack>.fromOpaque(raw).release()
        }
        return key
    }()

    /// This thread's stack, created on first use and released when the thread ends.
    static var current: EvaluationStack {
        if let raw = pthread_getspecific(key) { return Unmanaged<EvaluationStack>.fromOpaque(raw).takeUnretainedValue() }
        let stack = EvaluationStack()
        pthread_setspecific(key, Unmanaged.passRetained(stack).toOpaque())
        return stack
    }
}
