/// CRC-32 (IEEE 802.3, the polynomial Go's `hash/crc32.ChecksumIEEE` uses): the AWS provider's
/// set element hash and the `id` of `aws_iam_policy_document` are this checksum in decimal.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum<S: Sequence>(_ bytes: S) -> UInt32 where S.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    /// The provider's `hashcode.String`: the checksum as a non-negative 64-bit int, in decimal.
    static func hashString(_ text: String) -> String { String(checksum(text.utf8)) }
}
