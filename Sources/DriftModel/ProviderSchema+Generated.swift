// Placeholder until scripts/generate-schema writes the real table (issue 4).
extension ProviderSchema {
    static let generated: [String: ResourceSchema] = [:]
}
