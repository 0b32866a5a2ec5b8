import HCL

/// `csvdecode`: Go's `encoding/csv` rules (quoted fields with `""`, newlines inside quotes, blank
/// lines skipped, every record as wide as the header) into a list of objects of strings.
enum CSVFunction {
    static let csvdecode = Builtin.function("csvdecode", ["str"]) { args throws(FunctionError) in
        let records: [[String]]
        switch parse(try args.string(0)) {
        case .success(let rows): records = rows
        case .failure(let error): throw args.fail(nil, error.message)
        }
        guard let header = records.first else { throw args.fail(nil, "missing header line") }
        return .tuple(records.dropFirst().map { row in
            .object(Dictionary(zip(header, row.map(HCLValue.string)), uniquingKeysWith: { _, last in last }))
        })
    }

    struct ParseError: Error { var message: String }

    static func parse(_ text: String) -> Result<[[String]], ParseError> {
        var records: [[String]] = []
        var field = String.UnicodeScalarView()
        var record: [String] = []
        var quoted = false, fieldStarted = false, afterQuote = false
        var line = 1, recordLine = 1
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func endRecord() -> ParseError? {
            if record.isEmpty, field.isEmpty, !fieldStarted { return nil }
            record.append(String(field))
            field = String.UnicodeScalarView()
            fieldStarted = false
            afterQuote = false
            if let width = records.first?.count, record.count != width {
                return ParseError(message: "CSV parse error on line \(recordLine): wrong number of fields")
            }
            records.append(record)
            record = []
            return nil
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if quoted {
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" { field.append("\""); index += 1 } else { quoted = false; afterQuote = true }
                } else {
                    if scalar == "\n" { line += 1 }
                    if scalar == "\r", index < scalars.count, scalars[index] == "\n" { continue }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                record.append(String(field))
                field = String.UnicodeScalarView()
                fieldStarted = true
                afterQuote = false
            case "\r" where index < scalars.count && scalars[index] == "\n":
                continue
            case "\n", "\r":
                if let error = endRecord() { return .failure(error) }
                line += 1
                recordLine = line
            case "\"":
                if field.isEmpty, !afterQuote {
                    quoted = true
                    fieldStarted = true
                } else {
                    return .failure(ParseError(message: afterQuote
                        ? "CSV parse error on line \(line): extraneous or missing \" in quoted-field"
                        : "CSV parse error on line \(line): bare \" in non-quoted-field"))
                }
            default:
                if afterQuote {
                    return .failure(ParseError(message: "CSV parse error on line \(line): extraneous or missing \" in quoted-field"))
                }
                field.append(scalar)
                fieldStarted = true
            }
        }
        if quoted { return .failure(ParseError(message: "CSV parse error on line \(line): extraneous or missing \" in quoted-field")) }
        if let error = endRecord() { return .failure(error) }
        return .success(records)
    }
}
