import Foundation
import Testing
import TestSupport

/// The scheduler files in `deploy/`, parsed by a real YAML parser (PyYAML): each has the fields its
/// scheduler requires, and the `--shard I/N` its jobs run covers 0…N-1 exactly once, with N equal
/// to the number of jobs, so that the shards together scan every target of drift.hcl once.
@Suite("deploy/ scheduler manifests")
struct SchedulerManifestTests {
    static func load(_ path: String) throws -> [[String: Any]] {
        let documents = try YAMLDocuments.load(ProjectEnvironment.root.appendingPathComponent(path).path)
        return documents.compactMap { $0 as? [String: Any] }
    }

    /// The value at a dotted path through objects.
    static func at(_ value: Any?, _ path: String) -> Any? {
        path.split(separator: ".").reduce(value) { node, key in (node as? [String: Any])?[String(key)] }
    }

    /// The `I/N` after each `--shard` in the words job `index` runs (`words(index)`: the command
    /// with the scheduler's placeholder replaced by the index). Returns the shard indices run and
    /// every N named.
    static func shards(_ jobs: [Int], words: (Int) -> [String]) -> (indices: [Int], counts: Set<Int>) {
        var run: [Int] = []
        var counts: Set<Int> = []
        for job in jobs {
            let command = words(job)
            for (offset, word) in command.enumerated() where word == "--shard" && offset + 1 < command.count {
                let parts = command[offset + 1].split(separator: "/").map { Int($0) }
                guard parts.count == 2, let i = parts[0], let n = parts[1] else { continue }
                run.append(i)
                counts.insert(n)
            }
        }
        return (run, counts)
    }

    /// `postgres://user@host/db`: a user, never a password in the URL (PGPASSWORD carries it).
    static func hasNoPassword(_ url: String) -> Bool {
        guard url.hasPrefix("postgres://"), let at = url.firstIndex(of: "@") else { return false }
        return !url[url.index(url.startIndex, offsetBy: "postgres://".count)..<at].contains(":")
    }

    @Test("the CronJob runs an Indexed Job of N pods whose --shard covers 0..N-1 once, as non-root on a read-only root")
    func cronJob() throws {
        let documents = try Self.load("deploy/kubernetes/drift-cronjob.yaml")
        for document in documents {
            #expect(document["apiVersion"] is String && document["kind"] is String, "every document names its apiVersion and kind")
        }
        let cron = try #require(documents.first { $0["kind"] as? String == "CronJob" })
        #expect(cron["apiVersion"] as? String == "batch/v1")
        let schedule = try #require(Self.at(cron, "spec.schedule") as? String)
        #expect(schedule.split(separator: " ").count == 5, "a five-field cron schedule: \(schedule)")
        let job = try #require(Self.at(cron, "spec.jobTemplate.spec") as? [String: Any])
        #expect(job["completionMode"] as? String == "Indexed")
        let completions = try #require(job["completions"] as? Int)
        #expect(job["parallelism"] as? Int == completions)
        #expect(completions >= 1)
        let pod = try #require(Self.at(job, "template.spec") as? [String: Any])
        // A pod failure policy needs restartPolicy Never; OnFailure is the only other a Job allows.
        #expect(pod["restartPolicy"] as? String == "Never")
        if job["podFailurePolicy"] != nil { #expect(pod["restartPolicy"] as? String == "Never") }
        let containers = try #require(pod["containers"] as? [[String: Any]])
        let drift = try #require(containers.first { $0["name"] as? String == "drift" })
        let words = (drift["command"] as? [String] ?? []) + (drift["args"] as? [String] ?? [])
        #expect(words.first == "scan")
        let config = words.firstIndex(of: "--config").map { words[$0 + 1] }
        #expect(config?.hasSuffix(".hcl") == true)
        let history = try #require(words.firstIndex(of: "--history").map { words[$0 + 1] })
        #expect(Self.hasNoPassword(history), "\(history)")
        let (indices, counts) = Self.shards(Array(0..<completions)) { index in
            words.map { $0.replacingOccurrences(of: "$(JOB_COMPLETION_INDEX)", with: String(index)) }
        }
        #expect(counts == [completions], "--shard I/N must name N = completions = \(completions)")
        #expect(indices.sorted() == Array(0..<completions), "every shard exactly once: \(indices)")
        let env = try #require(drift["env"] as? [[String: Any]])
        let index = env.first { $0["name"] as? String == "JOB_COMPLETION_INDEX" }
        #expect(
            Self.at(index, "valueFrom.fieldRef.fieldPath") as? String
                == "metadata.annotations['batch.kubernetes.io/job-completion-index']")
        let password = env.first { $0["name"] as? String == "PGPASSWORD" }
        #expect(Self.at(password, "valueFrom.secretKeyRef.name") is String)
        #expect(Self.at(password, "valueFrom.secretKeyRef.key") is String)
        #expect(password?["value"] == nil, "the password comes from a Secret, never the manifest")
        #expect(Self.at(pod, "securityContext.runAsNonRoot") as? Bool == true)
        #expect(Self.at(drift, "securityContext.readOnlyRootFilesystem") as? Bool == true)
        #expect(Self.at(drift, "securityContext.allowPrivilegeEscalation") as? Bool == false)
        // The one writable place the image expects (HOME=/tmp) is a volume.
        let mounts = try #require(drift["volumeMounts"] as? [[String: Any]])
        #expect(mounts.contains { $0["mountPath"] as? String == "/tmp" })
        let account = try #require(pod["serviceAccountName"] as? String)
        #expect(documents.contains { $0["kind"] as? String == "ServiceAccount" && Self.at($0, "metadata.name") as? String == account })
    }

