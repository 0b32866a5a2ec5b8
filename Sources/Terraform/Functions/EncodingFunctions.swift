import Crypto
import DriftModel
import Foundation
import HCL

/// Encoding and hashing: `base64encode`/`base64decode`, `md5`, `sha1`, `sha256`, `sha512`,
/// `base64sha256`, `base64sha512`, `urlencode`, `jsonencode`/`jsondecode`, `yamlencode`,
/// and the impure `uuid`, `timestamp`, `plantimestamp`, `bcrypt` (unknown until apply).
enum EncodingFunctions {
    static var all: [HCLFunction] {
        [
            base64encode, base64decode, md5, sha1, sha256, sha512, base64sha256, base64sha512, urlencode,
            jsonencode, jsondecode, yamlencode, yamldecode, uuidv5,
            Builtin.impure("uuid"), Builtin.impure("timestamp"), Builtin.impure("plantimestamp"),
            Builtin.function("bcrypt", ["str"], variadic: "cost", allowsUnknown: true) { _ throws(FunctionError) in .unknown },
        ]
    }

    static let base64encode = Builtin.function("base64encode", ["str"]) { args throws(FunctionError) in
        .string(Data(try args.string(0).utf8).base64EncodedString())
    }

    static let base64decode = Builtin.function("base64decode", ["str"]) { args throws(FunctionError) in
        let text = try args.string(0)
        guard let data = Data(base64Encoded: text) else {
            throw args.fail(nil, "failed to decode base64 data \(JSONText.quote(text))")
        }
        guard let decoded = String(data: data, encoding: .utf8) else {
            throw args.fail(nil, "the result of decoding the provided string is not valid UTF-8")
        }
        return .string(decoded)
    }

    static let md5 = hash("md5") { Insecure.MD5.hash(data: $0).hex }
    static let sha1 = hash("sha1") { Insecure.SHA1.hash(data: $0).hex }
    static let sha256 = hash("sha256") { SHA256.hash(data: $0).hex }
    static let sha512 = hash("sha512") { SHA512.hash(data: $0).hex }
    static let base64sha256 = hash("base64sha256") { Data(SHA256.hash(data: $0)).base64EncodedString() }
    static let base64sha512 = hash("base64sha512") { Data(SHA512.hash(data: $0)).base64EncodedString() }

    private static func hash(_ name: String, _ digest: @escaping @Sendable (Data) -> String) -> HCLFunction {
        Builtin.function(name, ["str"]) { args throws(FunctionError) in .string(digest(Data(try args.string(0).utf8))) }
    }

    /// Go's `url.QueryEscape`: unreserved bytes kept, space as `+`, everything else `%XX`.
    static let urlencode = Builtin.function("urlencode", ["str"]) { args throws(FunctionError) in
        var out = ""
        for byte in try args.string(0).utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "): out += "+"
            default: out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return .string(out)
    }

    static let jsonencode = Builtin.function("jsonencode", ["val"]) { args throws(FunctionError) in
        guard args[0].isKnown else { return .unknown }
        if JSONText.containsInfinity(args[0]) { throw args.fail(nil, "cannot serialize infinity as JSON") }
        return .string(JSONText.encode(args[0]))
    }

    static let jsondecode = Builtin.function("jsondecode", ["str"]) { args throws(FunctionError) in
        let text = try args.string(0)
        do throws(JSONParseError) {
            return try JSONText.decode(text)
        } catch {
            // Go's decoder says "EOF" for input that stops early; other wording is our parser's.
            throw args.fail(nil, error.offset >= text.utf8.count ? "EOF" : error.message)
        }
    }

    static let yamldecode = Builtin.function("yamldecode", ["src"]) { args throws(FunctionError) in
        let text = try args.string(0)
        do throws(YAMLScalar.Failure) {
            return try YAMLDecoder.decode(text)
        } catch {
            throw args.fail(nil, error.message)
        }
    }

    static let yamlencode = Builtin.function("yamlencode", ["value"]) { args throws(FunctionError) in
        args[0].isKnown ? .string(YAMLText.encode(args[0])) : .unknown
    }

    /// RFC 4122 version 5 UUID (SHA-1 of namespace + name); the namespace may be `dns`, `url`,
    /// `oid`, `x500` or a UUID.
    static let uuidv5 = Builtin.function("uuidv5", ["namespace", "name"]) { args throws(FunctionError) in
        let namespaces = [
            "dns": "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "url": "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
            "oid": "6ba7b812-9dad-11d1-80b4-00c04fd430c8", "x500": "6ba7b814-9dad-11d1-80b4-00c04fd430c8",
        ]
        let given = try args.string(0)
        guard let namespace = UUID(uuidString: namespaces[given] ?? given) else {
            throw args.fail(0, "uuidv5() doesn't support namespace \(given)")
        }
        var bytes = withUnsafeBytes(of: namespace.uuid) { Array($0) }
        bytes += Array(try args.string(1).utf8)
        var digest = Array(Insecure.SHA1.hash(data: bytes)).prefix(16)
        digest[digest.startIndex + 6] = (digest[digest.startIndex + 6] & 0x0F) | 0x50
        digest[digest.startIndex + 8] = (digest[digest.startIndex + 8] & 0x3F) | 0x80
        let hex = digest.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex[hex.index(hex.startIndex, offsetBy: range.lowerBound)..<hex.index(hex.startIndex, offsetBy: range.upperBound)])
        }
        return .string(parts.joined(separator: "-"))
    }
}
