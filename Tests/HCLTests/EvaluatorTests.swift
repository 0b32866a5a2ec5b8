import Testing

@testable import HCL

@Suite("Evaluator: operators, conversions, unknowns, errors")
struct EvaluatorTests {
    @Test("arithmetic and comparison convert numeric strings", arguments: [
        (#""5" + 1"#, HCLValue.number(6)), (#"var.numstr * 2"#, .number(10)), (#""10" > 9"#, .bool(true)),
        ("7 % 3", .number(1)), ("-7 % 3", .number(-1)), ("1 / 4", .number(0.25)), (#"-"2""#, .number(-2)),
        (#"!"false""#, .bool(true)), (#""true" && true"#, .bool(true)), (#"!"0""#, .bool(true)),
        (#""-Inf" + 0"#, .number(.negativeInfinity)), (#""inf" + 1"#, .number(.positiveInfinity)),
    ])
    func conversions(source: String, expected: HCLValue) {
        #expect(TestHelpers.value(source) == expected)
    }

    @Test("equality never converts: values of different types are unequal", arguments: [
        (#"1 == "1""#, HCLValue.bool(false)), ("null == null", .bool(true)), ("var.nothing == null", .bool(true)),
        ("var.s == null", .bool(false)), ("[1, 2] == [1, 2]", .bool(true)), ("{a = 1} == {a = 1}", .bool(true)),
        ("{a = 1} != {a = 2}", .bool(true)), (#"var.list == ["a", "b", "c"]"#, .bool(true)),
    ])
    func equality(source: String, expected: HCLValue) {
        #expect(TestHelpers.value(source) == expected)
    }

    @Test("unknown propagates through every operator, index, attribute and call", arguments: [
        "var.unknown + 1", "1 - var.unknown", "var.unknown == 1", "var.unknown != null", "!var.unknown", "-var.unknown",
        "var.unknown < 3", "var.unknown.attr", "var.unknown[0]", "var.list[var.unknown]", "var.unknown ? 1 : 2",
        "upper(var.unknown)", "var.unknown[*].id", "[for x in var.unknown : x]", "var.unknown && true", "false || var.unknown",
        #""${var.unknown}-x""#, "sum(var.unknown...)", "{(var.unknown) = 1}", "var.partial == {known = \"k\", later = 1}",
    ])
    func unknownPropagation(source: String) {
        #expect(TestHelpers.value(source) == .unknown)
    }

    @Test("a known decisive operand wins over an unknown one")
    func logicalRefinement() {
        #expect(TestHelpers.value("var.unknown && false") == .bool(false))
        #expect(TestHelpers.value("var.unknown || true") == .bool(true))
        #expect(TestHelpers.value("true || var.nothing.x") == .bool(true))
    }

    @Test("partially unknown collections stay partially known")
    func partial() {
        #expect(TestHelpers.value("var.partial.known") == .string("k"))
        #expect(TestHelpers.value("[var.unknown, 1][1]") == .number(1))
        #expect(TestHelpers.value("count_args(var.unknown, 2)") == .number(2))
    }

    @Test("conditionals pick a branch; a string and a number unify to a string")
    func conditionals() {
        #expect(TestHelpers.value("var.b ? \"yes\" : \"no\"") == .string("yes"))
        #expect(TestHelpers.value("var.b ? 1 : \"x\"") == .string("1"))
        #expect(TestHelpers.value("var.b ? null : 1") == .null)
        #expect(TestHelpers.value("var.b ? 1 : var.nothing.x") == .number(1))
    }

    @Test("for expressions over tuples, sets and objects (keys sorted), with if and grouping")
    func forExpressions() {
        #expect(TestHelpers.value("[for x in var.list : upper(x)]") == .tuple([.string("A"), .string("B"), .string("C")]))
        #expect(TestHelpers.value("[for i, x in var.list : i if x != \"b\"]") == .tuple([.number(0), .number(2)]))
        #expect(TestHelpers.value("[for k, v in var.map : k]") == .tuple([.string("a"), .string("m"), .string("z")]))
        #expect(TestHelpers.value("[for v in var.map : v]") == .tuple([.number(1), .number(13), .number(26)]))
        #expect(TestHelpers.value("[for k, v in var.set : k]") == .tuple([.string("x"), .string("y")]))
        #expect(TestHelpers.value("{for x in var.list : x => upper(x)}") == .object(["a": .string("A"), "b": .string("B"), "c": .string("C")]))
        #expect(
            TestHelpers.value("{for o in var.objs : (o.n > 1 ? \"big\" : \"small\") => o.id...}")
                == .object(["small": .tuple([.string("i-1")]), "big": .tuple([.string("i-2")])]))
        #expect(TestHelpers.value("[for x in var.list : x if var.unknown]") == .unknown)
    }

    @Test("splats: null gives an empty tuple, a single value a one-element tuple")
    func splats() {
        #expect(TestHelpers.value("var.nothing[*].id") == .tuple([]))
        #expect(TestHelpers.value("var.s[*]") == .tuple([.string("hello")]))
        #expect(TestHelpers.value("[{a = [1, 2]}, {a = [3]}][*].a[0]") == .tuple([.number(1), .number(3)]))
        #expect(TestHelpers.value("var.objs.*.id[0]") == .string("i-1"))
        #expect(TestHelpers.value("var.set[*]") == .tuple([.string("x"), .string("y")]))
        #expect(TestHelpers.value("[[1, 2], [3]][*][0]") == .tuple([.number(1), .number(3)]))
    }

    @Test("function calls: expansion, unknown function, failing function")
    func functions() {
        #expect(TestHelpers.value("sum(1, [2, 3]...)") == .number(6))
        #expect(
            TestHelpers.evaluationErrors("nope(1)") == """
                expr.hcl:1:1: error: Call to unknown function
                nope(1)
                ^
                There is no function named "nope".
                """)
        #expect(
            TestHelpers.evaluationErrors("uper(\"x\")") == """
                expr.hcl:1:1: error: Call to unknown function
                uper("x")
                ^
                There is no function named "uper". Did you mean "upper"?
                """)
        #expect(
            TestHelpers.evaluationErrors("fail()") == """
                expr.hcl:1:1: error: Error in function call
                fail()
                ^
                Call to function "fail" failed: always fails
                """)
        #expect(
            TestHelpers.evaluationErrors("upper(1)") == """
                expr.hcl:1:7: error: Invalid function argument
                upper(1)
                      ^
                Invalid value for argument 1 of "upper": string required
                """)
    }

    @Test("try returns the first argument without errors; can reports whether one evaluates")
    func tryAndCan() {
        #expect(TestHelpers.value("try(var.map.missing, var.nothing.x, \"fallback\")") == .string("fallback"))
        #expect(TestHelpers.value("try(var.map.a, 0)") == .number(1))
        #expect(TestHelpers.value("try(var.unknown.x, 0)") == .unknown)
        #expect(TestHelpers.value("try(var.partial.later, 0)") == .unknown)
        #expect(TestHelpers.value("can(var.map.missing)") == .bool(false))
        #expect(TestHelpers.value("can(var.map.a)") == .bool(true))
        #expect(TestHelpers.value("can(var.unknown.x)") == .unknown)
        let (_, diagnostics) = TestHelpers.evaluate("try(var.map.missing)")
        #expect(diagnostics.map(\.message) == ["Error in function call"])
    }

    @Test("evaluation errors point at the offending step", arguments: [
        ("var.map.missing", "expr.hcl:1:8: error: Unsupported attribute\nvar.map.missing\n       ^\nThis object does not have an attribute named \"missing\"."),
        ("var.list[5]", "expr.hcl:1:10: error: Invalid index\nvar.list[5]\n         ^\nThe given key does not identify an element in this collection value."),
        ("var.list[-1]", "expr.hcl:1:10: error: Invalid index\nvar.list[-1]\n         ^\nThe given key does not identify an element in this collection value: a negative number is not a valid index for a sequence."),
        ("var.set[0]", "expr.hcl:1:9: error: Invalid index\nvar.set[0]\n        ^\nElements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set."),
        ("var.nothing.x", "expr.hcl:1:12: error: Attempt to get attribute from null value\nvar.nothing.x\n           ^\nThis value is null, so it does not have any attributes."),
        ("var.list.x", "expr.hcl:1:9: error: Unsupported attribute\nvar.list.x\n        ^\nThis value does not have any attributes."),
        ("nope", "expr.hcl:1:1: error: Unknown variable\nnope\n^\nThere is no variable named \"nope\"."),
        (#""a" + 1"#, "expr.hcl:1:1: error: Invalid operand\n\"a\" + 1\n^\nUnsuitable value for left operand: a number is required."),
        ("0 / 0", "expr.hcl:1:1: error: Operation failed\n0 / 0\n^\nError during operation: can't divide zero by zero or infinity by infinity."),
        ("var.nothing ? 1 : 2", "expr.hcl:1:1: error: Null condition\nvar.nothing ? 1 : 2\n^\nThe condition value is null. Conditions must either be true or false."),
        ("[for x in var.nothing : x]", "expr.hcl:1:11: error: Iteration over null value\n[for x in var.nothing : x]\n          ^\nA null value cannot be used as the collection in a 'for' expression."),
        ("{for x in [\"a\", \"a\"] : x => 1}", "expr.hcl:1:24: error: Duplicate object key\n{for x in [\"a\", \"a\"] : x => 1}\n                       ^\nTwo different items produced the key \"a\" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key."),
        ("sum(1...)", "expr.hcl:1:5: error: Invalid expanding argument value\nsum(1...)\n    ^\nThe expanding argument (indicated by ...) must be of a tuple, list, or set type."),
    ])
    func errors(source: String, expected: String) {
        #expect(TestHelpers.evaluationErrors(source) == expected)
    }

    @Test("numbers format without exponents in strings", arguments: [
        (1e20, "100000000000000000000"), (1.5e-7, "0.00000015"), (-2.5, "-2.5"), (42, "42"), (0.1, "0.1"), (123456789012345680000.0, "123456789012345680000"),
    ] as [(HCLNumber, String)])
    func numberFormatting(value: HCLNumber, expected: String) {
        #expect(HCLValue.formatNumber(value) == expected)
    }

    @Test("sets are normalised: sorted and de-duplicated")
    func sets() {
        #expect(HCLValue.normalizedSet([.string("b"), .string("a"), .string("b")]) == .set([.string("a"), .string("b")]))
        #expect(HCLValue.normalizedSet([.number(10), .number(2)]) == .set([.number(2), .number(10)]))
    }
}
