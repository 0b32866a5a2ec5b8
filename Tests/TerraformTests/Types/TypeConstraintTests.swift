import HCL
import Testing

@testable import Terraform

@Suite("Type constraints: parsing")
struct TypeConstraintParseTests {
    static func parse(_ text: String) -> Result<TypeConstraint, TypeConstraintError> {
        let (expression, diagnostics) = HCLParser.parseExpression(text, filename: "variables.tf")
        guard let expression else {
            let start = SourcePosition(line: 1, column: 1, offset: 0)
            return .failure(TypeConstraintError(detail: "\(diagnostics)", range: SourceRange(filename: "variables.tf", start: start, end: start)))
        }
        return TypeConstraint.parse(expression)
    }

    @Test("primitive keywords and collection constructors")
    func collections() throws {
        #expect(try Self.parse("string").get() == .string)
        #expect(try Self.parse("any").get() == .any)
        #expect(try Self.parse("list(string)").get() == .list(.string))
        #expect(try Self.parse("set(number)").get() == .set(.number))
        #expect(try Self.parse("map(any)").get() == .map(.any))
        #expect(try Self.parse("list(map(bool))").get() == .list(.map(.bool)))
        #expect(try Self.parse("tuple([string, number])").get() == .tuple([.string, .number]))
    }

    @Test("objects with optional attributes and converted defaults")
    func objects() throws {
        let type = try Self.parse("object({a = string, b = optional(number, \"5\"), c = optional(list(string))})").get()
        #expect(type == .object([
            "a": ObjectAttribute(type: .string),
            "b": ObjectAttribute(type: .number, optional: true, defaultValue: .number(5)),
            "c": ObjectAttribute(type: .list(.string), optional: true),
        ]))
        #expect(type.description == "object({a=string, b=optional(number, 5), c=optional(list(string))})")
    }

    @Test("hand-built expressions parse the same way")
    func handBuilt() throws {
        let start = SourcePosition(line: 1, column: 1, offset: 0)
        let range = SourceRange(filename: "x.tf", start: start, end: start)
        let call = Expression(.functionCall(name: "list", arguments: [Expression(.variable("string"), range: range)], expandFinal: false), range: range)
        #expect(try TypeConstraint.parse(call).get() == .list(.string))
    }

    @Test("invalid specifications are errors with a location", arguments: [
        ("strin", "The keyword \"strin\" is not a valid type specification."),
        ("list", "The list type constraint requires one argument specifying the element type."),
        ("list(string, number)", "The list type constraint requires one argument specifying the element type."),
        ("optional(string)", "Keyword \"optional\" is valid only as a modifier for object type attributes."),
        ("object({a = optional(number, \"x\")})", "This default value is not compatible with the attribute's type constraint: a number is required."),
        ("object({a = optional(number, var.x)})", "The default value for an optional attribute must be a constant: variables and functions are not available here."),
        ("\"string\"", "Terraform 0.11 and earlier required type constraints to be given in quotes, but that form is now deprecated and will be removed in a future version of Terraform. Remove the quotes around \"string\"."),
    ])
    func invalid(_ text: String, _ detail: String) {
        guard case .failure(let error) = Self.parse(text) else {
            Issue.record("\(text) parsed")
            return
        }
        #expect(error.detail == detail)
        #expect(error.range.filename == "variables.tf")
        #expect(error.range.start.line == 1)
    }
}

@Suite("Type constraints: conversion")
struct TypeConstraintConvertTests {
    func convert(_ type: TypeConstraint, _ value: HCLValue) -> Result<HCLValue, ConversionError> { type.convert(value) }

    @Test("primitives convert the way Terraform does")
    func primitives() throws {
        #expect(try convert(.number, .string("5")).get() == .number(5))
        #expect(try convert(.string, .number(5)).get() == .string("5"))
        #expect(try convert(.string, .number(1.5)).get() == .string("1.5"))
        #expect(try convert(.string, .bool(true)).get() == .string("true"))
        #expect(try convert(.bool, .string("true")).get() == .bool(true))
        #expect(try convert(.bool, .string("0")).get() == .bool(false))
        #expect(convert(.bool, .string("True")).failureMessage == "a bool is required; to convert from string, use lowercase \"true\"")
        #expect(convert(.number, .string("five")).failureMessage == "a number is required")
        #expect(convert(.string, .tuple([])).failureMessage == "string required")
        #expect(convert(.number, .bool(true)).failureMessage == "number required")
    }

    @Test("null and unknown pass through every type")
    func nullAndUnknown() throws {
        for type: TypeConstraint in [.string, .list(.number), .object(["a": ObjectAttribute(type: .string)])] {
            #expect(try convert(type, .null).get() == .null)
            #expect(try convert(type, .unknown).get() == .unknown)
        }
        #expect(try convert(.list(.string), .tuple([.unknown, .number(1)])).get() == .tuple([.unknown, .string("1")]))
    }

