import Foundation
import HCL

/// `textencodebase64`/`textdecodebase64` for the encodings configurations use (UTF-8, UTF-16 with
/// or without byte order, UTF-32, ISO-8859-1, windows-1252, US-ASCII), and `base64gzip`, whose
/// bytes depend on Go's deflate implementation: it is reported as unknown rather than guessed.
enum TextEncodingFunctions {
    static var all: [HCLFunction] { [textencodebase64, textdecodebase64, Builtin.impure("base64gzip", ["str"])] }

    private enum Encoding {
        case foundation(String.Encoding, name: String)
        case utf16WithBOM
    }

    private static func encoding(_ args: FunctionArguments, _ index: Int) throws(FunctionError) -> Encoding {
        let name = try args.string(index)
        switch name.lowercased().replacingAll("_", with: "-") {
        case "utf-8", "utf8": return .foundation(.utf8, name: "UTF-8")
        case "utf-16le": return .foundation(.utf16LittleEndian, name: "UTF-16LE")
        case "utf-16be": return .foundation(.utf16BigEndian, name: "UTF-16BE")
        case "utf-16", "utf16": return .utf16WithBOM
        case "utf-32le": return .foundation(.utf32LittleEndian, name: "UTF-32LE")
        case "utf-32be", "utf-32": return .foundation(.utf32BigEndian, name: "UTF-32BE")
        case "iso-8859-1", "latin1", "l1", "iso8859-1", "iso-ir-100", "csisolatin1":
            return .foundation(.isoLatin1, name: "ISO_8859-1:1987")
        case "windows-1252", "cp1252": return .foundation(.windowsCP1252, name: "windows-1252")
        case "us-ascii", "ascii", "iso646-us": return .foundation(.ascii, name: "US-ASCII")
        default:
            throw args.invalid(index, "\(JSONText.quote(name)) is not a supported IANA encoding name or alias in this Terraform version")
        }
    }

    static let textencodebase64 = Builtin.function("textencodebase64", ["string", "encoding"]) { args throws(FunctionError) in
        let text = try args.string(0)
        switch try encoding(args, 1) {
        case .utf16WithBOM:
            guard let body = text.data(using: .utf16BigEndian) else { throw args.invalid(0, "the given string cannot be encoded") }
            return .string((Data([0xFE, 0xFF]) + body).base64EncodedString())
        case .foundation(let encoding, let name):
            guard let data = text.data(using: encoding, allowLossyConversion: false) else {
                throw args.invalid(0, "the given string contains characters that cannot be represented in \(name)")
            }
            return .string(data.base64EncodedString())
        }
    }

    static let textdecodebase64 = Builtin.function("textdecodebase64", ["source", "encoding"]) { args throws(FunctionError) in
        let source = try args.string(0)
        let chosen = try encoding(args, 1)
        guard let data = Data(base64Encoded: source) else {
            throw args.invalid(0, "the given value is has an invalid base64 symbol")
        }
        let decoded: String?
        switch chosen {
        case .utf16WithBOM:
            if data.starts(with: [0xFF, 0xFE]) {
                decoded = String(data: data.dropFirst(2), encoding: .utf16LittleEndian)
            } else {
                decoded = String(data: data.starts(with: [0xFE, 0xFF]) ? data.dropFirst(2) : data, encoding: .utf16BigEndian)
            }
        case .foundation(let encoding, _):
            decoded = String(data: data, encoding: encoding)
        }
        guard let decoded else { throw args.invalid(0, "the given value is not valid in the chosen encoding") }
        return .string(decoded)
    }
}
