import HCL

/// The shapes `drift.hcl` values must have, as AWS and Terraform define them. Pure functions on
/// strings (no Foundation regular expressions: the fuzz build links no Foundation regex engine).
enum EstateChecks {
    /// Block names (`root "NAME"`, `account "NAME"`): findings and `--shard` targets print them,
    /// `account/region` in particular, so no slashes, spaces or empty names.
    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isAlphanumeric(first) else { return false }
        return name.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "_" || $0 == "-" || $0 == "." }
    }

    /// A Terraform variable name (an HCL identifier that does not start with a digit).
    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isLetter(first) || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "_" || $0 == "-" }
    }

    /// An AWS region name: `eu-west-1`, `ap-southeast-3`, `us-gov-west-1`, `us-isob-east-1`,
    /// `cn-northwest-1`: a two-letter area, an optional `gov`/`iso*` partition word, a direction
    /// word, a number.
    static func isRegion(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3 || parts.count == 4 else { return false }
        guard parts[0].count == 2, parts[0].unicodeScalars.allSatisfy(isLowercase) else { return false }
        if parts.count == 4 {
            let word = parts[1]
            guard word == "gov" || (word.hasPrefix("iso") && word.count <= 4 && word.unicodeScalars.allSatisfy(isLowercase))
            else { return false }
        }
        let direction = parts[parts.count - 2]
        let number = parts[parts.count - 1]
        return !direction.isEmpty && direction.unicodeScalars.allSatisfy(isLowercase)
            && (1...2).contains(number.count) && number.unicodeScalars.allSatisfy(isDigit)
    }

    /// An IAM role ARN: `arn:aws:iam::111122223333:role/NAME` or `.../role/PATH/NAME`, in any
    /// partition (`aws`, `aws-cn`, `aws-us-gov`, ...).
    static func isRoleARN(_ arn: String) -> Bool {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[3].isEmpty else { return false }
        let partition = parts[1]
        guard partition == "aws" || (partition.hasPrefix("aws-") && partition.count > 4
            && partition.unicodeScalars.allSatisfy { isLowercase($0) || $0 == "-" }) else { return false }
        guard parts[4].count == 12, parts[4].unicodeScalars.allSatisfy(isDigit) else { return false }
        guard parts[5].hasPrefix("role/") else { return false }
        let path = parts[5].dropFirst("role/".count)
        guard let name = path.split(separator: "/", omittingEmptySubsequences: false).last,
              (1...64).contains(name.count), path.count <= 512
        else { return false }
        return path.unicodeScalars.allSatisfy { isAlphanumeric($0) || "+=,.@_-/".unicodeScalars.contains($0) }
            && !path.hasPrefix("/") && !path.contains("//")
    }

    /// STS `ExternalId`: 2 to 1224 characters of `[\w+=,.@:/-]`.
    static func isExternalID(_ value: String) -> Bool {
        (2...1224).contains(value.unicodeScalars.count)
            && value.unicodeScalars.allSatisfy { isAlphanumeric($0) || "_+=,.@:/-".unicodeScalars.contains($0) }
    }

    /// STS `RoleSessionName`: 2 to 64 characters of `[\w+=,.@-]`.
    static func isSessionName(_ value: String) -> Bool {
        (2...64).contains(value.unicodeScalars.count)
            && value.unicodeScalars.allSatisfy { isAlphanumeric($0) || "_+=,.@-".unicodeScalars.contains($0) }
    }

    /// An `http://` or `https://` URL with a host.
    static func isWebhookURL(_ url: String) -> Bool {
        for scheme in ["https://", "http://"] where url.hasPrefix(scheme) {
            let rest = url.dropFirst(scheme.count)
            guard let first = rest.unicodeScalars.first else { return false }
            return first != "/" && !rest.unicodeScalars.contains(where: { $0 == " " || $0 == "\n" })
        }
        return false
    }

    /// What STS accepts for `DurationSeconds`: 15 minutes to 12 hours (the role's own maximum
    /// may be lower; STS then refuses, and the account's target reports it).
    static let durationRange = 900...43_200

    /// Seconds in a Go-style duration made of `h`, `m` and `s` terms (`1h`, `1h30m`, `90m`,
    /// `3600s`, `1.5h`); nil when malformed or not whole seconds.
    static func durationSeconds(_ text: String) -> Int? {
        var total = 0.0
        var number = ""
        var terms = 0
        for scalar in text.unicodeScalars {
            if isDigit(scalar) || scalar == "." {
                number.unicodeScalars.append(scalar)
                continue
            }
            let unit: Double
            switch scalar {
            case "h": unit = 3600
            case "m": unit = 60
            case "s": unit = 1
            default: return nil
            }
            guard !number.isEmpty, number != ".", number.filter({ $0 == "." }).count <= 1, number.count <= 12,
                  let value = Double(number) else { return nil }
            total += value * unit
            number = ""
            terms += 1
        }
        guard number.isEmpty, terms > 0, total == total.rounded(), total < 1e9 else { return nil }
        return Int(total)
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
    private static func isLowercase(_ s: Unicode.Scalar) -> Bool { s >= "a" && s <= "z" }
    private static func isLetter(_ s: Unicode.Scalar) -> Bool { isLowercase(s) || (s >= "A" && s <= "Z") }
    private static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool { isLetter(s) || isDigit(s) }
}

/// HCL literal text for a value, as `--var NAME=VALUE` parses it for a variable of a complex
/// type: strings quoted with HCL's escapes (`${` and `%{` doubled so nothing is interpolated),
/// objects with quoted keys in key order.
enum HCLLiteral {
    static func render(_ value: HCLValue) -> String {
        switch value {
        case .null, .unknown: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return HCLValue.formatNumber(number)
        case .string(let text): return quoted(text)
        case .tuple(let items), .set(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
        case .object(let members):
            let items = members.keys.sorted(by: HCLValue.keyOrder).map { "\(quoted($0)) = \(render(members[$0] ?? .null))" }
            return "{" + items.joined(separator: ", ") + "}"
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "{" where previous == "$" || previous == "%":
                // `${` → `$${`, `%{` → `%%{`: the previous character is doubled.
                result.unicodeScalars.append(previous ?? "$")
                result += "{"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
            previous = scalar
        }
        return result + "\""
    }
}
