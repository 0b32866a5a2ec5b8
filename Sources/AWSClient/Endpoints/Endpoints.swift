/// Where each service's requests go.
///
/// A custom endpoint (moto, LocalStack, a VPC endpoint) serves every region at one URL and makes
/// S3 use path-style addressing; without one, requests go to the real regional AWS host names.
public struct Endpoints: Sendable, Hashable {
    /// Custom base URLs by service (`http://127.0.0.1:5000`), without a trailing slash.
    public var custom: [AWSService: String]

    public init(custom: [AWSService: String] = [:]) {
        self.custom = custom.mapValues(Endpoints.trimmed)
    }

    /// The same custom endpoint for every service (`--endpoint-url`).
    public static func all(_ url: String) -> Endpoints {
        Endpoints(custom: Dictionary(uniqueKeysWithValues: AWSService.allCases.map { ($0, url) }))
    }

    /// Real AWS everywhere.
    public static let aws = Endpoints()

    /// `--endpoint-url`, then `AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`, then the profile's
    /// `endpoint_url`, else real AWS: the AWS CLI's order. `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true`
    /// ignores everything but the flag, as in the CLI.
    public static func resolve(
        endpointURL: String?, environment: [String: String], profileEndpointURL: String? = nil
    ) -> Endpoints {
        if let endpointURL, !endpointURL.isEmpty { return .all(endpointURL) }
        if environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true" { return .aws }
        var custom: [AWSService: String] = [:]
        for service in AWSService.allCases {
            let specific = environment["AWS_ENDPOINT_URL_\(service.environmentSuffix)"]
            if let url = [specific, environment["AWS_ENDPOINT_URL"], profileEndpointURL].compactMap({ $0 })
                .first(where: { !$0.isEmpty })
            {
                custom[service] = url
            }
        }
        return Endpoints(custom: custom)
    }

    /// Whether `service` goes to a custom endpoint.
    public func isCustom(_ service: AWSService) -> Bool { custom[service] != nil }

    /// The base URL (scheme, host, optional port; no path) for a service in a region.
    public func baseURL(_ service: AWSService, region: String) -> String {
        if let url = custom[service] { return url }
        return "https://\(service.rawValue).\(region).\(Endpoints.dnsSuffix(region: region))"
    }

    /// The base URL for an S3 bucket: path-style (`base/bucket`) on a custom endpoint or when the
    /// bucket name cannot be a TLS host label, virtual-host style (`https://bucket.s3.region...`)
    /// otherwise. Returns the base URL and the path prefix to put before the key.
    public func s3BaseURL(bucket: String?, region: String) -> (base: String, pathPrefix: String) {
        guard let bucket, !bucket.isEmpty else { return (baseURL(.s3, region: region), "") }
        if isCustom(.s3) || !Endpoints.isVirtualHostable(bucket) {
            return (baseURL(.s3, region: region), "/" + bucket)
        }
        return ("https://\(bucket).s3.\(region).\(Endpoints.dnsSuffix(region: region))", "")
    }

    static func dnsSuffix(region: String) -> String { region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com" }

    /// DNS-compatible and dot-free (dots break the wildcard TLS certificate).
    static func isVirtualHostable(_ bucket: String) -> Bool {
        guard (3...63).contains(bucket.count), !bucket.contains("."), !bucket.hasPrefix("-"), !bucket.hasSuffix("-")
        else { return false }
        return bucket.allSatisfy { ($0.isLowercase && $0.isASCII) || ($0.isNumber && $0.isASCII) || $0 == "-" }
    }

    static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
