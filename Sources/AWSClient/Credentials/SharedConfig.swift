import Foundation

/// The AWS CLI's two INI files: `~/.aws/credentials` (sections `[name]`) and `~/.aws/config`
/// (sections `[default]` and `[profile name]`), located through `AWS_SHARED_CREDENTIALS_FILE`
/// and `AWS_CONFIG_FILE` when set.
///
/// For one profile, keys from the credentials file win over the same keys in the config file,
/// as in the CLI. Nested sub-sections (indented lines such as `s3 =\n  addressing_style = path`)
/// are skipped: drift reads no nested setting.
public struct SharedConfig: Sendable, Hashable {
    public var credentialsPath: String
    public var configPath: String
    public var credentialsFile: [String: [String: String]]
    public var configFile: [String: [String: String]]

    public init(
        credentialsPath: String, configPath: String, credentialsFile: [String: [String: String]],
        configFile: [String: [String: String]]
    ) {
        self.credentialsPath = credentialsPath
        self.configPath = configPath
        self.credentialsFile = credentialsFile
        self.configFile = configFile
    }

    /// Reads both files; a missing file is an empty one.
    public static func load(environment: [String: String]) -> SharedConfig {
        let home = environment["HOME"] ?? NSHomeDirectory()
        func expand(_ path: String) -> String { path.hasPrefix("~/") ? home + path.dropFirst(1) : path }
        let credentialsPath = expand(environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials")
        let configPath = expand(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config")
        func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return SharedConfig(
            credentialsPath: credentialsPath, configPath: configPath,
            credentialsFile: parse(read(credentialsPath), isConfigFile: false),
            configFile: parse(read(configPath), isConfigFile: true))
    }

    /// The profile's merged settings, `nil` when neither file has it.
    public func profile(_ name: String) -> [String: String]? {
        let fromConfig = configFile[name]
        let fromCredentials = credentialsFile[name]
        if fromConfig == nil && fromCredentials == nil { return nil }
        return (fromConfig ?? [:]).merging(fromCredentials ?? [:]) { _, credentials in credentials }
    }

    /// Parses one INI file into sections of lower-cased keys.
    public static func parse(_ text: String, isConfigFile: Bool) -> [String: [String: String]] {
        var sections: [String: [String: String]] = [:]
        var current: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let isIndented = rawLine.first == " " || rawLine.first == "\t"
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { current = nil; continue }
                let header = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                current = sectionName(header, isConfigFile: isConfigFile)
                if let current, sections[current] == nil { sections[current] = [:] }
                continue
            }
            guard let section = current, !isIndented, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if let comment = value.range(of: " #") ?? value.range(of: " ;") {
                value = value[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            sections[section, default: [:]][key] = value
        }
        return sections
    }

    private static func sectionName(_ header: String, isConfigFile: Bool) -> String? {
        guard isConfigFile else { return header }
        if header == "default" { return "default" }
        if header.hasPrefix("profile ") {
            return header.dropFirst("profile ".count).trimmingCharacters(in: .whitespaces)
        }
        return nil  // [sso-session x], [services x] and bare names are not profiles in the config file.
    }
}
