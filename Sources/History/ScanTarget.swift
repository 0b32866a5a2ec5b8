import Foundation

/// What a scan is of: one Terraform root, one account, one region. "The previous scan" always
/// means the previous scan of the same target, so two roots sharing a database never mix.
public struct ScanTarget: Sendable, Hashable, Comparable {
    /// The baseline directory, absolute and standardized, so `./infra` and `/src/infra` agree.
    public var root: String
    public var account: String?
    public var region: String

    public init(root: String, account: String?, region: String) {
        self.root = root
        self.account = account
        self.region = region
    }

    /// A baseline directory as the user named it, made absolute against the current directory.
    public static func canonicalRoot(_ directory: String, currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        let absolute = directory.hasPrefix("/") ? directory : currentDirectory + "/" + directory
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The stored key: `root|account|region` (an unknown account is empty).
    public var key: String { "\(root)|\(account ?? "")|\(region)" }

    public static func < (a: ScanTarget, b: ScanTarget) -> Bool { a.key < b.key }
}
