/// Byte-level UTF-8 helpers for the lexer: decoding one scalar and classifying identifier
/// characters (Unicode ID_Start / ID_Continue, plus `_` to start and `-` to continue, as HCL allows).
enum UTF8Scalars {
    /// ASCII bytes that may continue an identifier: letters, digits, `_`, `-`.
    @inline(__always)
    static func isASCIIContinue(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
            || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
    }

    /// Length of the UTF-8 sequence starting at `i` (1 for invalid bytes, so scanning always advances).
    static func length(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        guard i < bytes.count else { return 0 }
        let b = bytes[i]
        let n: Int
        switch b {
        case 0..<0x80: return 1
        case 0xC2..<0xE0: n = 2
        case 0xE0..<0xF0: n = 3
        case 0xF0..<0xF5: n = 4
        default: return 1
        }
        guard i + n <= bytes.count else { return 1 }
        for k in 1..<n where bytes[i + k] & 0xC0 != 0x80 { return 1 }
        return n
    }

    /// The scalar starting at `i`, or nil for invalid UTF-8.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Unicode.Scalar? {
        let n = length(bytes, at: i)
        guard n > 0 else { return nil }
        let b0 = UInt32(bytes[i])
        var value: UInt32
        switch n {
        case 1:
            return b0 < 0x80 ? Unicode.Scalar(b0) : nil
        case 2: value = b0 & 0x1F
        case 3: value = b0 & 0x0F
        default: value = b0 & 0x07
        }
        for k in 1..<n { value = (value << 6) | UInt32(bytes[i + k] & 0x3F) }
        return Unicode.Scalar(value)
    }

    static func isIdentifierStart(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i < bytes.count else { return false }
        let b = bytes[i]
        if b < 0x80 {
            return (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == UInt8(ascii: "_")
        }
        return decode(bytes, at: i)?.properties.isIDStart ?? false
    }

    static func isIdentifierContinue(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i < bytes.count else { return false }
        let b = bytes[i]
        if b < 0x80 { return isASCIIContinue(b) }
        return decode(bytes, at: i)?.properties.isIDContinue ?? false
    }
}
