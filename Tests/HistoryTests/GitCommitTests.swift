import Foundation
import History
import Testing

@Suite("The baseline's git commit, read from .git")
struct GitCommitTests {
    let hash = "0123456789abcdef0123456789abcdef01234567"

    func repo() throws -> URL {
        let root = scratchDirectory()
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git/refs/heads"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("infra/prod"), withIntermediateDirectories: true)
        try "ref: refs/heads/main\n".write(to: root.appendingPathComponent(".git/HEAD"), atomically: true, encoding: .utf8)
        return root
    }

    @Test("a branch ref, from a subdirectory of the repository")
    func looseRef() throws {
        let root = try repo()
        try "\(hash)\n".write(to: root.appendingPathComponent(".git/refs/heads/main"), atomically: true, encoding: .utf8)
        #expect(GitCommit.of(directory: root.appendingPathComponent("infra/prod").path) == hash)
    }

    @Test("a packed ref, a detached HEAD, and no repository")
    func packedAndDetached() throws {
        let root = try repo()
        try "# pack-refs with: peeled\n\(hash) refs/heads/main\n".write(
            to: root.appendingPathComponent(".git/packed-refs"), atomically: true, encoding: .utf8)
        #expect(GitCommit.of(directory: root.path) == hash)
        try "\(hash)\n".write(to: root.appendingPathComponent(".git/HEAD"), atomically: true, encoding: .utf8)
        #expect(GitCommit.of(directory: root.path) == hash)
        #expect(GitCommit.of(directory: scratchDirectory().path) == nil)
    }

    @Test("a linked worktree: .git is a file naming the worktree's git directory")
    func worktree() throws {
        let main = try repo()
        try "\(hash)\n".write(to: main.appendingPathComponent(".git/refs/heads/feature"), atomically: true, encoding: .utf8)
        let gitDir = main.appendingPathComponent(".git/worktrees/wt")
        try FileManager.default.createDirectory(at: gitDir, withIntermediateDirectories: true)
        try "ref: refs/heads/feature\n".write(to: gitDir.appendingPathComponent("HEAD"), atomically: true, encoding: .utf8)
        try "../..\n".write(to: gitDir.appendingPathComponent("commondir"), atomically: true, encoding: .utf8)
        let tree = scratchDirectory()
        try "gitdir: \(gitDir.path)\n".write(to: tree.appendingPathComponent(".git"), atomically: true, encoding: .utf8)
        #expect(GitCommit.of(directory: tree.path) == hash)
    }
}
