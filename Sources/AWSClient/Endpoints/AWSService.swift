/// The services drift talks to, with the names AWS uses for signing, host names and the
/// `AWS_ENDPOINT_URL_<SERVICE>` variables.
public enum AWSService: String, Sendable, Hashable, CaseIterable {
    case ec2
    case s3
    case dynamodb
    case sts
    case ssm

    /// The SigV4 service name in the credential scope.
    public var signingName: String { rawValue }

    /// The suffix of the service-specific endpoint variable, e.g. `AWS_ENDPOINT_URL_DYNAMODB`.
    public var environmentSuffix: String { rawValue.uppercased() }
}
