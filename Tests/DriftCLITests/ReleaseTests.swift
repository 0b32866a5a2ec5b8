import Foundation
import Testing
import TestSupport

/// The packed binary of `scripts/release` runs where no Swift toolchain is: its direct
/// dependencies are system libraries only, and it runs with the toolchain's library directory
/// hidden (a private mount namespace with an empty tmpfs over it) and an empty LD_LIBRARY_PATH.
///
/// `scripts/test` packs the debug build this way (`scripts/release --debug --out
/// .build/release-check`: three links and a tar, about 30 s) before `swift test`; a release build
/// takes many minutes on two cores, and the linking that makes the binary self-contained is the same.
@Suite("the packed release binary", .serialized)
struct ReleaseTests {
    static let allowed: Set<String> = [
        "libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
        "libcurl.so.4", "libxml2.so.2", "libz.so.1", "libsqlite3.so.0", "libpthread.so.0", "libdl.so.2",
    ]

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        final class Box: @unchecked Sendable { var data = Data() }
        let box = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            box.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self),
            stderr: String(decoding: box.data, as: UTF8.self))
    }

    /// `readelf -d` entries of one kind (`NEEDED`, `RUNPATH`).
    static func dynamic(_ kind: String, of binary: String) throws -> [String] {
        let result = try run(["readelf", "-d", binary])
        return result.stdout.split(separator: "\n").filter { $0.contains("(\(kind))") }.compactMap { line in
            guard let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]") else { return nil }
            return String(line[line.index(after: open)..<close])
        }
    }

    /// Runs `binary arguments` with `hidden` covered by an empty tmpfs, nothing in the environment
    /// but an empty LD_LIBRARY_PATH and a PATH.
    static func isolated(_ binary: String, _ arguments: [String], hiding hidden: String, directory: String) throws -> Run {
        let quoted = ([binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let script = "mount -t tmpfs tmpfs '\(hidden)' && cd '\(directory)' && exec env -i LD_LIBRARY_PATH= PATH=/usr/bin:/bin \(quoted)"
        return try run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script])
    }

    @Test("the tarball matches its .sha256, needs only system libraries, and runs with the toolchain hidden")
    func packedBinaryRunsWithoutToolchain() throws {
        let root = ProjectEnvironment.root
        let dist = root.appendingPathComponent(".build/release-check")
        let tarballs = (try? FileManager.default.contentsOfDirectory(atPath: dist.path))?.filter { $0.hasPrefix("drift-") && $0.hasSuffix(".tar.gz") } ?? []
        let tarball = try #require(tarballs.sorted().last, "no tarball in .build/release-check: scripts/test makes it with scripts/release --debug --out .build/release-check")
        #expect(tarball.range(of: #"^drift-[0-9][0-9A-Za-z.+-]*-linux-(x86_64|aarch64)\.tar\.gz$"#, options: .regularExpression) != nil)

        let check = try Self.run(["sh", "-c", "cd '\(dist.path)' && sha256sum --check '\(tarball).sha256'"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        let work = FileManager.default.temporaryDirectory.appendingPathComponent("drift-release-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let untar = try Self.run(["tar", "-C", work.path, "-xzf", dist.appendingPathComponent(tarball).path])
        #expect(untar.status == 0, "\(untar.stderr)")
        let packed = work.appendingPathComponent(String(tarball.dropLast(".tar.gz".count))).appendingPathComponent("bin/drift").path
        #expect(FileManager.default.isExecutableFile(atPath: packed))

        let needed = try Self.dynamic("NEEDED", of: packed)
        #expect(!needed.isEmpty)
        #expect(Set(needed).isSubset(of: Self.allowed), "not system libraries: \(Set(needed).subtracting(Self.allowed).sorted())")

        // The toolchain's library directory, from the ordinary build's RUNPATH.
        let ordinary = DriftBinary.path
        let runpath = try #require(try Self.dynamic("RUNPATH", of: ordinary).first?.split(separator: ":").first { $0.hasPrefix("/") })
        let toolchainLib = URL(fileURLWithPath: String(runpath)).deletingLastPathComponent().deletingLastPathComponent().path
        #expect(toolchainLib.hasSuffix("/lib"), "\(toolchainLib)")
        for entry in try Self.dynamic("RUNPATH", of: packed) + Self.dynamic("RPATH", of: packed) {
            #expect(!entry.contains(toolchainLib), "the packed binary looks in the toolchain: \(entry)")
        }
        let ldd = try Self.run(["ldd", packed])
        #expect(ldd.status == 0)
        #expect(!ldd.stdout.contains(toolchainLib) && !ldd.stdout.contains("not found"), "\(ldd.stdout)")

        // The isolation works: the ordinary build cannot start without the toolchain.
        let control = try Self.isolated(ordinary, ["--version"], hiding: toolchainLib, directory: work.path)
        #expect(control.status == 127, "the ordinary build ran with \(toolchainLib) hidden: \(control.stderr)")
        #expect(control.stderr.contains("error while loading shared libraries"))

        let version = try Self.isolated(packed, ["--version"], hiding: toolchainLib, directory: work.path)
        #expect(version.status == 0, "\(version.stderr)")
        #expect(version.stdout == (try DriftBinary.run(["--version"])).stdout)
        #expect(!version.stdout.isEmpty)

        let seed = root.appendingPathComponent("baselines/seed").path
        let baseline = try Self.isolated(packed, ["baseline", "--baseline", seed, "--format", "json"], hiding: toolchainLib, directory: work.path)
        #expect(baseline.status == 0, "\(baseline.stderr)")
        let expected = try DriftBinary.run(["baseline", "--baseline", seed, "--format", "json"])
        #expect(baseline.stdout == expected.stdout)
        #expect(baseline.stdout.contains("\"aws_instance.ec2_example\""))
    }
}
