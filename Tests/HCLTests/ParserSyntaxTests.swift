import Testing

@testable import HCL

@Suite("Native syntax: lexing and parsing")
struct ParserSyntaxTests {
    @Test("comments of all three kinds are skipped; a line comment ends the line")
    func comments() {
        let source = """
            # hash
            a = 1 # trailing
            // slashes
            b = 2 // trailing
            /* block
               spanning lines */ c = 3
            d = /* inline */ 4
            """
        let result = TestHelpers.parse(source)
        #expect(result.diagnostics.isEmpty)
        #expect(result.body.attributes.map(\.name) == ["a", "b", "c", "d"])
    }

    @Test("identifiers may contain dashes and Unicode letters")
    func identifiers() throws {
        let result = TestHelpers.parse("naïve-name_2 = 1\n日本 = 2\n_x = 3\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.body.attributes.map(\.name) == ["naïve-name_2", "日本", "_x"])
    }

    @Test("count.index-1 is the attribute index-1, while count.index - 1 subtracts")
    func dashInIdentifier() throws {
        let dashed = try TestHelpers.expression("count.index-1")
        #expect(dashed.kind == .getAttribute(Expression(.variable("count"), range: dashed.range.with(0, 5)), "index-1"))
        let subtraction = try TestHelpers.expression("count.index - 1")
        guard case .binary(.subtract, _, _) = subtraction.kind else {
            Issue.record("expected subtraction, got \(subtraction.kind)")
            return
        }
    }

    @Test("numbers: integers, fractions, exponents", arguments: [("1", 1.0), ("12.5", 12.5), ("1e3", 1000), ("2.5E-1", 0.25), ("0", 0)] as [(String, HCLNumber)])
    func numbers(source: String, expected: HCLNumber) throws {
        #expect(try TestHelpers.expression(source).kind == .literal(.number(expected)))
    }

    @Test("numbers cannot start or end with a dot", arguments: [".5", "1.", "0x1F"])
    func badNumbers(source: String) {
        let (expression, diagnostics) = HCLParser.parseExpression(source, filename: "expr.hcl")
        #expect(expression == nil)
        #expect(!diagnostics.isEmpty)
    }

    @Test("string escapes decode; $${ and %%{ are literal openers")
    func escapes() {
        #expect(TestHelpers.value(#""a\nb\rc\td\"e\\f""#) == .string("a\nb\rc\td\"e\\f"))
        #expect(TestHelpers.value(#""\u00e9\U0001F600""#) == .string("é😀"))
        #expect(TestHelpers.value(#""$${x} %%{y} $x %z""#) == .string("${x} %{y} $x %z"))
    }

    @Test("a bad escape is reported at the backslash")
    func badEscape() {
        #expect(
            TestHelpers.rendered("a = \"x\\qy\"\n") == """
                main.tf:1:7: error: Invalid escape sequence
                a = "x\\qy"
                      ^
                The symbol "q" is not a valid escape sequence selector.
                """)
    }

    @Test("body grammar: attributes, labelled blocks, one-line blocks, nested blocks")
    func bodies() throws {
        let source = """
            top = "v"
            resource "aws_instance" web {
              ami = "ami-1"
              lifecycle { create_before_destroy = true }
              empty {}
              nested "x" {
                inner = 1
              }
            }
            """
        let result = TestHelpers.parse(source)
        #expect(result.diagnostics.isEmpty)
        let block = try #require(result.body.blocks.first)
        #expect(block.type == "resource")
        #expect(block.labels == ["aws_instance", "web"])
        #expect(block.labelRanges.map(\.description) == ["main.tf:2:10", "main.tf:2:25"])
        #expect(block.body.attributes.map(\.name) == ["ami"])
        #expect(block.body.blocks.map(\.type) == ["lifecycle", "empty", "nested"])
        #expect(block.body.blocks[0].body.attributes.first?.name == "create_before_destroy")
        #expect(block.body.blocks[2].labels == ["x"])
        #expect(block.range.end.line == 9)
    }

