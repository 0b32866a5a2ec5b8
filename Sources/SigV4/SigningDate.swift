/// The instant a request is signed, in the two forms SigV4 uses: `20150830T123600Z` and `20150830`.
///
/// Built from seconds since 1970 with integer arithmetic so that the signer needs no calendar,
/// no locale and no clock; callers pass `Date().timeIntervalSince1970`.
public struct SigningDate: Sendable, Hashable {
    /// `yyyyMMdd'T'HHmmss'Z'`, the `x-amz-date` header.
    public let timestamp: String
    /// `yyyyMMdd`, the first element of the credential scope.
    public var day: String { String(timestamp.prefix(8)) }

    public init(secondsSince1970: Double) {
        let seconds = Int64(secondsSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = SigningDate.civil(fromDays: days)
        func pad(_ v: Int64, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        timestamp = pad(y, 4) + pad(m, 2) + pad(d, 2) + "T" + pad(secondOfDay / 3600, 2)
            + pad(secondOfDay % 3600 / 60, 2) + pad(secondOfDay % 60, 2) + "Z"
    }

    /// Parses `20150830T123600Z`; `nil` for anything else.
    public init?(timestamp: String) {
        let chars = Array(timestamp.utf8)
        guard chars.count == 16, chars[8] == UInt8(ascii: "T"), chars[15] == UInt8(ascii: "Z"),
            chars.enumerated().allSatisfy({ $0.offset == 8 || $0.offset == 15 || ($0.element >= 48 && $0.element <= 57) })
        else { return nil }
        self.timestamp = timestamp
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian, UTC).
    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
