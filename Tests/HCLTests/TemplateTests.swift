import Testing

@testable import HCL

@Suite("Templates, directives and heredocs")
struct TemplateTests {
    @Test("interpolation converts numbers and bools to strings")
    func interpolation() {
        #expect(TestHelpers.value(#""Hello, ${var.s}!""#) == .string("Hello, hello!"))
        #expect(TestHelpers.value(#""n=${var.n} b=${var.b} f=${1.5} big=${1e20}""#) == .string("n=3 b=true f=1.5 big=100000000000000000000"))
    }

    @Test("a template that is exactly one interpolation yields the raw value")
    func rawValue() {
        #expect(TestHelpers.value(#""${var.n}""#) == .number(3))
        #expect(TestHelpers.value(#""${var.list}""#) == .tuple([.string("a"), .string("b"), .string("c")]))
        #expect(TestHelpers.value(#""x${var.n}""#) == .string("x3"))
        #expect(TestHelpers.value(#""${"${true}"}""#) == .bool(true))
        #expect(TestHelpers.value(#""${""}${true}""#) == .string("true"))
        #expect(TestHelpers.value(#""%{ for v in [true] }${v}%{ endfor }""#) == .string("true"))
    }

    @Test("if and for directives, for over objects in key order")
    func directives() {
        #expect(TestHelpers.value(#""%{ if var.b }yes%{ else }no%{ endif }""#) == .string("yes"))
        #expect(TestHelpers.value(#""%{ if !var.b }yes%{ endif }""#) == .string(""))
        #expect(TestHelpers.value(#""%{ for x in var.list }${x},%{ endfor }""#) == .string("a,b,c,"))
        #expect(TestHelpers.value(#""%{ for k, v in var.map }${k}=${v};%{ endfor }""#) == .string("a=1;m=13;z=26;"))
        #expect(TestHelpers.value(#""%{ for i, x in var.list }${i}${x}%{ endfor }""#) == .string("0a1b2c"))
    }

    @Test("strip markers remove whitespace next to the sequence")
    func stripMarkers() {
        #expect(TestHelpers.value(#""a  ${~ "b" ~}  c""#) == .string("abc"))
        #expect(TestHelpers.value(#""a  ${~ "b" }  c""#) == .string("ab  c"))
        #expect(TestHelpers.value(#""%{ if true ~} hello %{~ endif }""#) == .string("hello"))
        #expect(TestHelpers.value(#""${"hello" ~}${" world"}""#) == .string("hello world"))
        let heredoc = "x = <<EOT\n%{ for x in var.list ~}\n- ${x}\n%{ endfor ~}\nEOT\n"
        #expect(TestHelpers.attribute("x", in: heredoc) == .string("- a\n- b\n- c\n"))
    }

    @Test("heredocs keep their final newline; the closing marker may be indented", arguments: [
        ("x = <<EOT\n  hello\n    world\nEOT\n", "  hello\n    world\n"),
        ("x = <<EOT\nx\n   EOT\n", "x\n"),
        ("x = <<EOT\nEOT\n", ""),
        ("x = <<-EOT\n    hello\n      world\n    EOT\n", "hello\n  world\n"),
        ("x = <<-EOT\n    a\n\n    b\n  EOT\n", "a\n\nb\n"),
        ("x = <<-EOT\n  ${var.s}\n    x\n  EOT\n", "hello\n  x\n"),
        ("x = <<-EOT\n\tTab\n\t\tTwo\n\tEOT\n", "Tab\n\tTwo\n"),
        ("x = <<EOT\n$${not} %%{this}\nEOT\n", "${not} %{this}\n"),
        ("x = <<EOT\nno \\n escapes\nEOT\n", "no \\n escapes\n"),
    ])
    func heredocs(source: String, expected: String) {
        #expect(TestHelpers.attribute("x", in: source) == .string(expected))
    }

    @Test("parseTemplate reads a whole file as a template")
    func bareTemplate() {
        let (expression, diagnostics) = HCLParser.parseTemplate("Hi ${name}!\n%{ if admin }admin%{ endif }\n\"quoted\"\n", filename: "t.tpl")
        #expect(diagnostics.isEmpty)
        let context = EvalContext(variables: ["name": .string("Ann"), "admin": .bool(true)])
        let (value, evalDiagnostics) = Evaluator.evaluate(expression, in: context)
        #expect(evalDiagnostics.isEmpty)
        #expect(value == .string("Hi Ann!\nadmin\n\"quoted\"\n"))
    }

    @Test("unknown values make the whole template unknown")
    func unknownTemplate() {
        #expect(TestHelpers.value(#""a${var.unknown}""#) == .unknown)
        #expect(TestHelpers.value(#""%{ if var.unknown }x%{ endif }""#) == .unknown)
    }

    @Test("null and collections cannot be interpolated")
    func badInterpolation() {
        #expect(
            TestHelpers.evaluationErrors(#""a${var.nothing}""#) == """
                expr.hcl:1:5: error: Invalid template interpolation value
                "a${var.nothing}"
                    ^
                The expression result is null. Cannot include a null value in a string template.
                """)
        #expect(
            TestHelpers.evaluationErrors(#""a${var.list}""#) == """
                expr.hcl:1:5: error: Invalid template interpolation value
                "a${var.list}"
                    ^
                Cannot include the given value in a string template: string required.
                """)
    }

    @Test("strings are normalised to NFC, as cty does")
    func normalization() {
        guard case .string(let literal) = TestHelpers.value(#""e\u0301""#) else {
            Issue.record("not a string")
            return
        }
        #expect(literal.unicodeScalars.map(\.value) == [0xE9])
        guard case .string(let joined) = TestHelpers.value(#""${"e"}\u0301""#) else {
            Issue.record("not a string")
            return
        }
        #expect(joined.unicodeScalars.map(\.value) == [0xE9])
    }
}
