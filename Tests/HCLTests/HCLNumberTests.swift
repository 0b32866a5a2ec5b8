import BigInt
import Testing

@testable import HCL

/// `HCLNumber` on its own: Go's big.Float rules for parsing, rounding, text and equality.
@Suite("HCLNumber: cty's 512-bit numbers")
struct HCLNumberTests {
    static func n(_ text: String) -> HCLNumber { HCLNumber(parsing: text)! }

    @Test("the issue's table: exact integers, 512-bit quotients and remainders")
    func table() throws {
        #expect(Self.n("9007199254740993").text == "9007199254740993")
        let third = try Self.n("1").divided(by: Self.n("3"))
        #expect(third.text == "0." + String(repeating: "3", count: 154) + "5")
        let twoThirds = try Self.n("2").divided(by: Self.n("3"))
        #expect(twoThirds.text == "0." + String(repeating: "6", count: 153) + "7")
        let sum = try Self.n("0.1").adding(Self.n("0.2")).adding(Self.n("-0.3"))
        #expect(sum.text == "0")
        let remainder = try Self.n("11").remainder(dividingBy: Self.n("5.1"))
        #expect(remainder.text.hasPrefix("0.8000000000"))
        #expect(remainder.text.hasSuffix("24"))
    }

    @Test("text round-trips through parsing at the same precision", arguments: [
        "0", "-0", "1", "-1", "0.1", "0.5", "2.5", "1e21", "1e-7", "123456789012345678901234567890",
        "0.333333333333333333333333333333333333", "1e400", "1e-400", "4.9e-324", "1.7976931348623157e308",
    ])
    func roundTrip(text: String) {
        let number = Self.n(text)
        #expect(HCLNumber(parsing: number.text) == number)
        #expect(HCLNumber(parsing: number.text)?.text == number.text)
    }

    @Test("literal parsing is one rounding of the exact decimal, nearest-even at 512 bits")
    func parsing() throws {
        // At 2^600 a 512-bit ulp is 2^89: 2^600 + 2^88 is a tie (to even: 2^600), one more rounds up.
        let power = BigInt(1) << 600
        let half = BigInt(1) << 88
        #expect(HCLNumber(parsing: String(power + half))! == HCLNumber(parsing: String(power))!)
        #expect(HCLNumber(parsing: String(power + half + 1))! == HCLNumber(parsing: String(power + 2 * half))!)
        #expect(HCLNumber(parsing: String(power + 1))! == HCLNumber(parsing: String(power))!)
        #expect(HCLNumber(parsing: "1.5e3") == 1500)
        #expect(HCLNumber(parsing: ".5") == HCLNumber(parsing: "0.5"))
        #expect(HCLNumber(parsing: "-Inf")?.isInfinite == true)
        #expect(HCLNumber(parsing: "1e") == nil)
        #expect(HCLNumber(parsing: "x") == nil)
    }

    @Test("equality is cty's: whole numbers by value, others by their text; -0 equals 0")
    func equality() throws {
        #expect(HCLNumber(1) == Self.n("1.0"))
        #expect(Self.n("-0") == Self.n("0"))
        #expect(HCLNumber(float: 0.1) == Self.n("0.1"))
        #expect(try Self.n("1").divided(by: Self.n("3")) != Self.n("0.3333333333333333"))
        #expect(Self.n("9007199254740993") != Self.n("9007199254740992"))
        #expect(Set([HCLNumber(1), Self.n("1.0"), Self.n("0.1"), HCLNumber(float: 0.1)]).count == 2)
    }

    @Test("order is by value, across storages")
    func order() throws {
        #expect(Self.n("9007199254740992") < Self.n("9007199254740993"))
        #expect(Self.n("-1e400") < Self.n("-1"))
        #expect(Self.n("1e400") < HCLNumber.positiveInfinity)
        #expect(try Self.n("1").divided(by: Self.n("3")) < Self.n("0.33333333333333333333333333333333333333333333333333333333333333333333333333333333333333334"))
    }