    @Test("the workflow runs a matrix of N shards with OIDC credentials, on a schedule and by hand")
    func workflow() throws {
        let documents = try Self.load("deploy/github/drift-scan.yml")
        let workflow = try #require(documents.first)
        let on = try #require(workflow["on"] as? [String: Any], "`on:` (YAML 1.1 would read it as true)")
        let crons = (on["schedule"] as? [[String: Any]] ?? []).compactMap { $0["cron"] as? String }
        #expect(!crons.isEmpty && crons.allSatisfy { $0.split(separator: " ").count == 5 })
        #expect(on.keys.contains("workflow_dispatch"))
        #expect(Self.at(workflow, "permissions.id-token") as? String == "write")
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        try #require(!jobs.isEmpty)
        for (name, value) in jobs {
            let job = try #require(value as? [String: Any], "jobs.\(name)")
            #expect(job["runs-on"] != nil)
            let matrix = try #require(Self.at(job, "strategy.matrix.shard") as? [Int], "\(name): strategy.matrix.shard")
            #expect(Self.at(job, "strategy.fail-fast") as? Bool == false, "one shard's findings must not cancel the others")
            let steps = try #require(job["steps"] as? [[String: Any]])
            let credentials = steps.first { ($0["uses"] as? String)?.hasPrefix("aws-actions/configure-aws-credentials@") == true }
            let role = Self.at(credentials, "with.role-to-assume") as? String
            #expect(role != nil, "OIDC: configure-aws-credentials with role-to-assume")
            #expect(Self.at(credentials, "with.aws-access-key-id") == nil, "no stored keys")
            let scans = steps.compactMap { $0["run"] as? String }.filter { $0.contains("drift scan") }
            try #require(scans.count == 1, "\(name): one drift scan step")
            let scan: String = scans[0]
            let (indices, counts) = Self.shards(matrix) { (shard: Int) -> [String] in
                let command: String = scan.replacingOccurrences(of: "${{ matrix.shard }}", with: String(shard))
                return command.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
            }
            #expect(counts == [matrix.count], "--shard I/N must name N = the matrix size \(matrix.count)")
            #expect(indices.sorted() == Array(0..<matrix.count), "every shard exactly once: \(indices)")
            #expect(scans[0].contains("--config "))
            let scanStep = steps.first { ($0["run"] as? String)?.contains("drift scan") == true }
            let password = Self.at(scanStep, "env.PGPASSWORD") as? String
            #expect(password?.hasPrefix("${{ secrets.") == true, "the history password comes from a secret")
        }
    }
}
