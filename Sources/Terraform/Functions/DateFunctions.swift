import HCL

/// `formatdate`, `timeadd`, `timecmp` on RFC 3339 timestamps (pure, unlike `timestamp()`).
enum DateFunctions {
    static var all: [HCLFunction] { [formatdate, timeadd, timecmp] }

    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    private static func timestamp(_ args: FunctionArguments, _ index: Int) throws(FunctionError) -> Timestamp {
        let text = try args.string(index)
        switch Timestamp.parse(text) {
        case .success(let time): return time
        case .failure(let problem):
            throw args.fail(index, "not a valid RFC3339 timestamp: \(problem.reason ?? "cannot use \(JSONText.quote(text)) as year")")
        }
    }

    static let timecmp = Builtin.function("timecmp", ["timestamp_a", "timestamp_b"]) { args throws(FunctionError) in
        let a = try timestamp(args, 0), b = try timestamp(args, 1)
        let left = (a.seconds, a.nanoseconds), right = (b.seconds, b.nanoseconds)
        return .number(left < right ? -1 : left > right ? 1 : 0)
    }

    static let timeadd = Builtin.function("timeadd", ["timestamp", "duration"]) { args throws(FunctionError) in
        let time = try timestamp(args, 0)
        let text = try args.string(1)
        switch parseDuration(text) {
        case .success(let nanoseconds): return .string(time.adding(nanoseconds: nanoseconds).rfc3339)
        case .failure(let problem): throw args.fail(nil, "time: \(problem.reason) \(JSONText.quote(text))")
        }
    }

    /// Go's `time.ParseDuration`: `[-+]` then one or more `<number><unit>` (ns, us, µs, ms, s, m, h).
    struct DurationError: Error { var reason: String }

    static func parseDuration(_ text: String) -> Result<Int64, DurationError> {
        let invalid = DurationError(reason: "invalid duration")
        var rest = Substring(text)
        var negative = false
        if let first = rest.first, first == "-" || first == "+" { negative = first == "-"; rest = rest.dropFirst() }
        if rest == "0" { return .success(0) }
        guard !rest.isEmpty else { return .failure(invalid) }
        let units: [(String, Double)] = [
            ("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
        ]
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, number != ".", let value = Double(number.hasPrefix(".") ? "0" + number : String(number)) else {
                return .failure(invalid)
            }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            if unitText.isEmpty { return .failure(DurationError(reason: "missing unit in duration")) }
            guard let unit = units.first(where: { $0.0 == unitText }) else {
                return .failure(DurationError(reason: "unknown unit \(JSONText.quote(String(unitText))) in duration"))
            }
            rest = rest.dropFirst(unitText.count)
            total += value * unit.1
        }
        guard total.magnitude < 9.2e18 else { return .failure(invalid) }
        return .success(Int64((negative ? -total : total).rounded()))
    }

    static let formatdate = Builtin.function("formatdate", ["format", "time"]) { args throws(FunctionError) in
        let time = try timestamp(args, 1)
        let spec = Array(try args.string(0))
        let f = time.fields
        var out = ""
        var index = 0
        while index < spec.count {
            let character = spec[index]
            if character == "'" {
                var end = index + 1
                if end < spec.count, spec[end] == "'" { out += "'"; index += 2; continue }
                var literal = ""
                while end < spec.count {
                    if spec[end] == "'" {
                        if end + 1 < spec.count, spec[end + 1] == "'" { literal += "'"; end += 2; continue }
                        break
                    }
                    literal.append(spec[end])
                    end += 1
                }
                guard end < spec.count else { throw args.fail(0, "unterminated literal '") }
                out += literal
                index = end + 1
                continue
            }
            guard character.isLetter, character.isASCII else { out.append(character); index += 1; continue }
            var length = 1
            while index + length < spec.count, spec[index + length] == character { length += 1 }
            let token = String(repeating: character, count: length)
            let hour12 = f.hour % 12 == 0 ? 12 : f.hour % 12
            switch token {
            case "YYYY": out += pad(f.year, 4)
            case "YY": out += pad(f.year % 100, 2)
            case "MMMM": out += months[f.month - 1]
            case "MMM": out += String(months[f.month - 1].prefix(3))
            case "MM": out += pad(f.month, 2)
            case "M": out += String(f.month)
            case "DD": out += pad(f.day, 2)
            case "D": out += String(f.day)
            case "EEEE": out += weekdays[f.weekday]
            case "EEE": out += String(weekdays[f.weekday].prefix(3))
            case "hh": out += pad(f.hour, 2)
            case "h": out += String(f.hour)
            case "HH": out += pad(hour12, 2)
            case "H": out += String(hour12)
            case "AA": out += f.hour < 12 ? "AM" : "PM"
            case "aa": out += f.hour < 12 ? "am" : "pm"
            case "mm": out += pad(f.minute, 2)
            case "m": out += String(f.minute)
            case "ss": out += pad(f.second, 2)
            case "s": out += String(f.second)
            case "ZZZZZ": out += time.offsetText(colon: true, zulu: false)
            case "ZZZZ": out += time.offsetText(colon: false, zulu: false)
            case "ZZZ": out += time.offset == 0 ? "UTC" : time.offsetText(colon: false, zulu: false)
            case "Z": out += time.offsetText(colon: true, zulu: true)
            default: throw args.fail(0, "invalid date format verb \(JSONText.quote(token))")
            }
            index += length
        }
        return .string(out)
    }
}
