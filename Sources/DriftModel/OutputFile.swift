import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where every `--out` is written: checked before the command does its work, then written all or
/// nothing. One helper for every command, so every report, snapshot and export behaves the same.
///
/// - A regular file (new, existing, or behind a symlink) is written to a temporary file in the same
///   directory, fsynced and renamed over it: a signal, a full disk or a file-size limit leaves the
///   previous file whole and no temporary file behind. A new file is created with mode 0600
///   (reports can name resources and accounts); an existing one keeps its mode.
/// - A device, FIFO or socket (`/dev/stdout`, `/dev/null`, a pipe), or anything under `/dev` or
///   `/proc`, is written through and never replaced.
/// - A directory, or a path whose directory does not exist, fails in `prepare`, before any scan.
public struct OutputFile: Sendable {
    public struct Failure: Error, CustomStringConvertible, Sendable, Hashable {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public let path: String
    /// The file a rename replaces (the symlink's target for a symlink), `nil` when written through.
    let target: String?

    /// Checks `path` can be written, before the command starts its work.
    public static func prepare(_ path: String) throws(Failure) -> OutputFile {
        if path.isEmpty { throw Failure(path: path, reason: "the path is empty") }
        var info = stat()
        if stat(path, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR { throw Failure(path: path, reason: "it is a directory") }
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            if kind != S_IFREG || resolved.hasPrefix("/dev/") || resolved.hasPrefix("/proc/") || path.hasPrefix("/dev/") {
                return OutputFile(path: path, target: nil)
            }
            try checkDirectory(of: resolved, for: path)
            return OutputFile(path: path, target: resolved)
        }
        if errno != ENOENT { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        var link = stat()
        if lstat(path, &link) == 0 { throw Failure(path: path, reason: "it is a symbolic link to a missing file") }
        try checkDirectory(of: path, for: path)
        return OutputFile(path: path, target: path)
    }

    private static func checkDirectory(of file: String, for path: String) throws(Failure) {
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent().path
        var info = stat()
        guard stat(directory, &info) == 0 else { throw Failure(path: path, reason: "directory \(directory) does not exist") }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw Failure(path: path, reason: "\(directory) is not a directory") }
        guard access(directory, W_OK) == 0 else { throw Failure(path: path, reason: "directory \(directory) is not writable") }
    }

    /// Writes `text` as described above.
    public func write(_ text: String) throws(Failure) {
        // A native String is contiguous UTF-8: written from its own storage, not copied first.
        try write { fd in
            var text = text
            return text.withUTF8 { Self.writeAll(fd, UnsafeRawBufferPointer($0)) }
        }
    }

    public func write(_ bytes: [UInt8]) throws(Failure) {
        try write { fd in bytes.withUnsafeBytes { Self.writeAll(fd, $0) } }
    }

    /// Writes the concatenation of `parts`, each made only when its turn comes, so that a document
    /// of hundreds of MB (the snapshot of a large account) is never held whole in memory. All or
    /// nothing as above: a part that cannot be written leaves the previous file in place.
    public func write<Parts: Sequence<String>>(parts: Parts) throws(Failure) {
        try write { fd in
            var buffer = ""
            buffer.reserveCapacity(Self.chunk + 64 * 1024)
            for part in parts {
                buffer += part
                if buffer.utf8.count >= Self.chunk {
                    if let reason = buffer.withUTF8({ Self.writeAll(fd, UnsafeRawBufferPointer($0)) }) { return reason }
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            return buffer.withUTF8 { Self.writeAll(fd, UnsafeRawBufferPointer($0)) }
        }
    }

    /// Bytes gathered before one `write(2)` when writing parts.
    static let chunk = 1 << 20

    /// Opens the temporary file (or the device), lets `body` write everything to the descriptor
    /// (returning why not, if it could not), then fsyncs and renames.
    private func write(_ body: (Int32) -> String?) throws(Failure) {
        // A file-size limit (ulimit -f) must fail the write, not kill the process mid-file.
        let previous = signal(SIGXFSZ, SIG_IGN)
        defer { signal(SIGXFSZ, previous) }
        guard let target else { return try writeThrough(body) }
        let directory = URL(fileURLWithPath: target).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: target).lastPathComponent
        var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        let temporary = String(cString: template)
        TemporaryFiles.register(temporary)
        defer { TemporaryFiles.unregister() }
        func fail(_ reason: String) -> Failure {
            close(fd)
            unlink(temporary)
            return Failure(path: path, reason: reason)
        }
        var existing = stat()
        let mode: mode_t = stat(target, &existing) == 0 ? existing.st_mode & 0o7777 : 0o600
        if fchmod(fd, mode) != 0 { throw fail(String(cString: strerror(errno))) }
        if let reason = body(fd) { throw fail(reason) }
        if fsync(fd) != 0 { throw fail(String(cString: strerror(errno))) }
        if close(fd) != 0 {
            unlink(temporary)
            throw Failure(path: path, reason: String(cString: strerror(errno)))
        }
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
        let dirFD = open(directory, O_RDONLY)
        if dirFD >= 0 {
            fsync(dirFD)
            close(dirFD)
        }
    }

    private func writeThrough(_ body: (Int32) -> String?) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        let reason = body(fd)
        close(fd)
        if let reason { throw Failure(path: path, reason: reason) }
    }

    /// `nil` when every byte was written, else why not.
    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }
}

/// The one temporary file being written, removed by a signal handler if SIGINT, SIGTERM or SIGHUP
/// arrives mid-write. The path lives in a fixed C buffer because a handler may only call
/// async-signal-safe functions (`unlink`, `signal`, `raise`). Fenced here: the only global state.
enum TemporaryFiles {
    nonisolated(unsafe) static let buffer: UnsafeMutablePointer<CChar> = {
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: 4096)
        pointer[0] = 0
        return pointer
    }()

    static func register(_ path: String) {
        let bytes = Array(path.utf8CString.prefix(4095))
        for (i, byte) in bytes.enumerated() { buffer[i] = byte }
        buffer[bytes.count] = 0
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { received in
                if TemporaryFiles.buffer[0] != 0 { unlink(TemporaryFiles.buffer) }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    static func unregister() {
        buffer[0] = 0
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, SIG_DFL) }
    }
}
