@testable import Terraform
import Testing

@Suite("required_version constraints, as hashicorp/go-version reads them")
struct VersionConstraintTests {
    @Test("operators, lists and the pessimistic operator", arguments: [
        (">= 1.5", "1.11.4", true), ("< 1.11.0", "1.11.4", false), ("~> 1.11.0", "1.11.4", true),
        ("~> 1.11.5", "1.11.4", false), ("~> 1.2", "1.11.4", true), ("~> 0.12.0", "1.11.4", false),
        ("~> 1", "1.11.4", true), ("= 1.11.4", "1.11.4", true), ("1.11.3", "1.11.4", false),
        ("!= 1.11.4", "1.11.4", false), (">= 1.0, < 2.0", "1.11.4", true), (">1.11.4", "1.11.4", false),
        ("<= v1.11.4", "1.11.4", true), (">= 1.12.0-beta1", "1.11.4", false),
    ])
    func allows(_ constraint: String, _ version: String, _ expected: Bool) throws {
        let parsed = try #require(VersionConstraint(constraint))
        #expect(parsed.allows(version) == expected)
    }

    @Test("text go-version does not read claims nothing")
    func unreadable() {
        #expect(VersionConstraint("latest") == nil)
        #expect(VersionConstraint("") == nil)
    }
}
