import Foundation

/// The commit a baseline directory is at, read from the repository's files (no `git` process:
/// a scan must not depend on one being installed). `nil` outside a repository or when the
/// reference cannot be resolved.
public enum GitCommit {
    public static func of(directory: String) -> String? {
        guard let gitDir = findGitDir(from: directory) else { return nil }
        guard let head = read(gitDir + "/HEAD") else { return nil }
        if !head.hasPrefix("ref: ") { return isHash(head) ? head : nil }
        let ref = String(head.dropFirst(5))
        // A linked worktree keeps HEAD to itself and the refs in the common directory.
        let common = read(gitDir + "/commondir").map { $0.hasPrefix("/") ? $0 : gitDir + "/" + $0 } ?? gitDir
        for dir in [gitDir, common] {
            if let hash = read(dir + "/" + ref), isHash(hash) { return hash }
        }
        for dir in [gitDir, common] {
            guard let packed = read(dir + "/packed-refs") else { continue }
            for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
                let hash = String(line.prefix { $0 != " " })
                if isHash(hash) { return hash }
            }
        }
        return nil
    }

    static func findGitDir(from directory: String) -> String? {
        var dir = ScanTarget.canonicalRoot(directory)
        while true {
            let candidate = dir == "/" ? "/.git" : dir + "/.git"
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir) {
                if isDir.boolValue { return candidate }
                // A worktree or submodule: `.git` is a file saying `gitdir: PATH`.
                if let text = read(candidate), text.hasPrefix("gitdir: ") {
                    let path = String(text.dropFirst(8))
                    return path.hasPrefix("/") ? path : (dir + "/" + path)
                }
                return nil
            }
            if dir == "/" { return nil }
            dir = (dir as NSString).deletingLastPathComponent
        }
    }

    private static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isHash(_ s: String) -> Bool {
        (s.count == 40 || s.count == 64) && s.allSatisfy(\.isHexDigit)
    }
}
