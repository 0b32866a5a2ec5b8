import Foundation
import HCL

extension HCLValue {
    /// The value with every string in Unicode NFC, as cty stores strings: results of `file`,
    /// `base64decode`, `jsondecode`, … then hash and print exactly as Terraform's do. ASCII (almost
    /// every string) is returned untouched without copying.
    var nfcNormalized: HCLValue {
        switch self {
        case .string(let text):
            let normalized = text.nfc
            return normalized.utf8.count == text.utf8.count && normalized.utf8.elementsEqual(text.utf8) ? self : .string(normalized)
        case .tuple(let items): return .tuple(items.map(\.nfcNormalized))
        case .set(let items): return SetOrder.set(items.map(\.nfcNormalized))
        case .object(let members):
            var result: [String: HCLValue] = [:]
            for (key, value) in members {
                result[key.nfc] = value.nfcNormalized
            }
            return .object(result)
        default: return self
        }
    }
}

extension String {
    /// This string in Unicode NFC; ASCII comes back as is without work.
    var nfc: String { utf8.allSatisfy { $0 < 0x80 } ? self : precomposedStringWithCanonicalMapping }
}
