import Foundation
import SigV4

/// A resolved AWS credential: keys, an optional session token, when it expires and which
/// provider produced it (for "using credentials from profile prod" style messages).
///
/// `description` redacts the secret and the token: credentials never reach a log or a report.
public struct Credentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String?
    /// `nil` for long-term keys, which never expire.
    public var expiration: Date?
    /// The provider that produced these, e.g. `environment` or `profile default`.
    public var source: String

    public init(
        accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil,
        source: String = "static"
    ) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.source = source
    }

    /// What the signer needs.
    public var signing: SigningCredentials {
        SigningCredentials(accessKeyID: accessKeyID, secretAccessKey: secretAccessKey, sessionToken: sessionToken)
    }

    /// True when these expire within `seconds` of `now` (always false for long-term keys).
    public func expires(within seconds: Double, of now: Date) -> Bool {
        guard let expiration else { return false }
        return expiration.timeIntervalSince(now) <= seconds
    }

    public var description: String {
        var s = "Credentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>"
        if sessionToken != nil { s += ", sessionToken: <redacted>" }
        if let expiration { s += ", expiration: \(expiration)" }
        return s + ", source: \(source))"
    }

    public var debugDescription: String { description }
}
