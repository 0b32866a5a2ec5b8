/// `--fail-on`: which findings make the exit code 2. `drifted,missing,unmanaged` fails on any
/// finding of those kinds; `new` (alone or with kinds) only on findings a history calls new, so a
/// scheduled job pages once and not every hour.
public struct FailPolicy: Sendable, Hashable {
    public var kinds: Set<Finding.Kind>
    public var onlyNew: Bool

    public init(kinds: Set<Finding.Kind>, onlyNew: Bool = false) {
        self.kinds = kinds
        self.onlyNew = onlyNew
    }

    public func exitCode(for report: Report) -> Int32 {
        onlyNew ? report.exitCode(failOnNew: kinds) : report.exitCode(failOn: kinds)
    }
}