    @Test("tuples become lists and sets, objects become maps")
    func collections() throws {
        #expect(try convert(.list(.string), .tuple([.number(1), .string("a")])).get() == .tuple([.string("1"), .string("a")]))
        #expect(try convert(.set(.string), .tuple([.string("b"), .string("a"), .string("b")])).get() == .set([.string("a"), .string("b")]))
        #expect(try convert(.map(.number), .object(["a": .string("1")])).get() == .object(["a": .number(1)]))
        #expect(try convert(.list(.any), .tuple([.string("a"), .number(1)])).get() == .tuple([.string("a"), .string("1")]))
        #expect(try convert(.list(.any), .tuple([.tuple([.number(1)]), .tuple([.string("a")])])).get() == .tuple([.tuple([.string("1")]), .tuple([.string("a")])]))
        #expect(convert(.object(["a": ObjectAttribute(type: .list(.string))]), .object(["a": .string("x")])).failureMessage == "attribute \"a\": list of string required")
        #expect(convert(.list(.any), .tuple([.number(1), .bool(true)])).failureMessage == "all list elements must have the same type")
        #expect(convert(.list(.string), .object([:])).failureMessage == "list of string required")
        #expect(convert(.map(.string), .tuple([])).failureMessage == "map of string required")
        #expect(convert(.tuple([.string]), .tuple([])).failureMessage == "tuple required")
    }

    @Test("optional attributes take their defaults, also when null; extra attributes are dropped")
    func optionalDefaults() throws {
        let type = TypeConstraint.object([
            "name": ObjectAttribute(type: .string),
            "size": ObjectAttribute(type: .number, optional: true, defaultValue: .number(5)),
            "tags": ObjectAttribute(type: .map(.string), optional: true),
        ])
        let converted = convert(type, .object(["name": .string("a"), "size": .null, "extra": .bool(true)]))
        #expect(try converted.get() == .object(["name": .string("a"), "size": .number(5), "tags": .null]))
        #expect(convert(type, .object(["size": .number(1)])).failureMessage == "attribute \"name\" is required")
    }

    @Test("defaults apply inside collections of objects, errors name their path")
    func nested() throws {
        let item = TypeConstraint.object(["port": ObjectAttribute(type: .number, optional: true, defaultValue: .number(80))])
        let value = HCLValue.tuple([.object([:]), .object(["port": .string("443")])])
        #expect(try convert(.list(item), value).get() == .tuple([.object(["port": .number(80)]), .object(["port": .number(443)])]))
        let failing = convert(.object(["rules": ObjectAttribute(type: .list(item))]), .object(["rules": .tuple([.object(["port": .string("x")])])]))
        #expect(failing.failureMessage == ".rules[0].port: a number is required")
    }
}

extension Result where Failure == ConversionError {
    var failureMessage: String? {
        if case .failure(let error) = self { return error.description }
        return nil
    }
}

@Suite("Type conversion never crashes")
struct TypeConversionRobustnessTests {
    static let types: [TypeConstraint] = [
        .any, .string, .number, .bool, .list(.any), .set(.any), .map(.any), .list(.number), .set(.string),
        .map(.list(.bool)), .tuple([.string, .any]), .tuple([]),
        .object(["a": ObjectAttribute(type: .string), "b": ObjectAttribute(type: .list(.number), optional: true, defaultValue: .tuple([]))]),
        .list(.object(["x": ObjectAttribute(type: .any, optional: true)])),
    ]

    static let values: [HCLValue] = [
        .null, .unknown, .string("1"), .string("true"), .string("x"), .number(.negativeInfinity), .number(-0.0), .bool(false),
        .tuple([]), .tuple([.number(1), .bool(true)]), .tuple([.tuple([.number(1)]), .tuple([.string("a"), .null])]),
        .set([.string("a"), .unknown]), .object([:]), .object(["a": .number(1), "b": .tuple([.string("2")])]),
        .object(["a": .object(["x": .tuple([])]), "b": .null]), .tuple([.object(["x": .number(1)]), .object(["y": .string("z")])]),
    ]

    @Test("every type against every value gives a value or a ConversionError")
    func everyPair() {
        var outcomes = 0
        for type in Self.types {
            for value in Self.values {
                switch type.convert(value) {
                case .success(let converted): #expect(value == .unknown ? converted == .unknown : true)
                case .failure(let error): #expect(!error.description.isEmpty)
                }
                outcomes += 1
            }
        }
        #expect(outcomes == Self.types.count * Self.values.count)
    }
}
