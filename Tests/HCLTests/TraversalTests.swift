import Testing

@testable import HCL

@Suite("Static references (traversals)")
struct TraversalTests {
    /// Traversals rendered as `root.step.step[index]` for compact assertions.
    static func references(_ source: String) throws -> [String] {
        try TestHelpers.expression(source).traversals().map { traversal in
            traversal.steps.reduce(traversal.root) { text, step in
                switch step {
                case .attribute(let name): return text + "." + name
                case .index(.string(let key)): return text + "[\"\(key)\"]"
                case .index(let value): return text + "[\(value.asString ?? "?")]"
                }
            }
        }
    }

    @Test("references and the names bound inside are told apart", arguments: [
        ("var.a", ["var.a"]),
        ("aws_instance.web[0].id", ["aws_instance.web[0].id"]),
        ("local.m[\"k\"].x", ["local.m[\"k\"].x"]),
        ("var.a[var.b].c", ["var.a", "var.b"]),
        ("[for x in var.list : x.id if x.ok]", ["var.list"]),
        ("{for k, v in local.m : k => v + var.n}", ["local.m", "var.n"]),
        ("aws_instance.web[*].id", ["aws_instance.web"]),
        ("aws_instance.web.*.id", ["aws_instance.web"]),
        ("\"${each.key}-${count.index}\"", ["each.key", "count.index"]),
        ("concat(var.a...)", ["var.a"]),
        ("\"%{ for x in var.l }${x}${var.y}%{ endfor }\"", ["var.l", "var.y"]),
        ("[for x in var.l : [for y in x : y + var.z]]", ["var.l", "var.z"]),
        ("count.index-1", ["count.index-1"]),
        ("try(var.a.b, null) == null ? 1 : -var.c", ["var.a.b", "var.c"]),
        ("{ (var.k) = local.v }", ["var.k", "local.v"]),
        ("path.module", ["path.module"]),
        ("var.list.0", ["var.list[0]"]),
    ])
    func references(source: String, expected: [String]) throws {
        #expect(try Self.references(source) == expected)
    }

    @Test("a traversal's range covers the reference inside its template")
    func ranges() throws {
        let expression = try TestHelpers.expression("\"x-${var.region}\"")
        let traversal = try #require(expression.traversals().first)
        #expect(traversal.range.start.column == 6)
        #expect(traversal.range.end.column == 16)
    }

    @Test("asTraversal recognises a pure reference only")
    func asTraversal() throws {
        #expect(try TestHelpers.expression("aws_s3_bucket.b.id").asTraversal?.root == "aws_s3_bucket")
        #expect(try TestHelpers.expression("tags").asTraversal?.steps == [])
        #expect(try TestHelpers.expression("var.a + 1").asTraversal == nil)
        #expect(try TestHelpers.expression("var.a[var.b]").asTraversal == nil)
    }
}
