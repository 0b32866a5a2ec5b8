/// Tries providers in order and returns the first credentials found.
///
/// When none applies, the error lists every provider with the reason it did not apply, so the user
/// sees at once which variable or file to fix.
public struct CredentialChain: CredentialProvider {
    public let providers: [any CredentialProvider]
    public var name: String { "chain(" + providers.map(\.name).joined(separator: ", ") + ")" }

    public init(_ providers: [any CredentialProvider]) { self.providers = providers }

    public func credentials() async throws -> Credentials {
        var tried: [String] = []
        for provider in providers {
            do {
                return try await provider.credentials()
            } catch let error as AWSError where error.isCredentialsNotFound {
                tried.append("\(provider.name) (\(error.message))")
            }
        }
        throw AWSError(
            service: "credentials", operation: "resolve", code: "NoCredentials",
            message: "no AWS credentials found; tried: " + tried.joined(separator: "; "))
    }
}

extension CredentialProvider where Self == CredentialChain {
    public static func chain(_ providers: [any CredentialProvider]) -> Self { CredentialChain(providers) }
}
