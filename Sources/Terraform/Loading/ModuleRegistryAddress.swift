/// Terraform's module registry source address, `[HOSTNAME/]NAMESPACE/NAME/SYSTEM[//SUBDIR]`: the
/// only form a `module` block with `version` may use.
enum ModuleRegistryAddress {
    /// Why `source` is not a registry address, in Terraform's words; nil when it is one.
    static func problem(_ source: String) -> String? {
        if source.hasPrefix("./") || source.hasPrefix("../") || source == "." || source == ".." {
            return "can't use local directory \"\(source)\" as a module registry address"
        }
        var path = source
        if let subdir = source.range(of: "//") { path = String(source[..<subdir.lowerBound]) }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 || parts.count == 4 else {
            return "a module registry source address must have either three or four slash-separated components"
        }
        if parts.count == 4 {
            let host = parts[0]
            guard isHostname(host) else {
                return "invalid module registry hostname \"\(host)\"; internationalized domain names must be given "
                    + "as direct unicode characters, not in punycode"
            }
            if host == "github.com" || host == "bitbucket.org" {
                return "can't use \"\(host)\" as a module registry host, because it's reserved for installing "
                    + "directly from version control repositories"
            }
        }
        let (namespace, name, system) = (parts[parts.count - 3], parts[parts.count - 2], parts[parts.count - 1])
        if !isPart(namespace) {
            return "invalid namespace \"\(namespace)\": must be between one and 64 characters, including ASCII "
                + "letters, digits, dashes, and underscores, where dashes and underscores may not be the prefix or "
                + "suffix"
        }
        if !isPart(name) {
            return "invalid module name \"\(name)\": must be between one and 64 characters, including ASCII letters, "
                + "digits, dashes, and underscores, where dashes and underscores may not be the prefix or suffix"
        }
        if system.isEmpty || system.count > 64 || !system.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) }) {
            return "invalid target system \"\(system)\": must be between one and 64 ASCII letters or digits"
        }
        return nil
    }

    private static func isPart(_ text: String) -> Bool {
        guard (1...64).contains(text.count), let first = text.first, let last = text.last else { return false }
        let alnum = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber) }
        return alnum(first) && alnum(last) && text.allSatisfy { alnum($0) || $0 == "-" || $0 == "_" }
    }

    /// Labels of letters, digits and inner dashes, with a dot between them (and an optional port).
    private static func isHostname(_ text: String) -> Bool {
        var host = Substring(text)
        if let colon = host.lastIndex(of: ":") {
            guard host[host.index(after: colon)...].allSatisfy(\.isNumber) else { return false }
            host = host[..<colon]
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 1 && labels.allSatisfy { label in
            guard let first = label.first, let last = label.last, label.count <= 63 else { return false }
            return first != "-" && last != "-" && label.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
