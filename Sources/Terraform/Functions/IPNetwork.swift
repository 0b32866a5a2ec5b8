import Foundation

/// An IPv4 or IPv6 address as a 128-bit number, for the `cidr*` functions. Parsing accepts what
/// Terraform's `ipaddr` package does (dotted quads, IPv6 with `::` and an optional dotted tail);
/// printing follows Go's `net.IP.String` (lower-case hex, the longest run of two or more zero
/// groups as `::`).
struct IPAddress: Equatable {
    var high: UInt64
    var low: UInt64
    /// 32 or 128.
    var bits: Int

    static func parse(_ text: String) -> IPAddress? {
        if text.contains(":") { return parseIPv6(text) }
        guard let value = parseIPv4(text) else { return nil }
        return IPAddress(high: 0, low: UInt64(value), bits: 32)
    }

    private static func parseIPv4(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let byte = UInt8(part) else { return nil }
            value = value << 8 | UInt32(byte)
        }
        return value
    }

    private static func parseIPv6(_ text: String) -> IPAddress? {
        var groups: [UInt16] = []
        var tail: [UInt16] = []
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groupsOf(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, piece.contains(".") {
                    guard let v4 = parseIPv4(String(piece)) else { return nil }
                    result += [UInt16(v4 >> 16), UInt16(v4 & 0xFFFF)]
                    continue
                }
                guard (1...4).contains(piece.count), let group = UInt16(piece, radix: 16) else { return nil }
                result.append(group)
            }
            return result
        }
        guard let head = groupsOf(halves[0]) else { return nil }
        groups = head
        if halves.count == 2 {
            guard let rest = groupsOf(halves[1]), head.count + rest.count < 8 else { return nil }
            tail = rest
            groups += Array(repeating: 0, count: 8 - head.count - rest.count) + tail
        }
        guard groups.count == 8 else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        for group in groups[0..<4] { high = high << 16 | UInt64(group) }
        for group in groups[4..<8] { low = low << 16 | UInt64(group) }
        return IPAddress(high: high, low: low, bits: 128)
    }

    /// `::ffff:a.b.c.d`, which Go prints and computes as the IPv4 address it maps.
    var isIPv4Mapped: Bool { bits == 128 && high == 0 && low >> 32 == 0xFFFF }

    var description: String {
        if bits == 32 || isIPv4Mapped {
            return [24, 16, 8, 0].map { String((low >> UInt64($0)) & 0xFF) }.joined(separator: ".")
        }
        let groups = (0..<8).map { index -> UInt16 in
            let word = index < 4 ? high : low
            return UInt16((word >> UInt64((3 - index % 4) * 16)) & 0xFFFF)
        }
        var bestStart = -1, bestLength = 0, index = 0
        while index < 8 {
            if groups[index] == 0 {
                var end = index
                while end < 8, groups[end] == 0 { end += 1 }
                if end - index > bestLength { bestStart = index; bestLength = end - index }
                index = end
            } else {
                index += 1
            }
        }
        if bestLength < 2 { bestStart = -1 }
        var out = ""
        index = 0
        while index < 8 {
            if index == bestStart {
                out += "::"
                index += bestLength
                continue
            }
            if !out.isEmpty, !out.hasSuffix(":") { out += ":" }
            out += String(groups[index], radix: 16)
            index += 1
        }
        return out
    }

    // MARK: 128-bit arithmetic within `bits`

    /// All ones in the lowest `count` bits of the address width.
    static func lowMask(_ count: Int) -> (UInt64, UInt64) {
        if count <= 0 { return (0, 0) }
        if count >= 128 { return (.max, .max) }
        if count >= 64 { return (count == 64 ? 0 : (UInt64.max >> UInt64(128 - count)), .max) }
        return (0, UInt64.max >> UInt64(64 - count))
    }

    /// The address with its lowest `hostBits` bits cleared (`set == false`) or set (`set == true`).
    func withHostBits(_ hostBits: Int, set: Bool) -> IPAddress {
        let (maskHigh, maskLow) = Self.lowMask(hostBits)
        if set { return IPAddress(high: high | maskHigh, low: low | maskLow, bits: bits) }
        return IPAddress(high: high & ~maskHigh, low: low & ~maskLow, bits: bits)
    }

    /// Adds `value << shift`, reporting overflow past the address width.
    func adding(_ value: UInt64, shiftedBy shift: Int) -> IPAddress? {
        var addHigh: UInt64 = 0, addLow: UInt64 = 0
        if shift >= 128 { return value == 0 ? self : nil }
        if shift >= 64 {
            addHigh = value << UInt64(shift - 64)
            if shift > 64, value >> UInt64(128 - shift) != 0 { return nil }
        } else if shift > 0 {
            addLow = value << UInt64(shift)
            addHigh = value >> UInt64(64 - shift)
        } else {
            addLow = value
        }
        let (sumLow, carry) = low.addingReportingOverflow(addLow)
        let (partialHigh, overflowA) = high.addingReportingOverflow(addHigh)
        let (sumHigh, overflowB) = partialHigh.addingReportingOverflow(carry ? 1 : 0)
        if overflowA || overflowB { return nil }
        if bits == 32, sumHigh != 0 || sumLow > UInt64(UInt32.max) { return nil }
        return IPAddress(high: sumHigh, low: sumLow, bits: bits)
    }
}

/// A parsed `address/prefix`; `base` keeps the host bits as written.
struct IPNetwork {
    var base: IPAddress
    var prefix: Int

    static func parse(_ text: String) -> IPNetwork? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPAddress.parse(String(parts[0])),
            parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let prefix = Int(parts[1]), prefix <= address.bits
        else { return nil }
        if address.isIPv4Mapped, prefix >= 96 {
            return IPNetwork(base: IPAddress(high: 0, low: address.low & 0xFFFF_FFFF, bits: 32), prefix: prefix - 96)
        }
        return IPNetwork(base: address, prefix: prefix)
    }

    var network: IPAddress { base.withHostBits(base.bits - prefix, set: false) }
    var last: IPAddress { base.withHostBits(base.bits - prefix, set: true) }
}
