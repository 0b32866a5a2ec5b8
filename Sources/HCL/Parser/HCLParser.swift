/// The outcome of parsing a file: always a tree, plus every problem found on the way.
public struct ParseResult: Sendable {
    public var body: Body
    public var diagnostics: [Diagnostic]

    public init(body: Body, diagnostics: [Diagnostic]) {
        self.body = body
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Entry points for HCL's native syntax (`.tf`, `.tfvars`, templates).
///
/// Parsing never throws: a broken file still yields a tree (faulty expressions become unknown
/// placeholders) and diagnostics with `file:line:col`, so callers can report every problem at once.
/// Quoted strings and heredocs without interpolations or directives are parsed to string literals.
public enum HCLParser {
    /// Parses a configuration file's body.
    public static func parse(_ source: String, filename: String) -> ParseResult {
        let bytes = withoutByteOrderMark(source)
        let tokens = bytes.withUnsafeBufferPointer { Lexer.tokenize($0) }
        var parser = Parser(tokens: tokens, map: SourceMap(bytes: bytes, filename: filename))
        parser.reportLexicalErrors()
        let body = parser.parseBody(inBlock: false, start: 0)
        return ParseResult(body: body, diagnostics: parser.diagnostics)
    }

    /// Parses one standalone expression, e.g. a `--var` value or a type constraint. Anything after
    /// the expression other than newlines is an error.
    public static func parseExpression(_ source: String, filename: String) -> (Expression?, [Diagnostic]) {
        let bytes = withoutByteOrderMark(source)
        let tokens = bytes.withUnsafeBufferPointer { Lexer.tokenize($0) }
        var parser = Parser(tokens: tokens, map: SourceMap(bytes: bytes, filename: filename))
        parser.reportLexicalErrors()
        parser.pushNewlines(false)
        let expression = parser.parseExpression()
        let rest = parser.peek()
        if rest.kind != .endOfFile {
            parser.unexpected(rest, "Extra characters after expression", "An expression was successfully parsed, but extra characters were found after it.")
        }
        if parser.diagnostics.contains(where: { $0.severity == .error }) { return (nil, parser.diagnostics) }
        return (expression, parser.diagnostics)
    }

    /// Parses a whole input as a template (`templatefile`): literal text with `${}` and `%{}`
    /// sequences; only `$${` and `%%{` are escapes.
    public static func parseTemplate(_ source: String, filename: String) -> (Expression, [Diagnostic]) {
        parseTemplate(source, filename: filename, base: nil)
    }

    /// A template whose positions are shifted to start at `base` (a string inside a JSON file).
    static func parseTemplate(_ source: String, filename: String, base: SourcePosition?) -> (Expression, [Diagnostic]) {
        let bytes = withoutByteOrderMark(source)
        let tokens = bytes.withUnsafeBufferPointer { Lexer.tokenize($0, template: true) }
        var parser = Parser(tokens: tokens, map: SourceMap(bytes: bytes, filename: filename, base: base))
        parser.reportLexicalErrors()
        let expression = parser.parseBareTemplate()
        return (expression, parser.diagnostics)
    }

    /// The source's UTF-8 bytes without a leading byte order mark, which HCL ignores.
    private static func withoutByteOrderMark(_ source: String) -> [UInt8] {
        let bytes = Array(source.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        return bytes
    }
}
