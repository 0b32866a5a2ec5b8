import HCL
import Testing

/// Every function, called with random argument lists drawn from awkward values (nulls, unknowns,
/// huge and fractional numbers, NaN, malformed CIDRs and patterns, nested collections), returns or
/// throws `FunctionError`: never traps, never hangs.
@Suite("Functions never crash")
struct FunctionRobustnessTests {
    static let pool: [HCLValue] = [
        .null, .unknown, .string(""), .string("a"), .string("🤔x"), .string("-1"), .string("1e400"), .string("%"),
        .string("%[0]d %-08.3q %#v"), .string("/(/"), .string("/a*?/"), .string("10.0.0.0/8"), .string("::/0"),
        .string("fd00::1/127"), .string("${x}"), .string("a\nb "), .string("- a\n  b: [\n? x\n: &y *y\n  - |+2\n"),
        .string("{[\"a\\"), .string("a,\"b\n\"\"c"), .string("2018-01-02T23:12:01+05:30"), .string("YYYY'MM"), .string("1h5m"), .number(0), .number(-1), .number(1.5),
        .number(1e300), .number(-1e300), .number(9.3e18), .number(-9.3e18), .number(.negativeInfinity), .number(.positiveInfinity), .number(HCLNumber(parsing: "1e400")!),
        .number(64), .number(129), .bool(true), .tuple([]), .tuple([.string("a"), .number(1)]),
        .tuple([.tuple([]), .object([:])]), .tuple([.unknown, .null]), .object([:]), .object(["a": .number(1)]),
        .object(["a": .unknown, "b": .tuple([.string("x")])]), .set([.string("a"), .string("b")]), .set([.unknown]),
    ]

    /// SplitMix64: a fixed sequence so a failure reproduces.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("random argument lists give a value or a FunctionError", arguments: Library.functions.keys.sorted())
    func fuzz(_ name: String) throws {
        let function = try #require(Library.functions[name])
        var generator = Generator(state: UInt64(truncatingIfNeeded: name.utf8.reduce(7) { $0 &* 31 &+ Int($1) }))
        var outcomes = 0
        for _ in 0..<300 {
            let count = Int.random(in: 0...4, using: &generator)
            let arguments = (0..<count).map { _ in Self.pool.randomElement(using: &generator) ?? .null }
            do {
                _ = try function.implementation(arguments)
            } catch {
                #expect(!error.message.isEmpty)
            }
            outcomes += 1
        }
        #expect(outcomes == 300)
    }

    @Test("calls with an unknown argument are unknown, arity errors come first")
    func unknownArguments() throws {
        #expect(try Library.call("upper", .unknown) == .unknown)
        #expect(try Library.call("length", .tuple([.unknown, .number(1)])) == .number(2))
        #expect(try Library.call("jsonencode", .object(["a": .unknown])) == .unknown)
        #expect(try Library.call("merge", .object(["a": .unknown]), .object(["b": .number(1)])) == .object(["a": .unknown, "b": .number(1)]))
        #expect(Library.failure("upper") == "Not enough function arguments; function \"upper\" expects 1 argument(s). Missing value for \"str\".")
        #expect(Library.failure("upper", .unknown, .unknown) == "Too many function arguments; function \"upper\" expects only 1 argument(s).")
        #expect(try Library.call("uuid") == .unknown)
        #expect(try Library.call("timestamp") == .unknown)
    }
}

@Suite("Template functions")
struct TemplateFunctionTests {
    @Test("templatestring renders a template held in a string with its own variables")
    func templatestring() throws {
        let vars = HCLValue.object(["name": .string("web"), "ports": .tuple([.number(80), .number(443)])])
        let text = "%{ for p in ports }${name}:${p} %{ endfor }${upper(name)}"
        #expect(try Library.call("templatestring", .string(text), vars) == .string("web:80 web:443 WEB"))
        #expect(try Library.call("templatestring", .string("${ports}"), vars) == .tuple([.number(80), .number(443)]))
        #expect(Library.failure("templatestring", .string("${missing}"), vars)?.contains("vars map does not contain key \"missing\"") == true)
    }

    @Test("templatefile reads the file relative to the base directory and keeps unknown variables unknown")
    func templatefile() throws {
        let vars = HCLValue.object(["name": .string("World"), "items": .tuple([.string("a")])])
        #expect(try Library.call("templatefile", .string("greeting.tftpl"), vars) == .string("Hello, World!\n- a\n"))
        let unknown = HCLValue.object(["name": .unknown, "items": .tuple([])])
        #expect(try Library.call("templatefile", .string("greeting.tftpl"), unknown) == .unknown)
    }
}

/// The text decoders (`yamldecode`, `csvdecode`, `jsondecode`) on truncated and mutated copies of
/// the fixture documents: every one ends in a value or a `FunctionError`.
@Suite("Decoders survive mutated input")
struct DecoderMutationTests {
    static let documents: [(String, String)] = TerraformCaseTests.cases.compactMap { testCase in
        guard ["yamldecode", "csvdecode", "jsondecode"].contains(testCase.call), case .string(let text)? = testCase.arguments.first,
            text.count > 8
        else { return nil }
        return (testCase.call, text)
    }

    @Test("truncations and byte mutations never trap")
    func mutations() throws {
        #expect(Self.documents.count > 20)
        var generator = FunctionRobustnessTests.Generator(state: 42)
        let alphabet = Array(" \n\t-:?|>[]{},'\"#&*!~0a".unicodeScalars)
        var calls = 0
        for (name, text) in Self.documents {
            let function = try #require(Library.functions[name])
            let scalars = Array(text.unicodeScalars)
            for round in 0..<150 {
                var mutated = scalars
                if round % 3 == 0 {
                    mutated = Array(mutated.prefix(Int.random(in: 0...mutated.count, using: &generator)))
                } else {
                    for _ in 0..<Int.random(in: 1...4, using: &generator) where !mutated.isEmpty {
                        let position = Int.random(in: 0..<mutated.count, using: &generator)
                        mutated[position] = alphabet.randomElement(using: &generator) ?? " "
                    }
                }
                do {
                    _ = try function.implementation([.string(String(String.UnicodeScalarView(mutated)))])
                } catch {
                    #expect(!error.message.isEmpty)
                }
                calls += 1
            }
        }
        #expect(calls == Self.documents.count * 150)
    }
}
