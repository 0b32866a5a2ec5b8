import Foundation

/// Where a history lives, as `--history` or `DRIFT_HISTORY` names it: a SQLite file path, or a
/// PostgreSQL server as `postgres://user[:password]@host[:port]/database[?sslmode=disable]`.
/// Parsing is pure and always built (so a build without PostgreSQL still recognises the URL and
/// says it cannot use it), and nothing here ever prints the password.
public enum HistoryLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// A `postgres://` or `postgresql://` text is a server; anything else is a file path.
    public init(parsing text: String) throws(HistoryError) {
        let lower = text.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            self = .postgres(try PostgresURL(parsing: text))
        } else if lower.hasPrefix("postgres:") || lower.hasPrefix("postgresql:") {
            throw .invalidArgument("--history: a PostgreSQL history is postgres://user[:password]@host:port/database")
        } else {
            self = .sqlite(path: text)
        }
    }

    /// What messages show: the path, or the URL without its password.
    public var displayName: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url): return url.redacted
        }
    }
}

/// A PostgreSQL connection as a URL names it. `password` is a secret: `description` and
/// `redacted` leave it out, and so does every error about the URL.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String

    /// The `sslmode` values this build honours. TLS is not built in: on loopback (or through a
    /// tunnel) `disable` is what a connection uses; asking for TLS is refused, never ignored.
    public static let supportedSSLModes: Set<String> = ["disable"]

    public init(user: String, password: String?, host: String, port: Int = 5432, database: String) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
    }

    public init(parsing text: String) throws(HistoryError) {
        func bad(_ why: String) -> HistoryError {
            .invalidArgument("--history: \(why) (expected postgres://user[:password]@host:port/database)")
        }
        guard let schemeEnd = text.range(of: "://") else { throw bad("not a URL") }
        var rest = Substring(text[schemeEnd.upperBound...])
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        guard let slash = rest.firstIndex(of: "/") else { throw bad("no database name") }
        let authority = rest[..<slash]
        let databaseText = rest[rest.index(after: slash)...]
        guard !databaseText.isEmpty, !databaseText.contains("/") else { throw bad("no database name") }
        guard let at = authority.lastIndex(of: "@") else { throw bad("no user name") }
        let userInfo = authority[..<at]
        let hostPort = authority[authority.index(after: at)...]
        let userText: Substring
        var password: String?
        if let colon = userInfo.firstIndex(of: ":") {
            userText = userInfo[..<colon]
            guard let decoded = String(userInfo[userInfo.index(after: colon)...]).removingPercentEncoding else {
                throw bad("the password is not valid percent-encoding")
            }
            password = decoded.isEmpty ? nil : decoded
        } else {
            userText = userInfo
        }
        guard let user = String(userText).removingPercentEncoding, !user.isEmpty else { throw bad("no user name") }
        guard let database = String(databaseText).removingPercentEncoding else { throw bad("the database name is not valid percent-encoding") }

        var host: Substring
        var portText: Substring?
        if hostPort.hasPrefix("[") {  // [::1]:5432
            guard let close = hostPort.firstIndex(of: "]") else { throw bad("an unclosed [ in the host") }
            host = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { throw bad("text after the host") }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = hostPort[..<colon]
            portText = hostPort[hostPort.index(after: colon)...]
        } else {
            host = hostPort
        }
        guard !host.isEmpty else { throw bad("no host") }
        var port = 5432
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value) else { throw bad("the port is not a number from 1 to 65535") }
            port = value
        }
        for option in query.split(separator: "&") where !option.isEmpty {
            let parts = option.split(separator: "=", maxSplits: 1)
            let name = String(parts[0])
            let value = parts.count > 1 ? String(parts[1]) : ""
            switch name {
            case "sslmode":
                guard Self.supportedSSLModes.contains(value) else {
                    throw .invalidArgument(
                        "--history: sslmode=\(value) is not supported: this drift connects to PostgreSQL without TLS "
                            + "(use sslmode=disable on loopback or through a tunnel)")
                }
            default:
                throw .invalidArgument("--history: unknown option \(name) in the PostgreSQL URL (known: sslmode)")
            }
        }
        self.init(user: user, password: password, host: String(host), port: port, database: database)
    }

    /// The URL with the password left out, for every message that names the history.
    public var redacted: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(user)@\(shownHost):\(port)/\(database)"
    }

    public var description: String { redacted }

    /// The whole URL, password included, for handing to another process (a test's child `drift`).
    /// A secret: never print it.
    public var withPassword: String {
        let allowed = CharacterSet.urlUserAllowed.subtracting(CharacterSet(charactersIn: ":@/?#[]"))
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let secret = password.map { ":" + encode($0) } ?? ""
        return "postgres://\(encode(user))\(secret)@\(shownHost):\(port)/\(encode(database))"
    }

    /// The password to use: the URL's, else `PGPASSWORD` (as libpq does), else none.
    public func resolvedPassword(environment: [String: String]) -> String? {
        if let password { return password }
        if let env = environment["PGPASSWORD"], !env.isEmpty { return env }
        return nil
    }
}