    @Test("remainder keeps the dividend's sign; x % 0 is x")
    func remainders() throws {
        #expect(try Self.n("-11").remainder(dividingBy: Self.n("5")).text == "-1")
        #expect(try Self.n("11").remainder(dividingBy: Self.n("-5")).text == "1")
        #expect(try Self.n("5.5").remainder(dividingBy: Self.n("2")).text == "1.5")
        #expect(try Self.n("-4").remainder(dividingBy: Self.n("2")).text == "0")
        #expect(try Self.n("7").remainder(dividingBy: .zero).text == "7")
        #expect(try Self.n("1e30").remainder(dividingBy: Self.n("7")).text == "1")
    }

    @Test("0/0 and ∞-∞ have no result; x/0 is a signed infinity")
    func notANumber() throws {
        #expect(throws: HCLNumber.NotANumber.self) { try HCLNumber.zero.divided(by: .zero) }
        #expect(throws: HCLNumber.NotANumber.self) { try HCLNumber.positiveInfinity.adding(.negativeInfinity) }
        #expect(try HCLNumber(1).divided(by: .zero).text == "+Inf")
        #expect(try HCLNumber(-1).divided(by: .zero).text == "-Inf")
        // Beyond a Double's range the result is still finite and exact, as in Go.
        let quotient = try Self.n("1e300").divided(by: Self.n("1e-300"))
        let product = try Self.n("1e300").multiplied(by: Self.n("1e300"))
        for big in [quotient, product] {
            #expect(!big.isInfinite && big > Self.n("9.99e599") && big < Self.n("1.01e600"))
        }
        #expect(try Self.n("1.7976931348623157e308").adding(Self.n("1.7976931348623157e308")).isInfinite == false)
    }

    @Test("precision follows Go: 53 bits print like float64, 512 bits print every digit")
    func precision() throws {
        #expect(HCLNumber(float: 1152921504606846976).text == "1152921504606847000")
        #expect(Self.n("1152921504606846976").text == "1152921504606846976")
        #expect(try HCLNumber(float: 0.1).adding(HCLNumber(float: 0)).text == "0.1")
        #expect(try HCLNumber(float: 0.1).adding(.zero).text == "0.10000000000000000555")
        let promoted = try HCLNumber(float: 0.1).adding(Self.n("0"))
        #expect(promoted.text == "0.1000000000000000055511151231257827021181583404541015625")
    }

    @Test("the model boundary keeps a number only where a Double prints as Terraform does")
    func modelBoundary() throws {
        #expect(Self.n("0.1").modelDouble == 0.1)
        #expect(Self.n("42").modelDouble == 42)
        #expect(Self.n("9007199254740993").modelDouble == nil)
        #expect(try Self.n("1").divided(by: Self.n("3")).modelDouble == nil)
        #expect(HCLNumber.positiveInfinity.modelDouble == nil)
        #expect(HCLNumber(modelDouble: 0.1) == Self.n("0.1"))
        #expect(HCLNumber(modelDouble: 0.1).text == "0.1")
    }

    @Test("floor and ceil give whole numbers at the value's precision; ceil(-0.5) is 0")
    func rounding() throws {
        #expect(Self.n("2.5").floor.text == "2")
        #expect(Self.n("-2.5").floor.text == "-3")
        #expect(Self.n("-0.5").ceiling.text == "0")
        let big = try Self.n("1e30").divided(by: Self.n("7"))
        #expect(big.floor.text == "142857142857142857142857142857")
        #expect(big.ceiling.text == "142857142857142857142857142858")
    }

    @Test("general text switches to an exponent outside 1e-4 ..< 1e6, as %v does")
    func general() {
        #expect(Self.n("123456789").generalText == "1.23456789e+08")
        #expect(Self.n("1e21").generalText == "1e+21")
        #expect(Self.n("0.5").generalText == "0.5")
        #expect(Self.n("0.00001").generalText == "1e-05")
    }

    @Test("a number is no bigger than a Double with its tag and precision, so HCLValue stays small")
    func layout() {
        #expect(MemoryLayout<HCLNumber>.size <= 16)
        #expect(MemoryLayout<HCLValue>.size <= 17)
    }
}
