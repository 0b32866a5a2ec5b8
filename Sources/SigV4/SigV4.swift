import Crypto

/// AWS Signature Version 4, one function per stage of the specification so that each can be
/// checked against AWS's published intermediate values.
///
/// Everything here is pure: the signing date is a parameter, nothing reads a clock or the
/// environment. Spec: https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
public enum SigV4 {
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// Hex SHA-256 of the empty body, the payload hash of every GET.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// What differs between services.
    public struct Options: Sendable, Hashable {
        /// S3 signs the path exactly as sent; every other service encodes it a second time.
        public var doubleEncodePath: Bool
        /// S3 requires the payload hash as an `x-amz-content-sha256` header.
        public var addContentSHA256Header: Bool

        public init(doubleEncodePath: Bool = true, addContentSHA256Header: Bool = false) {
            self.doubleEncodePath = doubleEncodePath
            self.addContentSHA256Header = addContentSHA256Header
        }

        public static let standard = Options()
        public static let s3 = Options(doubleEncodePath: false, addContentSHA256Header: true)
    }

    // MARK: Stage 1: canonical request
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request

    /// The canonical URI: the wire path, encoded once more unless the service is S3.
    public static func canonicalURI(path: String, doubleEncode: Bool) -> String {
        let path = path.isEmpty ? "/" : path
        return doubleEncode ? URIEncoding.encodePath(path) : path
    }

    /// Names and values encoded, then sorted by name and value.
    public static func canonicalQueryString(_ items: [SigV4Request.QueryItem]) -> String {
        items.map { (URIEncoding.encode($0.name), URIEncoding.encode($0.value)) }
            .sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    /// `name:value\n` lines (names lower-cased, values trimmed with inner runs of spaces collapsed),
    /// sorted by name, and the `;`-joined list of signed header names.
    public static func canonicalHeaders(_ headers: [String: String]) -> (canonical: String, signed: String) {
        var merged: [String: [String]] = [:]
        for (name, value) in headers { merged[name.lowercased(), default: []].append(normalize(value)) }
        let names = merged.keys.sorted()
        let canonical = names.map { "\($0):\(merged[$0, default: []].joined(separator: ","))\n" }.joined()
        return (canonical, names.joined(separator: ";"))
    }

    /// The six-line canonical request.
    public static func canonicalRequest(_ request: SigV4Request, options: Options = .standard) -> String {
        let headers = canonicalHeaders(request.headers)
        return [
            request.method.uppercased(),
            canonicalURI(path: request.path, doubleEncode: options.doubleEncodePath),
            canonicalQueryString(request.query),
            headers.canonical,
            headers.signed,
            request.payloadHash,
        ].joined(separator: "\n")
    }

    // MARK: Stage 2: string to sign
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-string-to-sign

    /// `yyyymmdd/region/service/aws4_request`.
    public static func credentialScope(date: SigningDate, region: String, service: String) -> String {
        "\(date.day)/\(region)/\(service)/aws4_request"
    }

    public static func stringToSign(canonicalRequest: String, date: SigningDate, scope: String) -> String {
        [algorithm, date.timestamp, scope, hexSHA256(Array(canonicalRequest.utf8))].joined(separator: "\n")
    }

    // MARK: Stage 3: signing key
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#derive-signing-key

    public static func signingKey(secretAccessKey: String, day: String, region: String, service: String) -> [UInt8] {
        var key = hmac(key: Array("AWS4\(secretAccessKey)".utf8), Array(day.utf8))
        key = hmac(key: key, Array(region.utf8))
        key = hmac(key: key, Array(service.utf8))
        return hmac(key: key, Array("aws4_request".utf8))
    }

    // MARK: Stage 4: signature
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#calculate-signature

    public static func signature(signingKey: [UInt8], stringToSign: String) -> String {
        hex(hmac(key: signingKey, Array(stringToSign.utf8)))
    }

    public static func authorizationHeader(accessKeyID: String, scope: String, signedHeaders: String, signature: String)
        -> String
    {
        "\(algorithm) Credential=\(accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }

    // MARK: All stages

    /// Adds `x-amz-date`, `x-amz-security-token` (temporary credentials), `x-amz-content-sha256`
    /// (S3) and `authorization` to the request's headers and returns the complete header set.
    /// The request's headers must already include `host`.
    public static func sign(
        _ request: SigV4Request, credentials: SigningCredentials, region: String, service: String,
        date: SigningDate, options: Options = .standard
    ) -> [String: String] {
        var request = request
        var headers: [String: String] = [:]
        for (name, value) in request.headers { headers[name.lowercased()] = value }
        headers["x-amz-date"] = date.timestamp
        if let token = credentials.sessionToken { headers["x-amz-security-token"] = token }
        if options.addContentSHA256Header { headers["x-amz-content-sha256"] = request.payloadHash }
        request.headers = headers
        let canonical = canonicalRequest(request, options: options)
        let scope = credentialScope(date: date, region: region, service: service)
        let toSign = stringToSign(canonicalRequest: canonical, date: date, scope: scope)
        let key = signingKey(secretAccessKey: credentials.secretAccessKey, day: date.day, region: region, service: service)
        headers["authorization"] = authorizationHeader(
            accessKeyID: credentials.accessKeyID, scope: scope, signedHeaders: canonicalHeaders(headers).signed,
            signature: signature(signingKey: key, stringToSign: toSign))
        return headers
    }

    // MARK: Primitives

    public static func hexSHA256(_ bytes: [UInt8]) -> String { hex(Array(SHA256.hash(data: bytes))) }

    static func hmac(key: [UInt8], _ message: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func normalize(_ value: String) -> String {
        var out = ""
        var lastWasSpace = false
        for ch in value.trimmingSpaces() {
            if ch == " " {
                if !lastWasSpace { out.append(ch) }
                lastWasSpace = true
            } else {
                out.append(ch)
                lastWasSpace = false
            }
        }
        return out
    }
}

extension String {
    fileprivate func trimmingSpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[start...end]
    }
}
