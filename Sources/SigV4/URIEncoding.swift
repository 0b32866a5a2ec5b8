/// Percent-encoding exactly as SigV4 defines it: every byte except the RFC 3986 unreserved
/// characters `A-Z a-z 0-9 - _ . ~` becomes `%XY` with upper-case hex.
///
/// Foundation's `addingPercentEncoding` sets differ from this (they keep `+`, `=`, `/`, ...), so
/// the signer has its own. See
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
public enum URIEncoding {
    /// Encodes every byte outside the unreserved set; `/` too unless `keepSlash`.
    public static func encode(_ string: String, keepSlash: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            if isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hex(byte >> 4) + hex(byte & 0x0F)
            }
        }
        return out
    }

    /// Encodes a path segment by segment, keeping the `/` separators.
    public static func encodePath(_ path: String) -> String { encode(path, keepSlash: true) }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: "~"):
            return true
        default: return false
        }
    }

    private static func hex(_ nibble: UInt8) -> String {
        String(UnicodeScalar(nibble < 10 ? nibble + 48 : nibble + 55))
    }
}
