import DriftModel
import HCL
import Testing

@testable import Terraform

/// Resource arguments convert to the provider schema's type as Terraform converts them; the
/// expected values and messages were captured with `terraform validate` / `terraform plan` (see
/// the `conversions` differential fixture for the plan side).
@Suite("Resource arguments convert to their schema type")
struct SchemaConversionTests {
    static func converted(_ value: HCLValue, _ type: AttributeType) -> HCLValue? {
        try? SchemaConversion.convert(value, to: type).get()
    }

    static func failure(_ value: HCLValue, _ type: AttributeType) -> String? {
        guard case .failure(let error) = SchemaConversion.convert(value, to: type) else { return nil }
        return error.description
    }

    @Test("strings become bools and numbers, numbers and bools become strings")
    func primitives() {
        #expect(Self.converted(.string("true"), .bool) == .bool(true))
        #expect(Self.converted(.string("false"), .bool) == .bool(false))
        #expect(Self.converted(.string("0"), .bool) == .bool(false))
        #expect(Self.converted(.string("5"), .number) == .number(5))
        #expect(Self.converted(.string("1e3"), .number) == .number(1000))
        #expect(Self.converted(.string("-2.5"), .number) == .number(-2.5))
        #expect(Self.converted(.number(5), .string) == .string("5"))
        #expect(Self.converted(.number(1.5), .string) == .string("1.5"))
        #expect(Self.converted(.bool(true), .string) == .string("true"))
    }