    @Test("tuples: commas required, trailing comma and newlines allowed")
    func tuples() {
        #expect(TestHelpers.value("[1, 2,\n 3,\n]") == .tuple([.number(1), .number(2), .number(3)]))
        #expect(TestHelpers.value("[]") == .tuple([]))
    }

    @Test("objects: = or :, commas or newlines, bare keys literal, (expr) keys evaluated")
    func objects() {
        let value = TestHelpers.value("{\n a = 1, b: 2\n c = 3\n (var.s) = 4\n \"q\" = 5 }")
        #expect(value == .object(["a": .number(1), "b": .number(2), "c": .number(3), "hello": .number(4), "q": .number(5)]))
        #expect(TestHelpers.value("{ var = 1 }") == .object(["var": .number(1)]))
    }

    @Test("operator precedence follows HCL's table", arguments: [
        ("1 + 2 * 3", HCLValue.number(7)), ("(1 + 2) * 3", .number(9)), ("10 - 4 - 3", .number(3)), ("8 / 4 / 2", .number(1)),
        ("1 + 2 < 4", .bool(true)), ("1 < 2 == true", .bool(true)), ("true || false && false", .bool(true)),
        ("!true || true", .bool(true)), ("-2 * 3", .number(-6)), ("7 % 4 * 2", .number(6)), ("1 == 1 && 2 != 3", .bool(true)),
        ("true ? 1 : 2 + 10", .number(1)), ("false ? 1 : true ? 2 : 3", .number(2)), ("- var.n", .number(-3)),
    ])
    func precedence(source: String, expected: HCLValue) {
        #expect(TestHelpers.value(source) == expected)
    }

    @Test("function calls: expansion with ..., namespaced provider functions")
    func functionCalls() throws {
        let call = try TestHelpers.expression("provider::aws::echo(1)")
        guard case .functionCall(let name, let arguments, let expand) = call.kind else {
            Issue.record("not a call")
            return
        }
        #expect(name == "provider::aws::echo" && arguments.count == 1 && !expand)
        #expect(TestHelpers.value("sum([1, 2, 3]...)") == .number(6))
        #expect(TestHelpers.value("sum(1, 2,\n)") == .number(3))
        #expect(TestHelpers.value("provider::aws::echo(\"x\")") == .string("x"))
    }

    @Test("splats, attribute access, index and legacy .0 access")
    func traversalsSyntax() {
        #expect(TestHelpers.value("var.objs[*].id") == .tuple([.string("i-1"), .string("i-2")]))
        #expect(TestHelpers.value("var.objs.*.id") == .tuple([.string("i-1"), .string("i-2")]))
        #expect(TestHelpers.value("var.objs.0.id") == .string("i-1"))
        #expect(TestHelpers.value("var.list.1") == .string("b"))
        #expect(TestHelpers.value("var.objs[1][\"id\"]") == .string("i-2"))
        #expect(TestHelpers.value("var.map[\"z\"]") == .number(26))
    }

    @Test("a newline inside parentheses or brackets is fine; inside an object value it ends the item")
    func newlineSensitivity() {
        #expect(TestHelpers.value("(1 +\n 2)") == .number(3))
        #expect(TestHelpers.value("[1 +\n 2]") == .tuple([.number(3)]))
        #expect(
            TestHelpers.rendered("x = {\n  a = 1 +\n  2\n}\n") == """
                main.tf:2:10: error: Invalid expression
                  a = 1 +
                         ^
                Expected the start of an expression, but found an invalid expression token.
                """)
    }
}

extension SourceRange {
    /// A copy with new start/end byte offsets on line 1 (for comparing parsed ranges).
    func with(_ start: Int, _ end: Int) -> SourceRange {
        SourceRange(
            filename: filename, start: SourcePosition(line: 1, column: start + 1, offset: start),
            end: SourcePosition(line: 1, column: end + 1, offset: end))
    }
}
