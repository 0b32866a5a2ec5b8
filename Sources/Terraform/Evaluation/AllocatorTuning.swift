#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator grows each thread's heap 128 KiB at a time, with one `mprotect` call each,
/// and trims it as eagerly: loading a 10 MB configuration allocates about 800 MB across the
/// parsing and evaluating threads, and those calls were a fifth of its system time. Growing and
/// trimming in 64 MiB steps costs no resident memory (a page is still only backed when touched).
public enum AllocatorTuning {
    /// Process-wide, so called once by the command line before it loads anything, never by the
    /// library itself. Does nothing where the C library has no `mallopt`.
    public static func forLargeLoads() {
        #if canImport(Glibc)
        // `mallopt` and its parameters live in <malloc.h>, which Swift's Glibc module leaves out;
        // the parameter numbers are glibc's ABI.
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let trimThreshold: Int32 = -1, topPad: Int32 = -2
        _ = mallopt(topPad, 64 << 20)
        _ = mallopt(trimThreshold, 128 << 20)
        #endif
    }
}
