import Foundation
import HCL

extension HCLValue {
    /// The value with every string in Unicode NFC, as cty stores strings: results of `file`,
    /// `base64decode`, `jsondecode`, … then hash and print exactly as Terraform's do. Values whose
    /// strings are already NFC (ASCII ones always) come back as they are, without rebuilding.
    var nfcNormalized: HCLValue { normalizedIfNeeded() ?? self }

    /// nil when nothing needed normalizing.
    private func normalizedIfNeeded() -> HCLValue? {
        switch self {
        case .string(let text):
            let normalized = text.nfc
            return normalized.utf8.elementsEqual(text.utf8) ? nil : .string(normalized)
        case .tuple(let items):
            return Self.normalized(items).map(HCLValue.tuple)
        case .set(let items):
            return Self.normalized(items).map(SetOrder.set)
        case .object(let members):
            guard members.contains(where: { !$0.key.nfc.utf8.elementsEqual($0.key.utf8) || $0.value.normalizedIfNeeded() != nil }) else {
                return nil
            }
            var result: [String: HCLValue] = [:]
            for (key, value) in members { result[key.nfc] = value.nfcNormalized }
            return .object(result)
        default:
            return nil
        }
    }

    private static func normalized(_ items: [HCLValue]) -> [HCLValue]? {
        guard let first = items.firstIndex(where: { $0.normalizedIfNeeded() != nil }) else { return nil }
        return Array(items[..<first]) + items[first...].map(\.nfcNormalized)
    }
}

extension String {
    /// This string in Unicode NFC; ASCII comes back as is without work.
    var nfc: String { utf8.allSatisfy { $0 < 0x80 } ? self : precomposedStringWithCanonicalMapping }
}