    @Test("list elements, set elements (from a tuple) and map values convert; sets sort and de-duplicate")
    func collections() {
        #expect(Self.converted(.tuple([.number(1), .bool(true), .string("a")]), .list(.string))
            == .tuple([.string("1"), .string("true"), .string("a")]))
        #expect(Self.converted(.tuple([.string("sg-b"), .number(1), .string("sg-b")]), .set(.string))
            == .set([.string("1"), .string("sg-b")]))
        #expect(Self.converted(.object(["a": .number(1), "b": .bool(false)]), .map(.string))
            == .object(["a": .string("1"), "b": .string("false")]))
    }

    @Test("null and unknown stay as they are, also inside collections")
    func nullAndUnknown() {
        #expect(Self.converted(.null, .bool) == .null)
        #expect(Self.converted(.unknown, .number) == .unknown)
        #expect(Self.converted(.tuple([.unknown, .number(2)]), .list(.string)) == .tuple([.unknown, .string("2")]))
        #expect(Self.converted(.object(["a": .null, "b": .number(1)]), .map(.string))
            == .object(["a": .null, "b": .string("1")]))
    }

    @Test("values that already have the type are recognised without converting; others are not")
    func fastPath() {
        #expect(SchemaConversion.conforms(.string("t3.micro"), to: .string))
        #expect(SchemaConversion.conforms(.object(["Name": .string("a"), "x": .unknown]), to: .map(.string)))
        #expect(SchemaConversion.conforms(.tuple([.string("a")]), to: .list(.string)))
        #expect(!SchemaConversion.conforms(.tuple([.string("a")]), to: .set(.string)))
        #expect(!SchemaConversion.conforms(.string("true"), to: .bool))
        #expect(!SchemaConversion.conforms(.object(["n": .number(1)]), to: .map(.string)))
    }

    @Test("the shortcut for primitives and collections of primitives agrees with the full conversion")
    func shortcutAgrees() {
        let scalars: [HCLValue] = [
            .null, .unknown, .string("true"), .string("0"), .string("5"), .string("x"), .string(" 1"), .number(1.5),
            .number(0), .bool(true),
        ]
        let values = scalars + [
            .tuple(scalars), .tuple([.string("b"), .number(1), .string("b")]), .set([.number(2), .string("a")]),
            .object(["a": .number(1), "b": .bool(false), "c": .null]), .object(["a": .tuple([])]),
            .tuple([.tuple([.string("a")])]),
        ]
        let types: [AttributeType] = [.string, .number, .bool, .list(.string), .set(.string), .map(.string), .list(.number), .set(.bool)]
        var compared = 0
        for type in types {
            for value in values {
                guard let shortcut = SchemaConversion.primitiveConversion(value, to: type) else { continue }
                compared += 1
                #expect(Self.converted(value, type) == shortcut, "\(value) to \(type)")
            }
        }
        #expect(compared > 30)
    }

    @Test("values that cannot convert give cty's reason, as Terraform prints it")
    func failures() {
        #expect(Self.failure(.string("yes"), .bool) == "a bool is required")
        #expect(Self.failure(.string("TRUE"), .bool) == "a bool is required; to convert from string, use lowercase \"true\"")
        #expect(Self.failure(.number(1), .bool) == "bool required")
        #expect(Self.failure(.bool(true), .number) == "number required")
        #expect(Self.failure(.string("abc"), .number) == "a number is required")
        #expect(Self.failure(.string(" 1"), .number) == "a number is required")
        #expect(Self.failure(.object(["a": .number(1)]), .string) == "string required")
        #expect(Self.failure(.tuple([.object(["a": .number(1)])]), .list(.string)) == "element 0: string required")
        #expect(Self.failure(.tuple([.string("a"), .tuple([.string("b")])]), .set(.string)) == "element 1: string required")
        #expect(Self.failure(.object(["a": .tuple([.number(1)])]), .map(.string)) == "element \"a\": string required")
        #expect(Self.failure(.string("x"), .map(.string)) == "map of string required")
        #expect(Self.failure(.tuple([.string("x")]), .map(.string)) == "map of string required")
    }

    @Test("the declared resource and other resources' references see the converted values")
    func declaredAndReferenced() throws {
        let baseline = LoaderFixtures.load("conversions")
        let instance = try #require(baseline.resource("aws_instance.ok"))
        #expect(instance.attributes["instance_type"] == .string("5"))
        #expect(instance.attributes["monitoring"] == .bool(true))
        #expect(instance.attributes["vpc_security_group_ids"] == .array([.string("1"), .string("sg-b")]))
        #expect(instance.attributes["tags"] == .object(["Count": .string("3"), "On": .string("true")]))
        #expect(instance.attributes["root_block_device"]?.arrayValue?.first?["volume_size"] == .number(20))
        let bucket = try #require(baseline.resource("aws_s3_bucket.refs"))
        #expect(bucket.attributes["tags"] == .object([
            "Monitoring": .string("true"), "Type": .string("\"5\""), "Groups": .string("[\"1\",\"sg-b\"]"),
            "Size": .string("20"),
        ]))
    }

    @Test("arguments that cannot convert are errors at the expression, in Terraform's words")
    func diagnostics() {
        let baseline = LoaderFixtures.load("conversions")
        #expect(baseline.diagnostics.filter { $0.severity == .error }.map(\.rendered) == [
            """
            main.tf:23:20: error: Incorrect attribute value type
              monitoring     = "yes"
                               ^
            Inappropriate value for attribute "monitoring": a bool is required.
            """,
            """
            main.tf:24:20: error: Incorrect attribute value type
              hibernation    = "TRUE"
                               ^
            Inappropriate value for attribute "hibernation": a bool is required; to convert from string, use lowercase "true".
            """,
            """
            main.tf:25:20: error: Incorrect attribute value type
              cpu_core_count = "two"
                               ^
            Inappropriate value for attribute "cpu_core_count": a number is required.
            """,
            """
            main.tf:26:20: error: Incorrect attribute value type
              ipv6_addresses = [{ a = 1 }]
                               ^
            Inappropriate value for attribute "ipv6_addresses": element 0: string required.
            """,
            """
            main.tf:27:20: error: Incorrect attribute value type
              volume_tags    = "x"
                               ^
            Inappropriate value for attribute "volume_tags": map of string required.
            """,
            """
            main.tf:28:20: error: Incorrect attribute value type
              tags           = { a = [1] }
                               ^
            Inappropriate value for attribute "tags": element "a": string required.
            """,
            """
            main.tf:31:17: error: Incorrect attribute value type
                encrypted = 1
                            ^
            Inappropriate value for attribute "encrypted": bool required.
            """,
        ])
    }
}
