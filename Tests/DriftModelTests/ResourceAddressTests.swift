import DriftModel
import Testing

/// Addresses as values, and how a `moved` block renames a state address (Terraform's rules:
/// whole resources and module calls keep their instance keys; an endpoint with a key on either
/// side stands for one instance).
@Suite("Resource addresses and moves")
struct ResourceAddressTests {
    @Test("addresses read back as they print", arguments: [
        "aws_instance.a", "aws_instance.a[0]", "aws_instance.a[\"k\"]", "module.m.aws_instance.a",
        "module.m[\"x y\"].module.n[3].aws_s3_bucket.b[\"q\\\"uote\"]", "module.m", "module.m[2]",
    ])
    func roundTrip(_ text: String) throws {
        let address = try #require(ResourceAddress(parsing: text))
        #expect(address.description == text)
    }

    @Test("what is not an address is nil", arguments: ["", "aws_instance", "aws_instance.", "aws_instance.a.b.c", "a.b[x]", "a.b[\"k\"", "1a.b", "a.b.c"])
    func notAddresses(_ text: String) {
        #expect(ResourceAddress(parsing: text) == nil)
    }

    static func move(_ from: String, _ to: String) -> MoveStatement {
        MoveStatement(from: ResourceAddress(parsing: from)!, to: ResourceAddress(parsing: to)!)
    }

    @Test("a move renames what Terraform renames, and nothing else", arguments: [
        // (from, to, state address, expected new address or "-" for untouched)
        ("aws_instance.a", "aws_instance.b", "aws_instance.a", "aws_instance.b"),
        ("aws_instance.a", "aws_instance.b", "aws_instance.a[2]", "aws_instance.b[2]"),
        ("aws_instance.a", "aws_instance.b", "aws_instance.ab", "-"),
        ("aws_instance.a", "aws_instance.b", "module.m.aws_instance.a", "-"),
        ("aws_instance.a", "aws_instance.b[\"k\"]", "aws_instance.a", "aws_instance.b[\"k\"]"),
        ("aws_instance.a", "aws_instance.b[\"k\"]", "aws_instance.a[0]", "-"),
        ("aws_instance.a[0]", "aws_instance.a", "aws_instance.a[0]", "aws_instance.a"),
        ("aws_instance.a[0]", "aws_instance.a", "aws_instance.a[1]", "-"),
        ("aws_instance.a", "module.m.aws_instance.a", "aws_instance.a", "module.m.aws_instance.a"),
        ("module.a", "module.b", "module.a.aws_instance.x", "module.b.aws_instance.x"),
        ("module.a", "module.b", "module.a[\"k\"].module.c.aws_instance.x[1]", "module.b[\"k\"].module.c.aws_instance.x[1]"),
        ("module.a", "module.a[\"foo\"]", "module.a.aws_instance.x", "module.a[\"foo\"].aws_instance.x"),
        ("module.a", "module.a[\"foo\"]", "module.a[\"bar\"].aws_instance.x", "-"),
        ("module.a", "module.b", "module.ab.aws_instance.x", "-"),
        ("module.a", "module.b", "aws_instance.x", "-"),
        ("module.p.module.a", "module.p.module.b", "module.p.module.a.aws_instance.x", "module.p.module.b.aws_instance.x"),
    ])
    func rename(_ from: String, _ to: String, _ state: String, _ expected: String) throws {
        let address = try #require(ResourceAddress(parsing: state))
        let result = address.moved(by: Self.move(from, to))
        if expected == "-" {
            #expect(result == nil || result?.description == state)
        } else {
            #expect(result?.description == expected)
        }
    }

    @Test("what a removed block's from covers", arguments: [
        ("aws_instance.a", "aws_instance.a", true), ("aws_instance.a", "aws_instance.a[3]", true),
        ("aws_instance.a", "aws_instance.ab", false), ("aws_instance.a", "module.m.aws_instance.a", false),
        ("module.m", "module.m.aws_instance.a", true), ("module.m", "module.m[\"k\"].module.n.aws_instance.a[0]", true),
        ("module.m", "module.mm.aws_instance.a", false), ("module.m", "aws_instance.a", false),
        ("module.m.aws_instance.a", "module.m[1].aws_instance.a", true),
    ])
    func within(_ endpoint: String, _ state: String, _ expected: Bool) throws {
        let address = try #require(ResourceAddress(parsing: state))
        #expect(address.isWithin(try #require(ResourceAddress(parsing: endpoint))) == expected)
    }
}
