/// An RFC 3339 timestamp as Terraform's time functions read and write it: the instant plus the UTC
/// offset it was written with (results keep that offset, like Go's `time.Time`).
struct Timestamp: Equatable {
    /// Seconds since 1970-01-01T00:00:00Z.
    var seconds: Int64
    var nanoseconds: Int64
    /// Offset from UTC in seconds (`Z` is 0).
    var offset: Int

    /// Why a timestamp did not parse: Go's range complaint, or nil for a malformed layout.
    struct ParseError: Error { var reason: String? }

    /// Parses `2006-01-02T15:04:05Z07:00` with optional fractional seconds (`T`/`Z` any case).
    static func parse(_ text: String) -> Result<Timestamp, ParseError> {
        guard let fields = layout(text) else { return .failure(ParseError(reason: nil)) }
        let (year, month, day, hour, minute, second, nanos, offset) = fields
        guard (1...12).contains(month) else { return .failure(ParseError(reason: "month out of range")) }
        guard day >= 1, day <= daysIn(month: month, year: year) else { return .failure(ParseError(reason: "day out of range")) }
        guard hour < 24 else { return .failure(ParseError(reason: "hour out of range")) }
        guard minute < 60 else { return .failure(ParseError(reason: "minute out of range")) }
        guard second < 60 else { return .failure(ParseError(reason: "second out of range")) }
        let days = daysFromCivil(year: year, month: month, day: day)
        let local = Int64(days) * 86400 + Int64(hour * 3600 + minute * 60 + second)
        return .success(Timestamp(seconds: local - Int64(offset), nanoseconds: nanos, offset: offset))
    }

    private static func layout(_ text: String) -> (Int, Int, Int, Int, Int, Int, Int64, Int)? {
        let chars = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= chars.count else { return nil }
            var value = 0
            for byte in chars[start..<(start + count)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard chars.count >= 20, let year = number(0, 4), chars[4] == 45, let month = number(5, 2), chars[7] == 45,
            let day = number(8, 2), chars[10] == 84 || chars[10] == 116, let hour = number(11, 2), chars[13] == 58,
            let minute = number(14, 2), chars[16] == 58, let second = number(17, 2)
        else { return nil }
        var index = 19
        var nanos: Int64 = 0
        if index < chars.count, chars[index] == 46 {
            index += 1
            var digits = 0
            while index < chars.count, chars[index] >= 48, chars[index] <= 57 {
                if digits < 9 { nanos = nanos * 10 + Int64(chars[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 9) { nanos *= 10 }
        }
        guard index < chars.count else { return nil }
        var offset = 0
        if chars[index] == 90 || chars[index] == 122 {
            index += 1
        } else {
            guard chars[index] == 43 || chars[index] == 45, let hours = number(index + 1, 2), chars.count > index + 3,
                chars[index + 3] == 58, let minutes = number(index + 4, 2), hours < 24, minutes < 60
            else { return nil }
            offset = (hours * 3600 + minutes * 60) * (chars[index] == 45 ? -1 : 1)
            index += 6
        }
        guard index == chars.count else { return nil }
        return (year, month, day, hour, minute, second, nanos, offset)
    }

    /// The civil fields in this timestamp's own offset.
    var fields: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int) {
        let local = seconds + Int64(offset)
        let days = Int(floorDivide(local, 86400))
        let secondOfDay = Int(local - Int64(days) * 86400)
        let (year, month, day) = Self.civil(fromDays: days)
        let weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday (4); 0 = Sunday
        return (year, month, day, secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60, weekday)
    }

    /// Go's `time.RFC3339` (no fractional seconds), `Z` for UTC.
    var rfc3339: String {
        let f = fields
        return "\(pad(f.year, 4))-\(pad(f.month, 2))-\(pad(f.day, 2))T\(pad(f.hour, 2)):\(pad(f.minute, 2)):\(pad(f.second, 2))"
            + offsetText(colon: true, zulu: true)
    }

    func offsetText(colon: Bool, zulu: Bool) -> String {
        if offset == 0, zulu { return "Z" }
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return sign + pad(magnitude / 3600, 2) + (colon ? ":" : "") + pad(magnitude % 3600 / 60, 2)
    }

    func adding(nanoseconds delta: Int64) -> Timestamp {
        let total = nanoseconds + delta % 1_000_000_000
        let carry = floorDivide(total, 1_000_000_000)
        return Timestamp(
            seconds: seconds + delta / 1_000_000_000 + carry, nanoseconds: total - carry * 1_000_000_000, offset: offset)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let text = String(abs(value))
    return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - text.count)) + text
}

func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let quotient = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
}
