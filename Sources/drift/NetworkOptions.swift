import ArgumentParser
import Foundation

/// How long drift waits on AWS: shared by every command that reads it (`scan`, `check`, `snapshot`).
struct NetworkOptions: ParsableArguments {
    @Option(name: .customLong("connect-timeout"), help: ArgumentHelp("Seconds to connect to an endpoint.", valueName: "seconds"))
    var connectTimeout: Double = 10

    @Option(name: .customLong("read-timeout"), help: ArgumentHelp("Seconds one request may take once connected.", valueName: "seconds"))
    var readTimeout: Double = 30

    @Option(
        help: ArgumentHelp(
            "Give up reading AWS after this long (e.g. 90, 90s, 5m); what was not read by then is reported as an error.",
            valueName: "duration"))
    var deadline: String?

    func validate() throws {
        guard connectTimeout > 0, connectTimeout.isFinite else { throw ValidationError("--connect-timeout must be a positive number of seconds") }
        guard readTimeout > 0, readTimeout.isFinite else { throw ValidationError("--read-timeout must be a positive number of seconds") }
        if let deadline, Self.seconds(deadline) == nil {
            throw ValidationError("--deadline must be a duration such as 90, 90s, 5m or 1h, not \"\(deadline)\"")
        }
    }

    /// The deadline as seconds since 1970, counted from `now`.
    func deadlineDate(now: Date = Date()) -> Double? {
        deadline.flatMap(Self.seconds).map { now.timeIntervalSince1970 + $0 }
    }

    /// `90`, `90s`, `5m`, `1h` (fractions allowed) in seconds; `nil` when not a positive duration.
    static func seconds(_ text: String) -> Double? {
        var number = Substring(text.trimmingCharacters(in: .whitespaces))
        var scale = 1.0
        switch number.last {
        case "s": number = number.dropLast()
        case "m": number = number.dropLast(); scale = 60
        case "h": number = number.dropLast(); scale = 3600
        default: break
        }
        guard let value = Double(number), value > 0, value.isFinite else { return nil }
        return value * scale
    }
}
