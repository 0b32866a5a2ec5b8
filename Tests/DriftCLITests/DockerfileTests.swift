import Foundation
import Testing
import TestSupport

/// `deploy/Dockerfile` as far as a machine without a container runtime can check it: its build is
/// scripts/release (the one way drift is built, and the one the release tests check), on
/// scripts/bootstrap's packages; its runtime image provides every library the packed binary needs,
/// and it runs as a non-root user with nothing to write outside /tmp.
@Suite("deploy/Dockerfile")
struct DockerfileTests {
    struct Instruction {
        var keyword: String
        var arguments: String
    }

    /// The Dockerfile's instructions (continuations joined, comments dropped), grouped by stage.
    static func stages() throws -> (arguments: [String: String], stages: [[Instruction]]) {
        let text = try String(contentsOf: ProjectEnvironment.root.appendingPathComponent("deploy/Dockerfile"), encoding: .utf8)
        var logical: [String] = []
        var current = ""
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") || (line.isEmpty && current.isEmpty) { continue }
            if line.hasSuffix("\\") {
                current += line.dropLast() + " "
            } else {
                current += line
                if !current.trimmingCharacters(in: .whitespaces).isEmpty { logical.append(current) }
                current = ""
            }
        }
        var arguments: [String: String] = [:]
        var stages: [[Instruction]] = []
        for line in logical {
            let parts = line.split(separator: " ", maxSplits: 1)
            let instruction = Instruction(
                keyword: parts[0].uppercased(), arguments: parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : "")
            if instruction.keyword == "ARG", stages.isEmpty, let eq = instruction.arguments.firstIndex(of: "=") {
                arguments[String(instruction.arguments[..<eq])] = String(instruction.arguments[instruction.arguments.index(after: eq)...])
            }
            if instruction.keyword == "FROM" { stages.append([]) }
            if !stages.isEmpty { stages[stages.count - 1].append(instruction) }
        }
        return (arguments, stages)
    }

    /// The shell commands of a stage's RUN instructions, split at `&&` and `;`, as word lists.
    static func commands(_ stage: [Instruction]) -> [[String]] {
        var commands: [[String]] = []
        for run in stage where run.keyword == "RUN" {
            for part in run.arguments.components(separatedBy: "&&") {
                for command in part.components(separatedBy: ";") {
                    let words: [String] = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                    if !words.isEmpty { commands.append(words) }
                }
            }
        }
        return commands
    }

    /// `scripts/release FLAGS` as a script of the repository runs it: the flags' names only.
    static func releaseFlags(in words: [String]) -> [String] { words.dropFirst().filter { $0.hasPrefix("--") } }

    static func script(_ name: String) throws -> String {
        try String(contentsOf: ProjectEnvironment.root.appendingPathComponent(name), encoding: .utf8)
    }

    @Test("the build stage's only compile is scripts/release, with the release tests' flags")
    func buildIsTheReleaseScript() throws {
        let (_, stages) = try Self.stages()
        try #require(stages.count >= 2, "a multi-stage build: a build stage and a runtime stage")
        let build = Self.commands(stages[0])
        let releases = build.filter { $0.first == "scripts/release" }
        try #require(releases.count == 1, "one RUN scripts/release in the build stage: \(build)")
        // scripts/test packs the binary the release tests check; it links the debug build
        // (--debug: the tests' own objects, the same static link), the image the release build.
        let testLine = try #require(
            try Self.script("scripts/test").split(separator: "\n").first { $0.hasPrefix("scripts/release ") })
        let testFlags = Self.releaseFlags(in: testLine.split(separator: " ").map(String.init))
        #expect(testFlags.contains("--debug"))
        #expect(Self.releaseFlags(in: releases[0]) == testFlags.filter { $0 != "--debug" })
        // Every flag is one scripts/release accepts (its `case` arms).
        let accepted = try Self.script("scripts/release").split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("--"), let paren = trimmed.firstIndex(of: ")") else { return nil }
            return String(trimmed[..<paren])
        }
        #expect(Set(testFlags).isSubset(of: Set(accepted)), "\(testFlags) vs \(accepted)")
        // Nothing else compiles drift: no swift build outside the script.
        for stage in stages {
            for words in Self.commands(stage) { #expect(!(words.first == "swift" && words.dropFirst().first == "build"), "\(words)") }
        }
        // The packed tarball is what the runtime stage copies.
        #expect(build.contains { $0.first == "tar" && $0.contains { $0.hasPrefix("/dist/drift-") } })
    }

    @Test("the build stage installs the development packages scripts/bootstrap installs")
    func buildPackagesAreBootstraps() throws {
        let bootstrap = try Self.script("scripts/bootstrap")
        let loop = try #require(bootstrap.split(separator: "\n").first { $0.hasPrefix("for pkg in ") })
        let development = loop.split(separator: " ").map(String.init).filter { $0.hasSuffix("-dev") }
        try #require(development.count >= 3, "\(loop)")
        let (_, stages) = try Self.stages()
        let installed = Set(Self.commands(stages[0]).filter { $0.starts(with: ["apt-get", "install"]) }.flatMap { $0 })
        for package in development { #expect(installed.contains(package), "the build stage lacks \(package)") }
    }

    @Test("the runtime stage is a slim image of this machine's Debian, non-root, writable only in /tmp")
    func runtimeStage() throws {
        let (arguments, stages) = try Self.stages()
        let runtime = try #require(stages.last)
        var image = runtime[0].arguments.split(separator: " ")[0]
        if image.hasPrefix("${"), let name = image.dropFirst(2).split(separator: "}").first {
            image = Substring(arguments[String(name)] ?? String(image))
        }
        let release = try String(contentsOfFile: "/etc/os-release", encoding: .utf8)
        let codename = try #require(release.split(separator: "\n").first { $0.hasPrefix("VERSION_CODENAME=") }?.split(separator: "=").last)
        #expect(image == "debian:\(codename)-slim", "the libraries below are checked against this machine's Debian")
        #expect(stages[0][0].arguments.contains(" AS build"))
        #expect(runtime.contains { $0.keyword == "COPY" && $0.arguments.hasPrefix("--from=build ") })
        let user = try #require(runtime.last { $0.keyword == "USER" }?.arguments)
        let uid = user.split(separator: ":")[0]
        #expect(Int(uid).map { $0 > 0 } == true, "USER must be a numeric non-root uid (runAsNonRoot checks it): \(user)")
        let env = runtime.filter { $0.keyword == "ENV" }.map(\.arguments).joined(separator: " ")
        #expect(env.contains("HOME=/tmp"))
        #expect(runtime.contains { $0.keyword == "VOLUME" && $0.arguments.contains("\"/tmp\"") })
        #expect(runtime.last { $0.keyword == "ENTRYPOINT" }?.arguments == "[\"/usr/local/bin/drift\"]")
        #expect(runtime.contains { $0.keyword == "COPY" && $0.arguments.hasSuffix(" /usr/local/bin/drift") })
    }

    @Test("the runtime packages provide every library the packed release binary needs")
    func runtimeLibraries() throws {
        let dist = ProjectEnvironment.root.appendingPathComponent(".build/release-check")
        let tarball = try #require(
            ((try? FileManager.default.contentsOfDirectory(atPath: dist.path)) ?? []).filter { $0.hasSuffix(".tar.gz") }.sorted().last,
            "no tarball in .build/release-check: scripts/test makes it with scripts/release --debug --out .build/release-check")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("drift-docker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(try ReleaseTests.run(["tar", "-C", work.path, "-xzf", dist.appendingPathComponent(tarball).path]).status == 0)
        let binary = work.appendingPathComponent(String(tarball.dropLast(".tar.gz".count))).appendingPathComponent("bin/drift").path
        let needed = try ReleaseTests.dynamic("NEEDED", of: binary)
        try #require(!needed.isEmpty)
        let (_, stages) = try Self.stages()
        let installed = Set(Self.commands(stages.last ?? []).filter { $0.starts(with: ["apt-get", "install"]) }.flatMap { $0 })
        // What debian:*-slim has already: apt and dpkg need them.
        let base: Set<String> = ["libc6", "libgcc-s1", "libstdc++6", "zlib1g"]
        for library in needed {
            // `pkg:arch[, pkg:arch]: /path` per file; `diversion by ...` lines name no owner.
            let lines = try ReleaseTests.run(["dpkg", "-S", "*/\(library)"]).stdout.split(separator: "\n")
            let owners = lines.filter { !$0.hasPrefix("diversion") }.flatMap { line in
                (line.components(separatedBy: ": ").first ?? "").components(separatedBy: ", ").map {
                    String($0.split(separator: ":").first ?? "")
                }
            }
            #expect(!owners.isEmpty, "no Debian package has \(library)")
            #expect(owners.contains { installed.contains($0) || base.contains($0) }, "\(library) (from \(owners)) is not in the runtime image")
        }
    }
}
