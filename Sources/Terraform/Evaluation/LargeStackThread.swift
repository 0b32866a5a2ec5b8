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
        let work = Work { slot.value = body() }
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
            return body()
        }
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        if let thread { pthread_join(thread, nil) }
        #endif
        return slot.value ?? body()
    }
}
