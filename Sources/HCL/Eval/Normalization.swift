import Foundation

/// cty normalizes every string value to Unicode NFC, so `"e\u0301"` is the one-scalar `"é"` in
/// Terraform's output. Swift compares strings by canonical equivalence already; normalizing keeps
/// the bytes drift writes identical to Terraform's too.
enum Normalization {
    static func nfc(_ text: String) -> String {
        // Pure ASCII (nearly every string in a configuration) is already in NFC.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return text.precomposedStringWithCanonicalMapping
    }
}
