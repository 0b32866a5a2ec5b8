#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the evaluator on a thread with a large stack and joins it. Evaluation recurses along
/// reference chains (a local that refers to a local that...), and the cooperative threads an
/// async command runs on have small stacks: a few hundred nested references in a debug build
/// would otherwise crash instead of being evaluated or reported.
enum LargeStackThread {
    static let stackSize = 512 << 20

    private final class Work: @unchecked Sendable {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    private final class Slot<T>: @unchecked Sendable {
        var value: T?
    }

    static func run<T>(_ body: @escaping () -> T) -> T {
        let slot = Slot<T>()
        guard let thread = start(Work { slot.value = body() }) else { return body() }
        join(thread)
        return slot.value ?? body()
    }

    /// Runs every body on its own large-stack thread at once and returns their results in order:
    /// the files of one module parse in parallel (the parser recurses as deeply as the evaluator).
    static func runAll<T>(_ bodies: [() -> T]) -> [T] {
        guard bodies.count > 1 else { return bodies.map { $0() } }
        let slots = bodies.map { _ in Slot<T>() }
        joinAll(startAll(zip(bodies, slots).map { body, slot in { slot.value = body() } }))
        return zip(bodies, slots).map { body, slot in slot.value ?? body() }
    }

    /// Threads started by `startAll`, to be joined with `joinAll`.
    struct Running {
        fileprivate var threads: [Thread]
    }

    /// Starts every body on its own large-stack thread and returns at once, so that the caller
    /// can consume their results as they come; a body whose thread cannot start runs right here.
    static func startAll(_ bodies: [() -> Void]) -> Running {
        var threads: [Thread] = []
        for body in bodies {
            if let thread = start(Work(body)) { threads.append(thread) } else { body() }
        }
        return Running(threads: threads)
    }

    static func joinAll(_ running: Running) {
        running.threads.forEach(join)
    }

    /// Drops the caller's last reference to `value` on a detached large-stack thread: tearing down
    /// the syntax trees and caches of a 10 MB configuration takes as long as rendering its result,
    /// and nothing needs to wait for it.
    static func release<T>(_ value: T) {
        guard let thread = start(Work { withExtendedLifetime(value) {} }) else { return }
        detach(thread)
    }

    /// Keeps `value` alive until the process ends, so that nothing ever tears it down (see
    /// `BaselineLoader.freesLoadMemory`).
    static func keepForever<T>(_ value: T) {
        _ = Unmanaged.passRetained(Work { withExtendedLifetime(value) {} })
    }

    #if canImport(Glibc)
    fileprivate typealias Thread = pthread_t
    #else
    fileprivate typealias Thread = pthread_t?
    #endif

    private static func start(_ work: Work) -> Thread? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        let context = Unmanaged.passRetained(work).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let created = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<Work>.fromOpaque(raw).takeRetainedValue().run()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<Work>.fromOpaque(context).release()
            return nil
        }
        return thread
    }

    private static func join(_ thread: Thread) {
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        if let thread { pthread_join(thread, nil) }
        #endif
    }

    private static func detach(_ thread: Thread) {
        #if canImport(Glibc)
        pthread_detach(thread)
        #else
        if let thread { pthread_detach(thread) }
        #endif
    }
}
